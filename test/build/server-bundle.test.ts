/**
 * The server's bundle (server/scripts/build.mjs): `liner` runs it only while no source it was
 * built from is newer, and the bundle finds what the sources find next to themselves (their
 * package.json, the migrations), so it can migrate a real embedded database.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBundle } from '../../server/bin/bundle.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A repository-like folder with two sources and a bundle built at `builtAt`. */
function layout(builtAt: number) {
  const root = mkdtempSync(join(tmpdir(), 'liner-bundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dist'));
  for (const name of ['a.ts', 'b.ts']) {
    writeFileSync(join(root, 'src', name), '');
    utimesSync(join(root, 'src', name), new Date(builtAt - 60_000), new Date(builtAt - 60_000));
  }
  writeFileSync(join(root, 'dist/liner.mjs'), '');
  writeFileSync(
    join(root, 'dist/inputs.json'),
    JSON.stringify({ builtAt, inputs: ['src/a.ts', 'src/b.ts'] }),
  );
  const urls = [pathToFileURL(`${root}/dist/`), pathToFileURL(`${root}/`)] as const;
  return { root, current: () => currentBundle(...urls) };
}

describe('which code liner runs', () => {
  it('the bundle while every source is older than it', () => {
    const { root, current } = layout(Date.now());
    expect(current()).toBe(pathToFileURL(join(root, 'dist/liner.mjs')).href);
  });

  it('the sources once one is edited after the build', () => {
    const { root, current } = layout(Date.now() - 10_000);
    writeFileSync(join(root, 'src/b.ts'), 'export {};');
    expect(current()).toBeUndefined();
  });

  it('the sources when an input is gone, or the bundle or its list is missing', () => {
    const gone = layout(Date.now());
    rmSync(join(gone.root, 'src/a.ts'));
    expect(gone.current()).toBeUndefined();
    const unlisted = layout(Date.now());
    rmSync(join(unlisted.root, 'dist/inputs.json'));
    expect(unlisted.current()).toBeUndefined();
    const unbuilt = layout(Date.now());
    rmSync(join(unbuilt.root, 'dist/liner.mjs'));
    expect(unbuilt.current()).toBeUndefined();
  });
});

describe('the bundle', { timeout: 120_000 }, () => {
  it('is built from the sources and migrates an embedded database from where it lies', async () => {
    await run(process.execPath, ['server/scripts/build.mjs'], { cwd: repo });
    const bundle = currentBundle(
      pathToFileURL(join(repo, 'server/dist/')),
      pathToFileURL(`${repo}/`),
    );
    expect(bundle).toBe(pathToFileURL(join(repo, 'server/dist/liner.mjs')).href);
    const { inputs } = JSON.parse(readFileSync(join(repo, 'server/dist/inputs.json'), 'utf8'));
    // Every provider (imported by name at run time) is inside.
    expect(inputs).toContain('server/src/providers/deezer/index.ts');
    const liner = async (...args: string[]) => {
      const script = `const { main } = await import(${JSON.stringify(bundle)}); await main(process.argv);`;
      const dataDir = mkdtempSync(join(tmpdir(), 'liner-bundle-data-'));
      dirs.push(dataDir);
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LINER_DATA_DIR: dataDir,
      };
      return run(process.execPath, ['--input-type=module', '-e', script, 'liner', ...args], {
        cwd: tmpdir(),
        env,
      });
    };
    const version = JSON.parse(readFileSync(join(repo, 'server/package.json'), 'utf8')).version;
    expect((await liner('--version')).stdout.trim()).toBe(version);
    const migrated = await liner('migrate');
    expect(migrated.stdout + migrated.stderr).toMatch(/migrations applied/);
  });
});
