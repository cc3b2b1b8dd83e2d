/**
 * Warm look-ups over HTTP on loopback (answered from the database) at a fixed rate, as a
 * deployment meets them: BENCH_RATE (200) requests a second, sent on schedule whatever the
 * answers do (each latency runs from when its request was due, so a stall counts for every
 * request it held up), from 40 loopback addresses, so that each client stays within the default
 * per-client limit (600 a minute) and the server runs its default configuration. Liner's API
 * beside a minimal node:http handler doing the same indexed SELECT over the same driver, in
 * pairs of turns (Liner, handler, Liner, handler...), on the embedded database and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. p50 and p99 over all requests of a target.
 *
 * With BENCH_OTHER=<another checkout of Liner> that checkout's server is measured too, in the
 * same turns: before and after figures of a change from one run. Each embedded server gets a
 * copy of the data directory the first look-up was stored in (one process per directory).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv, spawnServer } from '../test/support/cli.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { machineLine } from './lib/machine.ts';
import { startBenchStores, storeEnv } from './lib/stand-ins.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const OTHER = process.env.BENCH_OTHER;
/** Loopback source addresses: RATE / SOURCES requests a second each, within 600 a minute. */
const SOURCES = 40;
const body = JSON.stringify({ urls: ['https://www.deezer.com/album/4242'] });

interface Row {
  target: string;
  p50: number;
  p99: number;
  /** Requests answered over those sent. */
  answered: string;
}

interface Target {
  name: string;
  url: string;
  stop(): unknown;
}

const agents = Array.from(
  { length: SOURCES },
  (_, i) => new Agent({ keepAlive: true, localAddress: `127.0.0.${10 + i}` }),
);

/** One POST; resolves with its end (performance.now) or undefined when it failed. */
function send(url: string, agent: Agent): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? performance.now() : undefined));
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

/** Latencies (ms, from each request's due time) of `seconds` at RATE requests a second. */
async function fixedRate(url: string, seconds: number): Promise<(number | undefined)[]> {
  const total = Math.round(RATE * seconds);
  const start = performance.now() + 10;
  const sent: Promise<number | undefined>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(send(url, agents[i % SOURCES]!).then((end) => (end === undefined ? end : end - due)));
  }
  return Promise.all(sent);
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

/**
 * The same environment for another process: PostgreSQL, the embedded one included, is shared; a
 * PGlite directory is copied (one process per directory).
 */
function envFor(dbEnv: Record<string, string>): Record<string, string> {
  const dir = dbEnv.LINER_DATA_DIR;
  if (!dir || existsSync(join(dir, 'postgres'))) return dbEnv;
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
  const dir = dbEnv.LINER_DATA_DIR;
  const embedded = dir !== undefined && existsSync(join(dir, 'postgres'));
  const baseline = await startBaseline(embedded ? { EMBEDDED_SOCKET_DIR: dir } : envFor(dbEnv));
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

/** The baseline was the embedded PostgreSQL's last client: it is stopped here (SIGINT, fast). */
function stopEmbedded(dir: string | undefined) {
  const pidFile = dir && join(dir, 'postgres', 'postmaster.pid');
  if (!pidFile || !existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
  } catch {
    // already gone
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ]!;

async function bench(kind: string, dbEnv: Record<string, string>): Promise<Row[]> {
  const stores = await startBenchStores();
  const serverEnv = storeEnv(stores);
  const samples = new Map<string, (number | undefined)[]>();
  let targets: Target[] = [];
  try {
    targets = await startTargets(kind, dbEnv, serverEnv);
    for (const target of targets) await fixedRate(target.url, 1);
    for (let round = 0; round < ROUNDS; round++)
      for (const target of targets)
        samples.set(target.name, [
          ...(samples.get(target.name) ?? []),
          ...(await fixedRate(target.url, SECONDS / ROUNDS)),
        ]);
  } finally {
    for (const target of targets) await target.stop();
    await stores.close();
    stopEmbedded(dbEnv.LINER_DATA_DIR);
  }
  return [...samples].map(([target, list]) => {
    const ok = list.filter((ms): ms is number => ms !== undefined);
    return {
      target,
      p50: Math.round(percentile(ok, 50) * 10) / 10,
      p99: Math.round(percentile(ok, 99) * 10) / 10,
      answered: `${ok.length}/${list.length}`,
    };
  });
}

const rows = await bench('embedded', {
  LINER_DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-bench-')),
});
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
  `Warm look-up (database hit) at ${RATE} requests/s from ${SOURCES} loopback clients, ${SECONDS} s per target in ${ROUNDS} pairs of turns · ${machineLine()}`,
);
console.log('| target | p50 ms | p99 ms | answered |');
console.log('|---|---|---|---|');
for (const row of rows)
  console.log(`| ${row.target} | ${row.p50} | ${row.p99} | ${row.answered} |`);
