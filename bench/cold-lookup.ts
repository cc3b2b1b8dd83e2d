/**
 * Cold look-ups against stand-in stores with set latencies: wall time beside the critical path
 * those latencies allow, and MusicBrainz requests per look-up; then 100 concurrent identical cold
 * look-ups and the upstream requests they made. PGlite, and PostgreSQL when a URL is given.
 */
import { type App, createApp } from '../server/src/app.ts';
import { type DatabaseHandle, openDatabase } from '../server/src/db/connect.ts';
import { silentLogger } from '../server/src/log.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { testConfig } from '../test/support/providers.ts';
import { machineLine, percentile } from './lib/machine.ts';
import { countBy, startSyntheticStores, storeEnv, TRACKS } from './lib/stand-ins.ts';

const LATENCY = { deezer: 80, bandcamp: 120, musicbrainz: 60 };
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Deezer's declared concurrency: tracks are fetched this many at a time. */
const DEEZER_CONCURRENCY = 8;
const deezerRounds = 1 + Math.ceil(TRACKS / DEEZER_CONCURRENCY);

async function run(kind: string, database: DatabaseHandle) {
  const stores = await startSyntheticStores(LATENCY);
  const app: App = await createApp({
    config: testConfig({ ...storeEnv(stores), LINER_HTTP_RETRIES: '0' }),
    logger: silentLogger(),
    database,
  });
  const lines: string[] = [];
  try {
    const cases = [
      {
        name: 'Deezer URL',
        url: (i: number) => `https://www.deezer.com/album/${1000 + i}`,
        critical: deezerRounds * LATENCY.deezer + LATENCY.musicbrainz,
      },
      {
        name: 'Bandcamp URL, barcode to Deezer',
        url: (i: number) => `https://bench.bandcamp.com/album/album-${2000 + i}`,
        critical: LATENCY.bandcamp + deezerRounds * LATENCY.deezer + LATENCY.musicbrainz,
      },
    ];
    for (const c of cases) {
      const walls: number[] = [];
      const mbBefore = countBy(stores, '/mb/');
      for (let i = 0; i < RUNS; i++) {
        // One second apart, so the shared MusicBrainz budget never makes a look-up wait.
        await new Promise((r) => setTimeout(r, 1000));
        const started = performance.now();
        const result = await app.services.lookup.lookup({ urls: [c.url(i)] });
        walls.push(performance.now() - started);
        if (!result.release)
          throw new Error(`${c.name}: no release (${JSON.stringify(result.messages)})`);
      }
      const mb = (countBy(stores, '/mb/') - mbBefore) / RUNS;
      lines.push(
        `| ${kind} | ${c.name} | ${c.critical} | ${Math.round(percentile(walls, 50))} | ${Math.round(percentile(walls, 90))} | ${mb} |`,
      );
    }
    const before = stores.requests.length;
    const mbBefore = countBy(stores, '/mb/');
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 100 }, () =>
        app.services.lookup.lookup({ urls: ['https://www.deezer.com/album/777'] }),
      ),
    );
    const wall = Math.round(performance.now() - started);
    const deezer = stores.requests
      .slice(before)
      .filter((r) => r.path.startsWith('/deezer/')).length;
    lines.push(
      `| ${kind} | 100 concurrent identical (Deezer URL) | one set: ${1 + TRACKS} Deezer + 1 MusicBrainz | ${wall} (all 100) | | Deezer ${deezer}, MusicBrainz ${countBy(stores, '/mb/') - mbBefore} |`,
    );
  } finally {
    await app.close();
    await stores.close();
  }
  return lines;
}

const rows: string[] = [];
const pglite = await openDatabase({ kind: 'pglite', dataDir: 'memory://', lock: false });
try {
  rows.push(...(await run('PGlite', pglite)));
} finally {
  await pglite.close();
}
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const db = await createPostgresDatabase(pgUrl);
  try {
    rows.push(...(await run('PostgreSQL', db.handle)));
  } finally {
    await db.handle.close();
    await db.drop();
  }
}
console.log(
  `Cold look-ups, ${RUNS} runs each; latencies: Deezer ${LATENCY.deezer} ms, Bandcamp ${LATENCY.bandcamp} ms, MusicBrainz ${LATENCY.musicbrainz} ms · ${machineLine()}`,
);
console.log(
  '| database | look-up | critical path ms | wall p50 ms | wall p90 ms | MusicBrainz requests per look-up |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
