/**
 * An exclusive lock on the embedded data directory. PGlite does not lock its files, and two
 * processes writing one directory corrupt it, so the second process must stop with a clear error.
 *
 * proper-lockfile holds the lock (an atomically created directory, liner.lock) and refreshes its
 * time every few seconds; a lock whose time has not moved for a minute is stale whoever took it,
 * which covers a crash on another host sharing the volume. Beside that, the lock names its holder
 * (pid and host), so a holder on this host that is no longer running (a crash, or a restarted
 * container whose new process has the dead one's PID) is taken over at once, not a minute later.
 */
import { randomBytes } from 'node:crypto';
import {
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
import lockfile from 'proper-lockfile';

const LOCK_DIR = 'liner.lock';
const HOLDER_FILE = 'holder.json';
const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;
/** A lock names its holder right after it is made; one still nameless after this is corrupt. */
const NAMING_GRACE_MS = 2_000;

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
            `it counts as gone ${STALE_AFTER_MS / 1000} s after its last sign of life, or delete ${join(dataDir, LOCK_DIR)} if you are sure`
        : `the data directory ${dataDir} is in use by another Liner process (pid ${holderPid}); ` +
            'stop it first, or give this one another LINER_DATA_DIR or a DATABASE_URL',
    );
  }
}

export interface DataDirLock {
  /** The lock directory. */
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
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

function readHolder(path: string): Holder | undefined {
  try {
    const data = JSON.parse(readFileSync(join(path, HOLDER_FILE), 'utf8')) as Partial<Holder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    return { pid: data.pid, host: data.host };
  } catch {
    return undefined;
  }
}

function ageOf(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * A fresh lock that may be taken over: its holder on this host is gone (or is this process,
 * which dropped it), or it names no readable holder long after it was made.
 */
function holderGone(path: string, holder: Holder | undefined): boolean {
  if (!holder) return ageOf(path) > NAMING_GRACE_MS;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(path);
  return !isAlive(holder.pid);
}

function take(dataDir: string, path: string, heartbeatMs: number): () => void {
  return lockfile.lockSync(dataDir, {
    lockfilePath: path,
    stale: STALE_AFTER_MS,
    update: heartbeatMs,
    realpath: false,
    // A beat that fails (a full disk, the lock moved by hand) must not throw out of a timer and
    // kill the server mid-write; the next beat tries again.
    onCompromised: () => {},
  });
}

/** Takes the lock or throws DataDirLockedError. `heartbeatMs`: how often its time is renewed. */
export function lockDataDir(dataDir: string, heartbeatMs = HEARTBEAT_MS): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_DIR);
  let unlock: () => void;
  try {
    unlock = take(dataDir, path, heartbeatMs);
  } catch (error) {
    // ENOTEMPTY: proper-lockfile found the lock stale but cannot remove it (its holder file).
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') throw error;
    const holder = readHolder(path);
    if (ageOf(path) <= STALE_AFTER_MS && !holderGone(path, holder))
      throw new DataDirLockedError(dataDir, holder?.pid ?? 0, holder?.host);
    // Moved aside in one step, so a lock another process took meanwhile is not removed.
    const aside = `${path}.gone.${randomBytes(4).toString('hex')}`;
    renameSync(path, aside);
    rmSync(aside, { recursive: true, force: true });
    unlock = take(dataDir, path, heartbeatMs);
  }
  // Writing into the lock directory moves its time, which proper-lockfile's next heartbeat reads
  // as the lock taken by another (compromised): it would stop renewing it (so it looked stale
  // after a minute) and leave the directory behind at release. Its time is put back.
  const { mtime } = statSync(path);
  writeFileSync(join(path, HOLDER_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
  utimesSync(path, mtime, mtime);
  held.add(path);
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      held.delete(path);
      const holder = readHolder(path);
      // Another process took the lock over (this one hung past the stale time): it stays theirs.
      if (holder && (holder.pid !== process.pid || holder.host !== hostname())) return;
      rmSync(join(path, HOLDER_FILE), { force: true });
      try {
        unlock();
      } catch {
        // Already gone.
      }
    },
  };
}
