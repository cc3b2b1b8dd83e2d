/**
 * The embedded default's start as a user meets it: `liner serve` on a fresh data directory (the
 * first start makes the cluster), then restarts on it; milliseconds from spawning the process to
 * /ready answering 200, and the memory of the last start once idle (the pool's idle connections
 * closed after 30 s, as in bench:cold). Runs `server/bin/liner.js` as `npm start` does, so it
 * measures the bundle when it is current and tsx otherwise: it says which. `BENCH_RESTARTS`
 * (default 6) and `BENCH_IDLE_SECONDS` (default 35) set the run's length.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentBundle } from '../server/bin/bundle.js';
import { machineLine, percentile } from './lib/machine.ts';
import { memoryOf, startServer } from './lib/servers.ts';

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 6);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 35);

/** What server/bin/liner.js will load: it makes the same test. */
function startsFrom(): string {
  const bin = new URL('../server/bin/', import.meta.url);
  return currentBundle(new URL('../dist/', bin), new URL('../../', bin))
    ? 'the bundle (server/dist)'
    : 'the sources (tsx): no bundle, or one older than the sources';
}

const dataDir = mkdtempSync(join(tmpdir(), 'liner-start-'));
const env = { LINER_DATA_DIR: dataDir };
const loads: number[] = [];
try {
  loads.push(loadavg()[0]!);
  const first = await startServer(env);
  await first.stop();
  const restarts: number[] = [];
  for (let i = 0; i < RESTARTS; i++) {
    const server = await startServer(env);
    restarts.push(server.readyMs);
    loads.push(loadavg()[0]!);
    if (i < RESTARTS - 1) await server.stop();
    else {
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      const idle = memoryOf(server.child.pid!);
      await server.stop();
      console.log(`start-up of the embedded default, from ${startsFrom()} · ${machineLine()}`);
      console.log(
        `load average (1 min) ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`,
      );
      console.log(
        '| first start ms | restarts ms | restart min | restart median | idle MiB (server / with its database) |',
      );
      console.log('|---|---|---|---|---|');
      console.log(
        `| ${first.readyMs} | ${restarts.join(', ')} | ${Math.min(...restarts)} | ${percentile(restarts, 50)} | ${idle.rss} / ${idle.total} (after ${IDLE_SECONDS} s) |`,
      );
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
