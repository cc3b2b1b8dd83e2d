import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/providers.ts';
import { PROVIDERS } from './registry.ts';
import { endpointHost, networkPolicy, providerStatuses, providerTtl } from './setup.ts';

describe('provider set-up from the declarations', () => {
  it('takes cache lifetimes from the configuration, then the declaration, then the default', () => {
    const config = testConfig();
    expect(providerTtl(config, PROVIDERS.get('deezer')!)).toBe(24 * 3600_000);
    // MusicBrainz data is edited all the time: its declaration asks for a short lifetime.
    expect(providerTtl(config, PROVIDERS.get('musicbrainz')!)).toBe(10 * 60_000);
    const configured = testConfig({ LINER_PROVIDERS__MUSICBRAINZ__TTL: '1h' });
    expect(providerTtl(configured, PROVIDERS.get('musicbrainz')!)).toBe(3600_000);
  });

  it('allows each provider exactly the hosts of its endpoints', () => {
    const policy = networkPolicy(
      testConfig({ LINER_PROVIDERS__DEEZER__BASE_URL: 'http://127.0.0.1:9/x' }),
    );
    expect(policy.allowedHosts.get('deezer')).toEqual(['127.0.0.1:9']);
    expect(policy.allowedHosts.get('bandcamp')).toContain('*.bandcamp.com');
    expect(endpointHost('https://{band}.bandcamp.com')).toBe('*.bandcamp.com');
    expect(() => endpointHost('not a url')).toThrow(/invalid endpoint URL/);
  });

  it('gives a host that several providers share the most generous of their limits', () => {
    const policy = networkPolicy(
      testConfig({
        LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: 'http://127.0.0.1:9/bandcamp/{band}',
        LINER_PROVIDERS__DEEZER__BASE_URL: 'http://127.0.0.1:9/deezer',
      }),
    );
    // Bandcamp's one page a second (declared first by name) does not throttle Deezer's 50 per 5 s.
    expect(policy.rateLimits.filter((limit) => limit.host === '127.0.0.1:9')).toEqual([
      { host: '127.0.0.1:9', requests: 50, perMs: 5000, concurrency: 25 },
    ]);
    expect(policy.rateLimits.find((limit) => limit.host === 'www.beatport.com')).toBeDefined();
  });

  it('disables providers without their credentials, except under replay', () => {
    const statuses = providerStatuses(testConfig());
    expect(statuses.find((s) => s.name === 'spotify')).toMatchObject({
      enabled: false,
      reason: 'missing credentials: providers.spotify.clientId, providers.spotify.clientSecret',
    });
    expect(providerStatuses(testConfig(), true).find((s) => s.name === 'spotify')?.enabled).toBe(
      true,
    );
  });
});
