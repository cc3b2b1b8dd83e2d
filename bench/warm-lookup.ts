/**
 * Warm look-up over HTTP on loopback (answered from the database): Liner's API beside a minimal
 * node:http handler doing the same indexed SELECT over the same driver, at 1 and 32 clients, on
 * PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Prints figures.
 *
 * The targets run at once and are measured in turns (BENCH_ROUNDS rounds of BENCH_SECONDS split
 * between them), so a machine whose load changes during the run weighs on each alike. With
 * BENCH_OTHER=<another checkout of Liner> that checkout's server is measured too, in the same
 * turns: before and after figures of a change from one run. Each PGlite server gets a copy of
 * the data directory the first look-up was stored in (one process per PGlite directory).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { cleanEnv, spawnServer } from '../test/support/cli.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { machineLine } from './lib/machine.ts';
import { startSyntheticStores, storeEnv } from './lib/stand-ins.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const OTHER = process.env.BENCH_OTHER;
const CLIENTS = [1, 32];
const body = JSON.stringify({ urls: ['https://www.deezer.com/album/4242'] });

interface Sample {
  p50: number;
  p99: number;
  rps: number;
}

interface Row extends Sample {
  target: string;
  clients: number;
}

interface Target {
  name: string;
  url: string;
  stop(): unknown;
}

async function load(url: string, clients: number, seconds: number): Promise<Sample> {
  const result = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    connections: clients,
    duration: seconds,
  });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

function startBaseline(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'baseline-server.ts')],
    { env: cleanEnv(env) },
  );
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      const match = /"url":"([^"]+)"/.exec(data.toString());
      if (match) resolvePromise({ url: match[1]!, child });
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
}

const post = async (url: string) =>
  (
    await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
  ).text();

/** The same environment for another process: a PGlite directory is copied, PostgreSQL shared. */
function envFor(dbEnv: Record<string, string>): Record<string, string> {
  const dir = dbEnv.LINER_DATA_DIR;
  if (!dir) return dbEnv;
  const copy = mkdtempSync(join(tmpdir(), 'liner-bench-'));
  cpSync(dir, copy, { recursive: true, filter: (from) => !from.endsWith('liner.lock') });
  return { ...dbEnv, LINER_DATA_DIR: copy };
}

async function startTargets(
  kind: string,
  dbEnv: Record<string, string>,
  serverEnv: Record<string, string>,
) {
  // The first look-up is stored by this checkout's server, then every target answers it warm.
  const first = await spawnServer([], { ...serverEnv, ...dbEnv });
  const answer = await post(`${first.url}/trpc/lookup.release`);
  await first.stop();
  const targets: Target[] = [];
  const liner = await spawnServer([], { ...serverEnv, ...envFor(dbEnv) });
  targets.push({
    name: `Liner (${kind})`,
    url: `${liner.url}/trpc/lookup.release`,
    stop: liner.stop,
  });
  if (OTHER) {
    const bin = join(resolve(OTHER), 'server/bin/liner.js');
    const other = await spawnServer([], { ...serverEnv, ...envFor(dbEnv) }, 60_000, bin);
    targets.push({
      name: `other checkout (${kind})`,
      url: `${other.url}/trpc/lookup.release`,
      stop: other.stop,
    });
  }
  const baseline = await startBaseline(envFor(dbEnv));
  if ((await post(`${baseline.url}/lookup`)) !== answer)
    throw new Error('the baseline does not return the same JSON as Liner');
  targets.push({
    name: `node:http + SELECT (${kind})`,
    url: `${baseline.url}/lookup`,
    stop: () => baseline.child.kill('SIGTERM'),
  });
  for (const target of targets)
    if ((await post(target.url)) !== answer) throw new Error(`${target.name} answers otherwise`);
  return targets;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function bench(kind: string, dbEnv: Record<string, string>): Promise<Row[]> {
  const stores = await startSyntheticStores({ deezer: 0, bandcamp: 0, musicbrainz: 0 });
  const serverEnv = { ...storeEnv(stores), LINER_SERVER__CLIENT_REQUESTS_PER_MINUTE: '10000000' };
  const samples = new Map<string, Sample[]>();
  let targets: Target[] = [];
  try {
    targets = await startTargets(kind, dbEnv, serverEnv);
    for (const target of targets) for (const clients of CLIENTS) await load(target.url, clients, 1);
    for (let round = 0; round < ROUNDS; round++)
      for (const clients of CLIENTS)
        for (const target of targets) {
          const key = `${target.name}|${clients}`;
          samples.set(key, [
            ...(samples.get(key) ?? []),
            await load(target.url, clients, SECONDS / ROUNDS),
          ]);
        }
  } finally {
    for (const target of targets) await target.stop();
    await stores.close();
  }
  return [...samples].map(([key, list]) => {
    const [target, clients] = key.split('|') as [string, string];
    return {
      target,
      clients: Number(clients),
      p50: median(list.map((s) => s.p50)),
      p99: median(list.map((s) => s.p99)),
      rps: list.reduce((sum, s) => sum + s.rps, 0) / list.length,
    };
  });
}

const rows = await bench('PGlite', { LINER_DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-bench-')) });
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const db = await createPostgresDatabase(pgUrl, false);
  await db.handle.close();
  try {
    rows.push(...(await bench('PostgreSQL', { DATABASE_URL: db.url })));
  } finally {
    await db.drop();
  }
}

console.log(
  `Warm look-up (database hit), ${SECONDS} s per target in ${ROUNDS} interleaved rounds (p50, p99: median of the rounds) · ${machineLine()}`,
);
console.log('| target | clients | p50 ms | p99 ms | req/s | / limit |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const kind = row.target.slice(row.target.indexOf('('));
  const limit = rows.find(
    (r) => r.target === `node:http + SELECT ${kind}` && r.clients === row.clients,
  );
  const ratio = limit && limit !== row ? `${Math.round((row.rps / limit.rps) * 100)} %` : '';
  console.log(
    `| ${row.target} | ${row.clients} | ${row.p50} | ${row.p99} | ${Math.round(row.rps)} | ${ratio} |`,
  );
}
