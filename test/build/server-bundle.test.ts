/**
 * The server's bundle (server/scripts/build.mjs): `liner` runs it only while the sources it was
 * built from still hold what they held then (by content: file times are kept by copies and
 * coarse on some filesystems), and the bundle finds what the sources find next to themselves
 * (their package.json, the migrations), so it can migrate a real embedded database.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleHeader, currentBundle, inputsDigest } from '../../server/bin/bundle.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const inputs = ['src/a.ts', 'src/b.ts'];
const before = new Date(Date.now() - 60_000);

/** A repository-like folder with two sources (a minute old) and a bundle built from them. */
function layout() {
  const root = mkdtempSync(join(tmpdir(), 'liner-bundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dist'));
  for (const input of inputs) {
    writeFileSync(join(root, input), `export const name = '${input}';\n`);
    utimesSync(join(root, input), before, before);
  }
  const digest = inputsDigest(inputs, (input) => readFileSync(join(root, input)));
  writeFileSync(join(root, 'dist/liner.mjs'), `${bundleHeader(digest)}export {};\n`);
  writeFileSync(join(root, 'dist/inputs.json'), JSON.stringify({ inputs }));
  const urls = [pathToFileURL(`${root}/dist/`), pathToFileURL(`${root}/`)] as const;
  return { root, current: () => currentBundle(...urls) };
}

describe('which code liner runs', () => {
  it('the bundle while every source holds what it was built from', () => {
    const { root, current } = layout();
    expect(current()).toBe(pathToFileURL(join(root, 'dist/liner.mjs')).href);
  });

  it('the sources once one is edited after the build', () => {
    const { root, current } = layout();
    writeFileSync(join(root, 'src/b.ts'), 'export {};');
    expect(current()).toBeUndefined();
  });

  it('the sources when an edited source keeps its old time (rsync -a, cp -p, tar)', () => {
    const { root, current } = layout();
    writeFileSync(join(root, 'src/b.ts'), "export const name = 'edited';\n");
    utimesSync(join(root, 'src/b.ts'), before, before);
    expect(current()).toBeUndefined();
  });

  it('the sources when the list of inputs is from another build than the bundle', () => {
    // A build killed between its two renames, or two builds at once: the list does not match.
    const { root, current } = layout();
    writeFileSync(join(root, 'dist/inputs.json'), JSON.stringify({ inputs: ['src/a.ts'] }));
    expect(current()).toBeUndefined();
    // A bundle from before digests (no header) is never taken as current.
    const old = layout();
    writeFileSync(join(old.root, 'dist/liner.mjs'), 'export {};\n');
    expect(old.current()).toBeUndefined();
  });

  it('the sources when an input is gone, or the bundle or its list is missing', () => {
    const gone = layout();
    rmSync(join(gone.root, 'src/a.ts'));
    expect(gone.current()).toBeUndefined();
    const unlisted = layout();
    rmSync(join(unlisted.root, 'dist/inputs.json'));
    expect(unlisted.current()).toBeUndefined();
    const unbuilt = layout();
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
