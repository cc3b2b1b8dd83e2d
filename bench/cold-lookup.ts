/**
 * Concurrent cold look-ups, as a deployment meets them: BENCH_LOOKUPS (20) distinct look-ups
 * from BENCH_CLIENTS (10) clients at once over the API, on servers in their default
 * configuration (the default store set and barcode phase) against stand-in stores whose misses
 * are answered as the real ones answer them, and a MusicBrainz stand-in that refuses any request
 * arriving less than a second after the one before (503). Counted: MusicBrainz requests (and per
 * look-up), 503s, the shortest gap between two arrivals, the URLs asked, the recording searches
 * by ISRC (matching on, the default) with the ISRCs they asked and the tracks they matched, and
 * the bound ceil(URLs / 100) + ceil(ISRCs / 50) + 2 over the distinct URLs and ISRCs (a key
 * asked twice is a request the bound does not grant: counting each asking would hide it);
 * store requests; the wall time; memory idle and under this load. On the embedded database and on
 * PostgreSQL, each with one and two instances.
 */
import { machineLine } from './lib/machine.ts';
import {
  benchDatabases,
  memoryOf,
  type StartedServer,
  sampleMemory,
  startServer,
} from './lib/servers.ts';
import { APPLE_ID_BASE, startBenchStores, storeEnv, upcFor } from './lib/stand-ins.ts';

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
/** Idle is after the start has settled: the pool's idle connections closed (30 s), garbage collected. */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 35);

/** Look-up i: a Deezer, Apple or Bandcamp URL or a barcode; odd releases miss elsewhere. */
function input(i: number, base: number): object {
  const n = base + i;
  switch (i % 4) {
    case 0:
      return { urls: [`https://www.deezer.com/album/${n}`] };
    case 1:
      return { urls: [`https://music.apple.com/gb/album/x/${APPLE_ID_BASE + n}`] };
    case 2:
      return { urls: [`https://bench.bandcamp.com/album/album-${n}`] };
    default:
      return { gtin: upcFor(n) };
  }
}

interface Outcome {
  ok: boolean;
  ms: number;
  /** Tracks seeded with an existing recording, of the tracks with an ISRC. */
  matched: number;
  withIsrc: number;
}

async function lookup(server: string, body: object): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${server}/trpc/lookup.release`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  const json = (await response.json()) as {
    result?: { data?: { release?: unknown; recordings?: { isrc?: string; matched: boolean }[] } };
  };
  const recordings = json.result?.data?.recordings ?? [];
  return {
    ok: response.ok && Boolean(json.result?.data?.release),
    ms: performance.now() - started,
    matched: recordings.filter((r) => r.matched).length,
    withIsrc: recordings.filter((r) => r.isrc).length,
  };
}

const sum2 = (list: Outcome[], key: 'matched' | 'withIsrc') =>
  list.reduce((total, outcome) => total + outcome[key], 0);

async function run(name: string, env: Record<string, string>, instances: number, base: number) {
  const stores = await startBenchStores();
  const servers: StartedServer[] = [];
  try {
    for (let i = 0; i < instances; i++)
      servers.push(await startServer({ ...storeEnv(stores), ...env }));
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idle = servers.map((s) => memoryOf(s.child.pid!));
    const sampler = sampleMemory(servers.map((s) => s.child.pid!));
    const queue = Array.from({ length: LOOKUPS }, (_, i) => i);
    const results: Outcome[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift())
          results.push(await lookup(servers[client % instances]!.url, input(i, base)));
      }),
    );
    const wall = (performance.now() - started) / 1000;
    if (process.env.BENCH_TRACE) {
      const t0 = stores.spans[0]?.start ?? 0;
      const trace = stores.spans
        .filter((s) => s.path.startsWith('/mb/'))
        .sort((a, b) => a.start - b.start)
        .map((s) => {
          const q = new URL(s.path, 'http://x').searchParams;
          const n = q.getAll('resource').length || (q.get('query') ?? '').split(' OR ').length;
          return `${((s.start - t0) / 1000).toFixed(1)}${s.path.startsWith('/mb/ws/2/recording') ? 'i' : 'u'}${n}`;
        });
      console.error(`${name} ${instances}: ${trace.join(' ')}`);
    }
    const loaded = sampler.stop();
    const { arrivals, refused, resources, urls, searches, isrcs, distinctIsrcs } =
      stores.musicbrainz;
    const matched = `${sum2(results, 'matched')}/${sum2(results, 'withIsrc')}`;
    const bound = Math.ceil(urls.size / 100) + Math.ceil(distinctIsrcs.size / 50) + 2;
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    const storeRequests = stores.spans.filter((s) => !s.path.startsWith('/mb/')).length;
    const sum = (list: { rss: number; total: number }[]) =>
      `${list.reduce((s, m) => s + m.rss, 0)} / ${list.reduce((s, m) => s + m.total, 0)}`;
    const ready = servers.map((s) => s.readyMs).join(', ');
    return `| ${name} | ${instances} | ${ready} | ${wall.toFixed(1)} | ${results.filter((r) => r.ok).length}/${LOOKUPS} | ${arrivals.length} | ${(arrivals.length / LOOKUPS).toFixed(2)} | ${refused} | ${gaps.length ? Math.min(...gaps) : '-'} | ${resources} (${urls.size}) | ${searches} (${isrcs}, ${distinctIsrcs.size}) | ${matched} | ${bound} | ${storeRequests} | ${sum(idle)} | ${loaded.rss} / ${loaded.total} |`;
  } finally {
    for (const server of servers) await server.stop();
    await stores.close();
  }
}

/** Time to /ready of a server started again on a data directory that exists. */
async function restart(env: Record<string, string>): Promise<number> {
  const server = await startServer(env);
  await server.stop();
  return server.readyMs;
}

const rows: string[] = [];
let base = 10_000 + (Date.now() % 1000) * 100;
for (const db of await benchDatabases()) {
  try {
    for (const instances of db.shared ? [1, 2] : [1]) {
      const row = await run(db.name, db.env(), instances, base);
      // The first start of an embedded database makes its cluster; a restart is the usual start.
      const first = db.name.startsWith('embedded') && instances === 1;
      rows.push(
        first
          ? row.replace(/^(\| [^|]+ \| 1 \| )(\d+)/, `$1$2 (restart ${await restart(db.env())})`)
          : row,
      );
      base += 1000;
    }
  } finally {
    await db.drop();
  }
}
console.log(
  `${LOOKUPS} distinct cold look-ups (Deezer, Apple, Bandcamp URLs and barcodes; half missing at the other stores) from ${CLIENTS} clients; MusicBrainz stand-in: 1 request/s strictly · ${machineLine()}`,
);
console.log(
  '| database | instances | ms to /ready | wall s | merged | MusicBrainz requests | per look-up | 503s | min gap ms | URLs asked (distinct) | ISRC searches (ISRCs asked, distinct) | tracks matched | ceil(URLs/100)+ceil(ISRCs/50)+2, distinct | store requests | RSS idle MiB (server / with its database) | RSS loaded MiB |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
