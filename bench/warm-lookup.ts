/**
 * Warm look-up over HTTP on loopback (answered from the database): Liner's API beside a minimal
 * node:http handler doing the same indexed SELECT over the same driver, at 1 and 32 clients, on
 * PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Prints figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { cleanEnv, spawnServer } from '../test/support/cli.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { machineLine } from './lib/machine.ts';
import { startSyntheticStores, storeEnv } from './lib/stand-ins.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const body = JSON.stringify({ urls: ['https://www.deezer.com/album/4242'] });

interface Row {
  target: string;
  clients: number;
  p50: number;
  p99: number;
  rps: number;
}

async function load(url: string, clients: number): Promise<Omit<Row, 'target'>> {
  const options = {
    url,
    method: 'POST' as const,
    body,
    headers: { 'content-type': 'application/json' },
    connections: clients,
  };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: SECONDS });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    clients,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
  };
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

async function bench(kind: string, dbEnv: Record<string, string>): Promise<Row[]> {
  const stores = await startSyntheticStores({ deezer: 0, bandcamp: 0, musicbrainz: 0 });
  const rows: Row[] = [];
  try {
    const liner = await spawnServer([], {
      ...storeEnv(stores),
      ...dbEnv,
      LINER_SERVER__CLIENT_REQUESTS_PER_MINUTE: '10000000',
    });
    const linerUrl = `${liner.url}/trpc/lookup.release`;
    const first = await (
      await fetch(linerUrl, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      })
    ).text();
    for (const clients of [1, 32])
      rows.push({ target: `Liner (${kind})`, ...(await load(linerUrl, clients)) });
    await liner.stop();
    const baseline = await startBaseline(dbEnv);
    const same = await (await fetch(`${baseline.url}/lookup`, { method: 'POST', body })).text();
    if (same !== first) throw new Error('the baseline does not return the same JSON as Liner');
    for (const clients of [1, 32])
      rows.push({
        target: `node:http + SELECT (${kind})`,
        ...(await load(`${baseline.url}/lookup`, clients)),
      });
    baseline.child.kill('SIGTERM');
  } finally {
    await stores.close();
  }
  return rows;
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

console.log(`Warm look-up (database hit), ${SECONDS} s per run · ${machineLine()}`);
console.log('| target | clients | p50 ms | p99 ms | req/s | Liner / limit |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const limit = rows.find(
    (r) =>
      r.target.startsWith('node:http') &&
      r.clients === row.clients &&
      r.target.endsWith(row.target.slice(row.target.indexOf('('))),
  );
  const ratio =
    row.target.startsWith('Liner') && limit ? `${Math.round((row.rps / limit.rps) * 100)} %` : '';
  console.log(
    `| ${row.target} | ${row.clients} | ${row.p50} | ${row.p99} | ${Math.round(row.rps)} | ${ratio} |`,
  );
}
