import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'liner-lock-'));
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: new Date() });

/** A process ID that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('data directory lock', () => {
  it('is exclusive, complete when visible, and gone after release', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
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
    writeFileSync(path, holder(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by another Liner process \(pid \d+\)/);
    writeFileSync(path, holder(deadPid()));
    lockDataDir(dir).release();
    writeFileSync(path, 'not json');
    lockDataDir(dir).release();
  });

  it("never takes another host's lock, and says how to clear it", () => {
    const dir = fresh();
    writeFileSync(join(dir, 'liner.lock'), holder(deadPid(), 'other-host.example'));
    expect(() => lockDataDir(dir)).toThrow(
      /locked by Liner process \d+ on host other-host\.example; if that host no longer runs Liner, delete .*liner\.lock/,
    );
  });
});
