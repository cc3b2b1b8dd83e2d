/**
 * What the recording search costs a look-up, on the real wiring (app, HTTP layer, MusicBrainz
 * budget, repositories) against the benchmarks' stand-in stores (bench/lib/stand-ins.ts: every
 * store of the default set, a MusicBrainz that refuses with 503 any request less than a second
 * after the one before): the search starts with the store answer that gives the ISRCs, beside
 * the barcode phase, so that it adds no round trip to the chain; and the searches of concurrent
 * look-ups on two instances share requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BenchStores,
  LATENCY,
  startBenchStores,
  storeEnv,
  TRACKS,
} from '../../bench/lib/stand-ins.ts';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { longestChain } from '../../server/src/http/lookup-context.ts';
import { silentLogger } from '../../server/src/log.ts';
import { ISRC_BATCH } from '../../server/src/musicbrainz/recording-search.ts';
import { testDatabases } from '../support/databases.ts';
import { testConfig } from '../support/providers.ts';

const deezer = (n: number) => ({ urls: [`https://www.deezer.com/album/${n}`] });
/**
 * The budget's interval here: wider than the default's 1.1 s because the strict stand-in stamps
 * arrivals on this process's event loop, shared with both instances and the other suites of a CI
 * run, so a stamp can come hundreds of milliseconds late and the next one on time. What this file
 * holds is the order and the sharing of requests; whether the default's margin holds on arrival
 * is the concurrent cold bench's figure (bench/README.md), measured with the stand-in apart.
 */
const INTERVAL_MS = 1_400;

describe.each(testDatabases())(
  'MusicBrainz requests of the recording search on $kind',
  ({ open }) => {
    let database: DatabaseHandle;
    let stores: BenchStores;
    let apps: App[];
    let plain: App;
    const path = (p: string) => stores.spans.filter((s) => s.path.startsWith(p));

    beforeAll(async () => {
      database = await open();
      stores = await startBenchStores({ ...LATENCY, apple: 600 });
      const env = storeEnv(stores);
      const make = (extra: Record<string, string> = {}) =>
        createApp({
          config: testConfig({
            ...env,
            LINER_MUSICBRAINZ_REQUEST_INTERVAL: `${INTERVAL_MS}ms`,
            ...extra,
          }),
          logger: silentLogger(),
          database,
        });
      apps = [await make(), await make()];
      plain = await make({ LINER_MUSICBRAINZ_MATCH_RECORDINGS: 'false' });
    }, 60_000);
    afterAll(async () => {
      for (const app of [...apps, plain]) await app.close();
      await stores.close();
      await database.close();
    });

    it('searches the ISRCs beside the barcode phase: one more request, no longer chain', async () => {
      // Even releases are at every store: the Deezer album gives the ISRCs and the barcode,
      // which Apple (slow here: 600 ms) is then asked for while the ISRCs are searched.
      const without = await plain.services.lookup.lookup(deezer(60_002));
      // The budget free again: no request of this look-up waits for that one's slot.
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 100));
      const before = stores.spans.length;
      const result = await apps[0]!.services.lookup.lookup(deezer(61_002));
      expect(result.recordings?.filter((r) => r.matched)).toHaveLength(TRACKS);
      expect(without.cost?.musicbrainzRequests).toBe(1);
      expect(result.cost?.musicbrainzRequests).toBe(2);
      const sent = stores.spans.slice(before);
      const search = sent.find((s) => s.path.startsWith('/mb/ws/2/recording'))!;
      const urls = sent.find((s) => s.path.startsWith('/mb/ws/2/url'))!;
      const apple = sent.find((s) => s.path.startsWith('/apple/'))!;
      const tracks = sent.filter((s) => s.path.startsWith('/deezer/track/'));
      // After the tracks that gave the ISRCs, while Apple was asked, before the URL look-up
      // (which waits for the merge, so for Apple).
      expect(search.start).toBeGreaterThanOrEqual(Math.max(...tracks.map((s) => s.end)));
      expect(search.start).toBeLessThan(apple.end);
      expect(search.start).toBeLessThan(urls.start);
      // The stores' chain as the stand-in saw it, and the URL look-up after them: the search
      // beside Apple adds no round trip, and the URL look-up's wait for the budget after the
      // search is no round trip either.
      const storeSpans = sent.filter((s) => !s.path.startsWith('/mb/'));
      expect(result.cost?.chain).toBeLessThanOrEqual(longestChain(storeSpans) + 1);
      expect(stores.musicbrainz.refused).toBe(0);
    }, 60_000);

    it('shares the searches of concurrent look-ups on two instances', async () => {
      const before = { ...stores.musicbrainz, arrivals: stores.musicbrainz.arrivals.length };
      const searches = () => path('/mb/ws/2/recording').length;
      const searchesBefore = searches();
      const looked = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          apps[i % 2]!.services.lookup.lookup(deezer(62_000 + 2 * i)),
        ),
      );
      const matched = looked.map((r) => r.recordings?.filter((m) => m.matched).length);
      expect(matched).toEqual(Array(6).fill(TRACKS));
      const isrcs = stores.musicbrainz.isrcs - before.isrcs;
      // Each ISRC asked once; the first search goes alone as soon as the first tracks are in,
      // the others gather: at most one more than the ISRCs need, not one a look-up.
      expect(isrcs).toBe(6 * TRACKS);
      expect(searches() - searchesBefore).toBeLessThanOrEqual(Math.ceil(isrcs / ISRC_BATCH) + 1);
      const arrivals = stores.musicbrainz.arrivals.slice(before.arrivals);
      expect(stores.musicbrainz.refused).toBe(0);
      expect(arrivals.length).toBeLessThanOrEqual(
        Math.ceil(isrcs / ISRC_BATCH) +
          Math.ceil((stores.musicbrainz.resources - before.resources) / 100) +
          2,
      );
    }, 90_000);
  },
);
