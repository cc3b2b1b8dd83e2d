/**
 * What one cold look-up costs upstream, case by case, beside Harmony's pattern as read from its
 * source: requests (stores and MusicBrainz) and the longest chain of them that went one after
 * another. Liner's figures are counted at the stand-in stores (bench/lib/stand-ins.ts), one
 * look-up at a time on a server in its default configuration, recording matching on (after one
 * look-up of another release, so that the process has its connections open); the result's own
 * `cost` must say the same requests. Its chain counts dependent round trips: a MusicBrainz
 * request that waited for its slot of the budget (one a second) after another MusicBrainz
 * request did not wait for that one's answer, so the chain at the stand-in, which sees only
 * when requests arrived, is one more where a look-up made two MusicBrainz requests that did not
 * depend on each other (the recording search beside the URL look-up). Releases have TRACKS tracks; "misses" means every store but the one of the URL lacks
 * the release (answered as each store answers a miss).
 *
 * Harmony's figures are not measured (it cannot run here): they follow from its source
 * (kellnerd/harmony), with its release page's options (withAllTrackArtists, withISRC), its
 * default regions GB, US, DE, JP and without Spotify and Tidal credentials (as Liner runs
 * without them), for the same release:
 * - Deezer by ID or barcode: the album, then every track at once (withAllTrackArtists: 1 + T
 *   requests, 2 in a row); a barcode it lacks: 1. It asks the 12-digit form only.
 * - iTunes: queryAllRegions asks one storefront after another until one answers: 1 request when
 *   the first has the release, 4 in a row when none has it; an Apple URL asks its own storefront.
 * - Bandcamp and Discogs: 1 request each (the album page; the release).
 * - The barcode phase (getCompleteProviderReleaseMapping) narrows the regions to where the
 *   release was found or is available: a Bandcamp release (availableIn XW) leaves iTunes its
 *   default storefront alone, a Discogs release from the UK leaves GB.
 * - MusicBrainz: resolveReleaseMbids batches the release's URLs into one ws/2/url request.
 */

import { longestChain } from '../server/src/http/lookup-context.ts';
import { machineLine } from './lib/machine.ts';
import { benchDatabases, type StartedServer, startServer } from './lib/servers.ts';
import {
  APPLE_ID_BASE,
  type BenchStores,
  startBenchStores,
  storeEnv,
  TRACKS,
  upcFor,
} from './lib/stand-ins.ts';

const T = TRACKS;

interface Case {
  name: string;
  input: (n: number) => object;
  /** Harmony's requests and chain, with and without misses (see above). */
  harmony: { hit: [number, number]; miss: [number, number] };
}

const CASES: Case[] = [
  {
    name: 'Deezer URL',
    input: (n) => ({ urls: [`https://www.deezer.com/album/${n}`] }),
    // Deezer 1 + T (2 in a row), iTunes 1 or 4 in a row, MusicBrainz 1.
    harmony: { hit: [T + 3, 4], miss: [T + 6, 7] },
  },
  {
    name: 'Apple URL',
    input: (n) => ({ urls: [`https://music.apple.com/gb/album/x/${APPLE_ID_BASE + n}`] }),
    // iTunes 1, the barcode from the artwork URL at Deezer: 1 + T or 1, MusicBrainz 1.
    harmony: { hit: [T + 3, 4], miss: [3, 3] },
  },
  {
    name: 'Discogs URL',
    input: (n) => ({ urls: [`https://www.discogs.com/release/${n}`] }),
    // Discogs 1, then Deezer 1 + T or 1 beside iTunes in GB 1, MusicBrainz 1.
    harmony: { hit: [T + 4, 4], miss: [4, 3] },
  },
  {
    name: 'Bandcamp URL',
    input: (n) => ({ urls: [`https://bench.bandcamp.com/album/album-${n}`] }),
    // Bandcamp 1, then Deezer 1 + T or 1 beside iTunes in US 1, MusicBrainz 1.
    harmony: { hit: [T + 4, 4], miss: [4, 3] },
  },
  {
    name: 'barcode',
    input: (n) => ({ gtin: upcFor(n) }),
    // Deezer 1 + T beside iTunes 1, MusicBrainz 1; nobody has it: Deezer 1, iTunes 4 in a row.
    harmony: { hit: [T + 3, 3], miss: [5, 4] },
  },
];

interface Cost {
  requests: number;
  musicbrainzRequests: number;
  chain: number;
}

async function measure(stores: BenchStores, server: StartedServer, body: object) {
  const before = stores.spans.length;
  const response = await fetch(`${server.url}/trpc/lookup.release`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  const answer = (await response.json()) as {
    result: { data: { cost?: Cost; recordings?: { matched: boolean }[] } };
  };
  const spans = stores.spans.slice(before);
  const mb = spans.filter((s) => s.path.startsWith('/mb/')).length;
  return {
    requests: spans.length,
    musicbrainz: mb,
    chain: longestChain(spans),
    reported: answer.result.data.cost,
    matched: answer.result.data.recordings?.filter((r) => r.matched).length ?? 0,
  };
}

const [database] = (await benchDatabases()).slice(-1);
const stores = await startBenchStores();
const server = await startServer({ ...storeEnv(stores), ...database!.env() });
const rows: string[] = [];
let n = 50_000 + (Date.now() % 1000) * 100;
try {
  // A look-up of another release first: the figures are those of a cold cache on a running
  // server, not of a process's first moments (its database pool still opening connections).
  await measure(stores, server, CASES[0]!.input(n - 10));
  for (const c of CASES)
    for (const misses of [false, true]) {
      n += misses ? (n % 2 === 0 ? 1 : 2) : n % 2 === 0 ? 2 : 1;
      const got = await measure(stores, server, c.input(n));
      const [hr, hc] = misses ? c.harmony.miss : c.harmony.hit;
      const said = got.reported
        ? `${got.reported.requests} + ${got.reported.musicbrainzRequests}, ${got.reported.chain}`
        : 'none';
      rows.push(
        `| ${c.name} | ${misses ? 'yes' : 'no'} | ${got.requests} (${got.musicbrainz} MB) | ${got.chain} | ${said} | ${got.matched} | ${hr} | ${hc} |`,
      );
    }
} finally {
  await server.stop();
  await stores.close();
  await database!.drop();
}
console.log(
  `One cold look-up at a time, ${T} tracks a release, ${database!.name}, default configuration · ${machineLine()}`,
);
console.log(
  '| case | misses | Liner requests | Liner chain in time (stand-in) | Liner says (stores + MB, dependent chain) | tracks matched to recordings | Harmony requests | Harmony chain |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
