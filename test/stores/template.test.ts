/**
 * A store added through the template touches only its folders and one registry line, and the
 * completeness check names each part left out. Runs on a copy of the repository (its own
 * `@liner/*` packages, the installed dependencies linked), so the real tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFolder, storeFolder } from './completeness.ts';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const NAME = 'teststore';
let root = '';

function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liner-new-store-'));
  for (const part of ['shared', 'server', 'test', 'scripts', 'package.json', 'tsconfig.json'])
    cpSync(join(REPO, part), join(dir, part), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
  mkdirSync(join(dir, 'node_modules/@liner'), { recursive: true });
  for (const entry of readdirSync(join(REPO, 'node_modules')))
    if (entry !== '@liner')
      symlinkSync(join(REPO, 'node_modules', entry), join(dir, 'node_modules', entry));
  symlinkSync(join(dir, 'shared'), join(dir, 'node_modules/@liner/shared'));
  symlinkSync(join(dir, 'server'), join(dir, 'node_modules/@liner/server'));
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (entry === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else
        hashes.set(
          relative(dir, path),
          createHash('sha1').update(readFileSync(path)).digest('hex'),
        );
    }
  };
  walk(dir);
  return hashes;
}

function run(script: string, ...args: string[]) {
  const result = spawnSync(TSX, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The completeness check's problems with one part of the new store taken away, then put back. */
function without(path: string, change: (text: string) => string | undefined): string[] {
  const file = join(root, path);
  const original = readFileSync(file, 'utf8');
  const changed = change(original);
  if (changed === undefined) renameSync(file, `${file}.away`);
  else writeFileSync(file, changed);
  try {
    return run('scripts/check-stores.ts').out.trim().split('\n');
  } finally {
    if (changed === undefined) renameSync(`${file}.away`, file);
    else writeFileSync(file, original);
  }
}

beforeAll(() => {
  root = copyRepository();
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a store added through the template', () => {
  it('touches its two folders and one registry line, and is complete', () => {
    const before = snapshot(root);
    const added = run('scripts/new-store.ts', NAME, 'Test Store');
    expect(added.status, added.out).toBe(0);
    const after = snapshot(root);
    const changed = [...after.keys()].filter((path) => before.get(path) !== after.get(path));
    const outside = changed.filter(
      (path) =>
        !path.startsWith(`${storeFolder(NAME)}/`) && !path.startsWith(`${providerFolder(NAME)}/`),
    );
    expect(outside).toEqual(['shared/src/stores/registry.ts']);
    expect([...before.keys()].filter((path) => !after.has(path))).toEqual([]);
    const registry = (at: string) =>
      readFileSync(join(at, 'shared/src/stores/registry.ts'), 'utf8').split('\n');
    expect(registry(root).filter((line) => !registry(REPO).includes(line))).toEqual([
      `export { ${NAME} } from './${NAME}/store.ts';`,
    ]);
    const check = run('scripts/check-stores.ts');
    expect(check.out.trim(), check.out).toBe('Every registered store is complete.');
    expect(check.status).toBe(0);
  }, 60_000);

  it.each([
    [
      'its recognition tests',
      `${storeFolder(NAME)}/recognition.ts`,
      () => undefined,
      `${NAME}: no recognition tests (add ${storeFolder(NAME)}/recognition.ts)`,
    ],
    [
      'its link types',
      `${storeFolder(NAME)}/store.ts`,
      (text: string) => text.replace(/\n {2}links: [^\n]*\n/, '\n'),
      `${NAME}: no link types (declare links.release in ${storeFolder(NAME)}/store.ts)`,
    ],
    [
      'its site entry',
      `${storeFolder(NAME)}/store.ts`,
      (text: string) => text.replace(/\n {2}site: [^\n]*\n/, '\n'),
      `${NAME}: no site entry (declare site in ${storeFolder(NAME)}/store.ts, or site: { none: '<why>' })`,
    ],
    [
      'its provider',
      `${providerFolder(NAME)}/index.ts`,
      () => undefined,
      `${NAME}: no provider (add ${providerFolder(NAME)}/ from the template, or declare noProvider in ${storeFolder(NAME)}/store.ts)`,
    ],
    [
      'its corpus case',
      `${providerFolder(NAME)}/corpus.ts`,
      () => undefined,
      `${NAME}: no corpus case (add one to ${providerFolder(NAME)}/corpus.ts)`,
    ],
  ])(
    'is caught without %s',
    (_part, path, change, problem) => {
      expect(without(path, change)).toEqual([problem]);
    },
    30_000,
  );

  it('may declare that it has no provider instead', () => {
    const problems = without(`${storeFolder(NAME)}/store.ts`, (text) =>
      text.replace('  links:', "  noProvider: 'not written yet',\n  links:"),
    );
    // With the provider folder still there it is not looked at; the rest is complete.
    expect(problems).toEqual(['Every registered store is complete.']);
  }, 30_000);
});
