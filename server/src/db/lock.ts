/**
 * An exclusive lock on the embedded data directory. PGlite does not lock its files, and two
 * processes writing one directory corrupt it, so the second process must stop with a clear error.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

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
            `if that host no longer runs Liner, delete ${join(dataDir, LOCK_FILE)}`
        : `the data directory ${dataDir} is in use by another Liner process (pid ${holderPid}); ` +
            'stop it first, or give this one another LINER_DATA_DIR or a DATABASE_URL',
    );
  }
}

const LOCK_FILE = 'liner.lock';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the lock file with its content in one step: written beside it, then hard-linked into
 * place, which fails if the lock exists. A reader never sees a half-written lock.
 */
function createLock(path: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date() }));
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

/**
 * Takes the lock or throws DataDirLockedError. A lock left by a dead process of this host is
 * taken over; one from another host (a shared volume) is never taken, since its process can't
 * be checked from here.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLock(path)) {
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    }
    let holder: { pid?: unknown; host?: unknown } | undefined;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // Gone between the link and the read: try again. Unreadable: not a lock of this version.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
    }
    const pid = typeof holder?.pid === 'number' ? holder.pid : 0;
    const host = typeof holder?.host === 'string' ? holder.host : undefined;
    if (pid && host && host !== hostname()) throw new DataDirLockedError(dataDir, pid, host);
    if (pid === process.pid || (pid && isAlive(pid))) throw new DataDirLockedError(dataDir, pid);
    rmSync(path, { force: true });
  }
  throw new Error(`could not take the lock ${path}`);
}
