/**
 * The committed migrations match the Drizzle schema: generating again from the schema must find
 * nothing to add (a schema edit committed without its migration), and they apply to an empty
 * embedded database as a first start does.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/connect.ts';
import { rowsOf } from '../../server/src/db/rows.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('migrations', () => {
  it('are up to date with the schema', () => {
    const out = mkdtempSync(join(tmpdir(), 'liner-drizzle-'));
    cpSync(join(repo, 'drizzle'), out, { recursive: true });
    const before = readdirSync(out).sort();
    // drizzle-kit prefixes './' to --out, so it must be relative to the repository.
    const output = execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/drizzle-kit/bin.cjs'),
        'generate',
        '--dialect',
        'postgresql',
        '--schema',
        join(repo, 'server/src/db/schema.ts'),
        '--out',
        relative(repo, out),
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(output).toContain('No schema changes');
    expect(readdirSync(out).sort()).toEqual(before);
  });

  it('apply to an empty embedded database, and again without change', async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://', lock: false });
    try {
      await handle.migrate();
      await handle.migrate();
      expect(await handle.readiness()).toEqual({ ready: true });
      const tables = rowsOf<{ name: string }>(
        await handle.db.execute(
          sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
        ),
      ).map((row) => row.name);
      for (const table of ['lookups', 'provider_releases', 'rate_budgets', 'rate_windows'])
        expect(tables).toContain(table);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
