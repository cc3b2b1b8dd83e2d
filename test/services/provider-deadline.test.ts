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
import type { StandIn } from '../support/stand-in.ts';
import {
  TWO_SIDES_BANDCAMP as BANDCAMP,
  startStoreStandIns,
  storeStandInEnv,
  twoSidesRelease,
} from '../support/store-stand-ins.ts';

/** "Two Sides" in the stand-in MusicBrainz, linked to its Bandcamp page. */
const HELD = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a20';

const [first] = testDatabases();

describe('a provider past its deadline', () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let app: App;
  let cancelled = 0;

  beforeAll(async () => {
    database = await first!.open();
    upstream = await startStoreStandIns({
      override: (req, res) => {
        if (!req.path.startsWith('/deezer/')) return false;
        // Headers and then nothing: neither the per-request time-out (15 s) nor the body ends it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":');
        res.on('close', () => cancelled++);
        return true;
      },
    });
    const config = testConfig({
      ...storeStandInEnv(upstream),
      LINER_HTTP_RETRIES: '3',
      // Long enough for Bandcamp and MusicBrainz on a loaded machine; Deezer never answers.
      LINER_LOOKUP_PROVIDER_TIMEOUT: '2s',
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
    expect(deezer?.error).toMatchObject({
      message: 'Deezer took too long, and the look-up went on without it',
      detail:
        'Deezer took longer than 2 s for this look-up; its unfinished requests were cancelled',
    });
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

describe('the whole look-up deadline counts from the request', () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let app: App;

  beforeAll(async () => {
    database = await first!.open();
    upstream = await startStoreStandIns({ releases: { [HELD]: twoSidesRelease(HELD) } });
    const config = testConfig({
      ...storeStandInEnv(upstream, 'deezer,bandcamp,musicbrainz'),
      LINER_LOOKUP_DEADLINE: '10s',
    });
    app = await createApp({ config, logger: silentLogger(), database });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    await database.close();
  });

  it('a request that waited its deadline before the look-up began is answered at once, its permalink written after', async () => {
    // As if the request had waited 10 s at the edge (a stored-answer check behind a busy
    // database): nothing is left to wait for, so every provider is pending.
    const arrivedAt = new Date(Date.now() - 10_000);
    const result = await app.services.lookup.lookup({ urls: [BANDCAMP] }, { arrivedAt });
    expect(result.release).toBeUndefined();
    expect(result.providers.map((p) => p.error?.kind)).toEqual(
      result.providers.map(() => 'pending'),
    );
    // The answer did not wait for its write, and the write still lands.
    await expect
      .poll(async () => (await app.services.lookup.get(result.id))?.id, { timeout: 5_000 })
      .toBe(result.id);
    // The same question from a request that just arrived has the whole deadline again.
    const fresh = await app.services.lookup.lookup({ urls: [BANDCAMP], refresh: true });
    expect(fresh.release?.title).toBe('Two Sides');
  });

  it("a comparison's look-up counts from the request too", async () => {
    const arrivedAt = new Date(Date.now() - 10_000);
    const late = await app.services.compare.compare(HELD, { arrivedAt });
    expect(late.lookup?.release).toBeUndefined();
    expect(late.lookup?.providers.map((p) => p.error?.kind)).toEqual(
      late.lookup?.providers.map(() => 'pending'),
    );
    const now = await app.services.compare.compare(HELD, { refresh: true });
    expect(now.lookup?.release?.title).toBe('Two Sides');
  });
});
