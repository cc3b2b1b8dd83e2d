import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, STALE_AFTER_MS } from './lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'liner-lock-'));
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: new Date() });

/** Leaves a lock as another process would have: the lock directory naming its holder. */
function writeLock(lockDir: string, content: string, ageMs = 0): void {
  mkdirSync(lockDir, { recursive: true });
  writeFileSync(join(lockDir, 'holder.json'), content);
  const at = new Date(Date.now() - ageMs);
  utimesSync(lockDir, at, at);
}

/** A process ID that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('data directory lock', () => {
  it('renews its time while held, and leaves nothing behind at release', async () => {
    // Its holder's name written into it must not look like another process's hand on it: the
    // heartbeat goes on, and release removes the directory (a restart is not refused).
    const dir = fresh();
    const lock = lockDataDir(dir, 1_000);
    const taken = statSync(lock.path).mtimeMs;
    await new Promise((r) => setTimeout(r, 1_600));
    expect(statSync(lock.path).mtimeMs).toBeGreaterThan(taken);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDir(dir).release();
  });

  it('is exclusive, complete when visible, and gone after release', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(lock.path, 'holder.json'), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDir(dir).release();
  });

  it("refuses a live process's lock and takes over a dead one's or a corrupt one", () => {
    const dir = fresh();
    const path = join(dir, 'liner.lock');
    writeLock(path, holder(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by another Liner process \(pid \d+\)/);
    writeLock(path, holder(deadPid()));
    lockDataDir(dir).release();
    // Corrupt: no holder a few seconds after it was made (a lock names one as it is made).
    writeLock(path, 'not json', 5000);
    lockDataDir(dir).release();
  });

  it("refuses another host's live lock, and takes it once it stops showing signs of life", () => {
    const dir = fresh();
    const path = join(dir, 'liner.lock');
    writeLock(path, holder(deadPid(), 'other-host.example'));
    expect(() => lockDataDir(dir)).toThrow(
      /locked by Liner process \d+ on host other-host\.example; it counts as gone 60 s after its last sign of life, or delete .*liner\.lock if you are sure/,
    );
    const old = new Date(Date.now() - STALE_AFTER_MS - 5000);
    utimesSync(path, old, old);
    lockDataDir(dir).release();
  });

  it("takes over its own PID's lock after a container restart, but not its own live lock", () => {
    const dir = fresh();
    // A restarted container's process has the dead one's PID (1 in Docker).
    writeLock(join(dir, 'liner.lock'), holder(process.pid));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
  });

  it('releases only its own lock', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    // Another process took over (say this one hung past the stale time): its lock stays.
    writeFileSync(join(lock.path, 'holder.json'), holder(process.ppid));
    lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });
});
