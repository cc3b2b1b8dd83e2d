/**
 * The committed migrations match the Drizzle schema: generating again from the schema must find
 * nothing to add. Catches a schema edit committed without its migration.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
});
