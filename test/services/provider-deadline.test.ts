/**
 * A store that never finishes answering: its part of the look-up ends at lookup.providerTimeout
 * with a message, its request is cancelled, and the look-up returns what the others gave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { testDatabases } from '../support/databases.ts';
import { testConfig } from '../support/providers.ts';
import { json, type StandIn, startStandIn } from '../support/stand-in.ts';
import { musicBrainzUrlRoute, twoSidesBandcampPage } from '../support/stand-ins.ts';

const BANDCAMP = 'https://alpha.bandcamp.com/album/two-sides';
const [first] = testDatabases();

describe('a provider past its deadline', () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let app: App;
  let cancelled = 0;

  beforeAll(async () => {
    database = await first!.open();
    upstream = await startStandIn();
    upstream.route('*', (req, res) => {
      if (req.path.startsWith('/deezer/')) {
        // Headers and then nothing: neither the per-request time-out (15 s) nor the body ends it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":');
        res.on('close', () => cancelled++);
        return;
      }
      if (req.path.startsWith('/mb/ws/2/url')) return musicBrainzUrlRoute({})(req, res);
      if (req.path === '/bandcamp/alpha/album/two-sides')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(twoSidesBandcampPage());
      return json({ error: 'no route' }, 404)(req, res);
    });
    const config = testConfig({
      LINER_PROVIDERS: 'deezer,bandcamp',
      LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
      LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${upstream.url}/bandcamp/{band}`,
      LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
      LINER_MUSICBRAINZ_REQUEST_INTERVAL: '20ms',
      LINER_LOOKUP_PROVIDER_TIMEOUT: '400ms',
    });
    app = await createApp({ config, logger: silentLogger(), database });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    await database.close();
  });

  it('ends that part with a message, cancels its request and keeps the rest', async () => {
    const result = await app.services.lookup.lookup({ urls: [BANDCAMP] });
    expect(result.release?.title).toBe('Two Sides');
    const deezer = result.providers.find((p) => p.name === 'deezer');
    expect(deezer?.error).toMatchObject({ kind: 'timeout' });
    expect(deezer?.error?.message).toBe(
      'Deezer took longer than 0.4 s for this look-up; its unfinished requests were cancelled',
    );
    expect(result.providers.find((p) => p.name === 'bandcamp')?.error).toBeUndefined();
    // The hanging request was closed from our side, not left to run on.
    await expect.poll(() => cancelled, { timeout: 2_000 }).toBeGreaterThan(0);
  });

  it('refuses a deadline the fetch lease would not cover', () => {
    expect(() =>
      testConfig({ LINER_LOOKUP_PROVIDER_TIMEOUT: '3m', LINER_LOOKUP_FETCH_LEASE: '2m' }),
    ).toThrow(/lookup\.providerTimeout.*must be shorter than lookup\.fetchLease/);
  });
});
