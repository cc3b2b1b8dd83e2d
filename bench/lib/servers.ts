/**
 * Liner servers for benchmarks, started as a user starts them (`liner serve`, default
 * configuration apart from where the stores are), with their memory read from /proc: the
 * server's resident set, and the proportional set of every process it started (an embedded
 * database's), so that shared pages count once.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerProcess, spawnServer } from '../../test/support/cli.ts';
import { createPostgresDatabase } from '../../test/support/databases.ts';

export interface Database {
  name: string;
  /** Settings for every instance on this database. */
  env(): Record<string, string>;
  /** Several instances can run on it at once. */
  shared: boolean;
  drop(): Promise<void>;
}

/** The embedded default (a fresh data directory) and, given a URL, a fresh PostgreSQL database. */
export async function benchDatabases(): Promise<Database[]> {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'liner-bench-'));
  const list: Database[] = [];
  const dir = dataDir();
  list.push({
    name: 'embedded (default)',
    env: () => ({ LINER_DATA_DIR: dir }),
    // Processes on one host share the embedded PostgreSQL of one data directory (PGlite: no).
    shared: true,
    drop: async () => {},
  });
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const db = await createPostgresDatabase(url, false);
    await db.handle.close();
    list.push({
      name: 'PostgreSQL',
      env: () => ({ DATABASE_URL: db.url }),
      shared: true,
      drop: db.drop,
    });
  }
  return list;
}

const kib = (text: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);

function children(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry), ...children(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** MiB: the server's RSS, and RSS plus the PSS of the processes it started. */
export function memoryOf(pid: number): { rss: number; total: number } {
  const rss = kib(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  let others = 0;
  for (const child of children(pid)) {
    try {
      others += kib(readFileSync(`/proc/${child}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // gone meanwhile
    }
  }
  return { rss: Math.round(rss / 1024), total: Math.round((rss + others) / 1024) };
}

export interface StartedServer extends ServerProcess {
  /** Milliseconds from the start of the process to /ready answering 200. */
  readyMs: number;
}

export async function startServer(env: Record<string, string>): Promise<StartedServer> {
  const started = performance.now();
  const server = await spawnServer([], env, 120_000);
  for (;;) {
    const ready = await fetch(`${server.url}/ready`).catch(() => undefined);
    if (ready?.ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return Object.assign(server, { readyMs: Math.round(performance.now() - started) });
}

/** Samples the largest memory figure of `pids` until stopped. */
export function sampleMemory(pids: number[]): { stop(): { rss: number; total: number } } {
  let peak = { rss: 0, total: 0 };
  const take = () => {
    const now = pids.map(memoryOf);
    const sum = {
      rss: now.reduce((s, m) => s + m.rss, 0),
      total: now.reduce((s, m) => s + m.total, 0),
    };
    if (sum.total > peak.total) peak = sum;
  };
  take();
  const timer = setInterval(take, 200);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
