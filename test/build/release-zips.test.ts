/**
 * The store zips are the build the tests load, carry nothing of the machine that made them, and
 * the sources zip rebuilds the same bytes in another folder (as a store's reviewer would).
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ROOT, filesUnder, pack } from '../../extension/scripts/pack.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = join(EXTENSION_ROOT, '.output');
const BROWSERS = ['chrome', 'firefox'] as const;

function unzip(path: string): Map<string, Buffer> {
  const entries = unzipSync(readFileSync(path));
  return new Map(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data)]));
}

function buildFiles(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** The tested build, with the store manifest's one difference applied (no `key` for Chrome). */
function expectedZip(browser: (typeof BROWSERS)[number]): Map<string, Buffer> {
  const files = buildFiles(join(OUTPUT, `${browser}-mv3`));
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  if (browser === 'chrome') delete manifest.key;
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return files;
}

function built(): boolean {
  if (BROWSERS.every((b) => existsSync(join(OUTPUT, `${b}-mv3`, 'manifest.json')))) return true;
  throw new Error(
    `No extension build in ${OUTPUT}: run "npm run build:ext" first (npm test does).`,
  );
}

describe.runIf(built())('the release zips', () => {
  let dir: string;
  let packed: ReturnType<typeof pack>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liner-zips-'));
    packed = pack(OUTPUT, dir);
  });
  afterAll(() => {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it.each(BROWSERS)('the %s zip is the tested build (Chrome: its manifest without key)', (b) => {
    const zip = unzip(packed[b]);
    const expected = expectedZip(b);
    expect([...zip.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, data] of expected) expect(zip.get(name)?.equals(data), name).toBe(true);
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8'));
    expect('key' in manifest).toBe(false);
    if (b === 'chrome')
      expect(JSON.parse(readFileSync(join(OUTPUT, 'chrome-mv3/manifest.json'), 'utf8'))).toEqual({
        ...manifest,
        key: expect.any(String),
      });
  });

  it('is a production build carrying no path of the build machine', () => {
    const machinePaths = [REPO, homedir(), tmpdir()].filter((p) => p.length > 1);
    for (const b of BROWSERS) {
      for (const [name, data] of unzip(packed[b])) {
        const text = data.toString('latin1');
        for (const path of machinePaths)
          expect(text.includes(path), `${name}: ${path}`).toBe(false);
        if (!name.endsWith('.js')) continue;
        // Preact's development JSX records and WXT's development logger stay out.
        expect(text, name).not.toMatch(/lineNumber|columnNumber|\[wxt\]/);
        // Minified: no line of a script is short and indented like source.
        expect(text.split('\n').length, name).toBeLessThan(200);
      }
    }
  });

  it.each(BROWSERS)(
    'the %s zip holds every icon its manifest names, as a PNG of that size',
    (b) => {
      const zip = unzip(packed[b]);
      const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8'));
      const named: [string, string][] = [
        ...Object.entries<string>(manifest.icons),
        ...Object.entries<string>(manifest.action.default_icon),
      ];
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
      for (const [size, path] of named) {
        const png = zip.get(path);
        expect(png?.subarray(1, 4).toString('latin1'), path).toBe('PNG');
        // IHDR: width and height right after the signature and the chunk's length and type.
        expect([png!.readUInt32BE(16), png!.readUInt32BE(20)], path).toEqual([+size, +size]);
      }
    },
  );

  it('packs the same bytes twice, and the sources without anything installed or local', () => {
    const again = mkdtempSync(join(dir, 'again-'));
    const second = pack(OUTPUT, again);
    for (const key of ['chrome', 'firefox', 'sources'] as const)
      expect(readFileSync(second[key]).equals(readFileSync(packed[key])), key).toBe(true);
    const names = [...unzip(packed.sources).keys()];
    expect(names).toContain('extension/wxt.config.ts');
    expect(names).toContain('package-lock.json');
    expect(names.filter((n) => /(^|\/)(node_modules|\.output|\.wxt|data)\//.test(n))).toEqual([]);
    expect(names.filter((n) => /(^|\/)(\.env|liner\.yaml)$/.test(n))).toEqual([]);
  });

  it('rebuilds the same extension from the sources zip in another folder', () => {
    const root = mkdtempSync(join(dir, 'sources-'));
    for (const [name, data] of unzip(packed.sources)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), data);
    }
    // `npm ci` without the network: the installed packages, linked; the workspaces are the
    // unpacked ones, so every line of Liner's own code comes from the zip.
    for (const [from, to] of [
      [join(REPO, 'node_modules'), join(root, 'node_modules')],
      [join(EXTENSION_ROOT, 'node_modules'), join(root, 'extension/node_modules')],
    ] as const) {
      mkdirSync(to, { recursive: true });
      for (const name of readdirSync(from).filter((n) => n !== '@liner' && n !== '.bin'))
        symlinkSync(join(from, name), join(to, name));
    }
    mkdirSync(join(root, 'node_modules/@liner'));
    for (const name of ['shared', 'server', 'extension'])
      symlinkSync(join('..', '..', name), join(root, 'node_modules/@liner', name));
    const wxt = join(EXTENSION_ROOT, 'node_modules/wxt/bin/wxt.mjs');
    for (const args of [['build'], ['build', '-b', 'firefox']])
      execFileSync(process.execPath, [wxt, ...args], {
        cwd: join(root, 'extension'),
        stdio: 'pipe',
      });
    for (const b of BROWSERS) {
      const rebuilt = buildFiles(join(root, `extension/.output/${b}-mv3`));
      const tested = buildFiles(join(OUTPUT, `${b}-mv3`));
      expect([...rebuilt.keys()]).toEqual([...tested.keys()]);
      for (const [name, data] of tested)
        expect(rebuilt.get(name)?.equals(data), `${b}: ${name}`).toBe(true);
    }
  }, 120_000);
});
