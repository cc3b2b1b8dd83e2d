/**
 * An exclusive lock on the embedded data directory. PGlite does not lock its files, and two
 * processes writing one directory corrupt it, so the second process must stop with a clear error.
 *
 * The holder refreshes the lock file's time every few seconds. A lock whose time has not moved
 * for a minute is stale whoever wrote it: that covers a crash on another host sharing the
 * volume, and a restarted container whose new process has the dead one's PID (1).
 */
import { randomBytes } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = 'liner.lock';
const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holderHost?: string,
  ) {
    super(
      holderHost && holderHost !== hostname()
        ? `the data directory ${dataDir} is locked by Liner process ${holderPid} on host ${holderHost}; ` +
            `it counts as gone ${STALE_AFTER_MS / 1000} s after its last sign of life, or delete ${join(dataDir, LOCK_FILE)} if you are sure`
        : `the data directory ${dataDir} is in use by another Liner process (pid ${holderPid}); ` +
            'stop it first, or give this one another LINER_DATA_DIR or a DATABASE_URL',
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/** Locks this process holds, so opening the same directory twice in one process is refused. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    return { pid: data.pid, host: data.host, token: String(data.token ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * Creates the lock file with its content in one step: written beside it, then hard-linked into
 * place, which fails if the lock exists. A reader never sees a half-written lock.
 */
function createLock(path: string, holder: Holder): boolean {
  const temp = `${path}.${holder.token}`;
  writeFileSync(temp, JSON.stringify({ ...holder, since: new Date() }));
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Whether the lock at `path` (held by `holder`, possibly unreadable) may be taken over. */
function isStale(path: string, holder: Holder | undefined): boolean {
  if (!holder) return true;
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (age > STALE_AFTER_MS) return true;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(path);
  return !isAlive(holder.pid);
}

/**
 * Moves a stale lock out of the way without removing a live one by mistake: the rename is
 * atomic, and if what was moved is not the lock judged stale (another process replaced it in
 * between), it is put back.
 */
function takeOver(path: string, stale: Holder | undefined): void {
  const aside = `${path}.stale.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readHolder(aside);
  if (stale && moved && moved.token !== stale.token) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process locked meanwhile; the moved lock's owner will find out at release.
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock or throws DataDirLockedError. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const self: Holder = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLock(path, self)) {
      held.add(path);
      const heartbeat = setInterval(() => {
        const now = new Date();
        // A beat that fails (the file went between read and touch, a full disk) must not throw
        // out of a timer and kill the server mid-write; the next beat tries again.
        try {
          if (readHolder(path)?.token === self.token) utimesSync(path, now, now);
        } catch {}
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          clearInterval(heartbeat);
          held.delete(path);
          if (readHolder(path)?.token === self.token) rmSync(path, { force: true });
        },
      };
    }
    const holder = readHolder(path);
    if (!isStale(path, holder)) throw new DataDirLockedError(dataDir, holder!.pid, holder!.host);
    takeOver(path, holder);
  }
  throw new Error(`could not take the lock ${path}`);
}
