import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/support/fake-fetch.ts';
import { createHttpClient } from '../http/client.ts';
import type { RateBudgetRepository } from '../repositories/types.ts';
import { createMusicBrainzGate, serverWait } from './gate.ts';
import { applyMbids } from './release-ids.ts';
import { BATCH_RETRY_MS, createUrlLookupClient } from './url-lookup.ts';

const MB = 'https://musicbrainz.test';
const A1 = '11111111-1111-4111-8111-111111111111';
const A2 = '22222222-2222-4222-8222-222222222222';
const REL = '33333333-3333-4333-8333-333333333333';
const entity = (resource: string, type: string, id: string) => ({
  resource,
  relations: [{ 'target-type': type, 'type-id': 'x', ended: false, [type]: { id } }],
});
const url = (...resources: string[]) =>
  `${MB}/ws/2/url?${resources.map((r) => `resource=${encodeURIComponent(r)}`).join('&')}&inc=artist-rels+label-rels+release-rels+release-group-rels+recording-rels&fmt=json`;

function http(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  const client = createHttpClient({
    allowedHosts: new Map([['musicbrainz', ['musicbrainz.test']]]),
    userAgent: 'test',
    timeoutMs: 1000,
    retries: 0,
    maxRetryAfterMs: 1000,
    maxResponseBytes: 1_000_000,
    fetch: fake.fetch,
  });
  return { client, requests: fake.requests };
}

describe('ws/2/url look-ups', () => {
  const a = 'https://www.deezer.com/artist/1';
  const b = 'https://www.deezer.com/artist/2';
  const c = 'https://www.deezer.com/album/3';

  it('asks for many URLs in one request and treats a one-URL 404 as unknown', async () => {
    const { client, requests } = http({
      [url(a, b, c)]: {
        'url-count': 2,
        urls: [entity(a, 'artist', A1), entity(c, 'release', REL)],
      },
      [url(b)]: { status: 404, body: { error: 'Not Found' } },
    });
    const lookup = createUrlLookupClient(client, MB);
    const found = await lookup.lookup([a, b, c]);
    expect(found.get(a)).toEqual([{ targetType: 'artist', mbid: A1, ended: false, typeId: 'x' }]);
    expect(found.get(c)?.[0]?.mbid).toBe(REL);
    expect(found.has(b)).toBe(false);
    expect(requests).toHaveLength(1);
    expect((await lookup.lookup([b])).size).toBe(0);
  });

  it('falls back to one URL per request on a server without batch look-ups, for an hour', async () => {
    const { client, requests } = http({
      [url(a, b)]: entity(a, 'artist', A1),
      [url(a)]: entity(a, 'artist', A1),
      [url(b)]: entity(b, 'artist', A2),
      [url(a, c)]: { status: 400, body: { error: 'bad' } },
      [url(c)]: { status: 404, body: {} },
    });
    let clock = 0;
    const lookup = createUrlLookupClient(client, MB, () => clock);
    const found = await lookup.lookup([a, b]);
    expect([...found.keys()]).toEqual([a, b]);
    expect(requests).toEqual([url(a, b), url(a), url(b)]);
    clock = BATCH_RETRY_MS - 1;
    await lookup.lookup([a, c]);
    expect(requests.slice(3)).toEqual([url(a), url(c)]);
    // After the hour a batch is tried again (this server still refuses it: 400, then singles).
    clock = BATCH_RETRY_MS;
    await lookup.lookup([a, c]);
    expect(requests.slice(5)).toEqual([url(a, c), url(a), url(c)]);
  });
});

describe('the shared MusicBrainz budget', () => {
  it('reads how long the server asks to wait', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverWait(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(serverWait(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(
      5000,
    );
    expect(serverWait(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 3) }), now)).toBe(
      3000,
    );
    expect(serverWait(new Headers(), now)).toBeUndefined();
  });

  it('claims its moment when it sends, and honours a 503 once, as told', async () => {
    const pushed: number[] = [];
    const slept: number[] = [];
    const claims = [250, 40, 0];
    const budgets: RateBudgetRepository = {
      // Another instance took the moment it waited for: it waits again instead of sending.
      claim: async () => claims.shift() ?? 0,
      nextFree: async () => 0,
      pushBack: async (_name, ms) => void pushed.push(ms),
      take: async () => 0,
    };
    const waits: number[] = [];
    const gate = createMusicBrainzGate({
      intervalMs: 1100,
      budgets,
      sleep: async (ms) => void slept.push(ms),
      onWait: (ms) => waits.push(ms),
    });
    await gate.acquire();
    expect(slept).toEqual([250, 40]);
    expect(waits).toEqual([290]);
    expect(gate.waiting()).toBe(0);
    await gate.observe?.(503, new Headers({ 'retry-after': '9' }));
    // Without Retry-After one interval; a second refusal does not double it.
    await gate.observe?.(503, new Headers());
    await gate.observe?.(503, new Headers());
    await gate.observe?.(200, new Headers());
    expect(pushed).toEqual([9000, 1100, 1100]);
  });
});

describe('MBIDs on the merged release', () => {
  const release = releaseSchema.parse({
    title: 'T',
    artists: [
      { name: 'One', externalIds: [{ provider: 'deezer', type: 'artist', id: '1' }] },
      {
        name: 'Two',
        externalIds: [
          { provider: 'deezer', type: 'artist', id: '2' },
          { provider: 'spotify', type: 'artist', id: '4Z8W4fKeB5YxbusRsdQVPb' },
        ],
      },
    ],
    labels: [{ name: 'L', externalIds: [{ provider: 'deezer', type: 'label', id: '5' }] }],
    media: [{ tracks: [{ number: '1', title: 'a' }] }],
    externalLinks: [{ url: 'https://www.deezer.com/album/3', types: ['free streaming'] }],
  });

  it('sets an MBID only when every link agrees, and says when they do not', () => {
    const answers = new Map([
      ['https://www.deezer.com/artist/1', [{ targetType: 'artist', mbid: A1, ended: false }]],
      ['https://www.deezer.com/artist/2', [{ targetType: 'artist', mbid: A1, ended: false }]],
      [
        'https://open.spotify.com/artist/4Z8W4fKeB5YxbusRsdQVPb',
        [{ targetType: 'artist', mbid: A2, ended: false }],
      ],
      ['https://www.deezer.com/label/5', [{ targetType: 'label', mbid: A2, ended: false }]],
      ['https://www.deezer.com/album/3', [{ targetType: 'release', mbid: REL, ended: false }]],
    ]);
    const resolved = applyMbids(release, answers);
    expect(resolved.release.artists.map((a) => a.mbid)).toEqual([A1, undefined]);
    expect(resolved.release.labels[0]?.mbid).toBe(A2);
    expect(resolved.existing).toEqual([{ mbid: REL, url: 'https://www.deezer.com/album/3' }]);
    expect(resolved.messages[0]?.text).toMatch(
      /artist "Two" are linked to 2 different MusicBrainz artists/,
    );
  });
});
