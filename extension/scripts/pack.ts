/**
 * `npm run zip` (after `npm run build`): the zips uploaded to the stores, packed from the very
 * builds the tests load (.output/chrome-mv3, .output/firefox-mv3), plus the sources zip that
 * Firefox's review asks for, from which `npm ci && npm run build:ext` rebuilds the same bytes.
 *
 * The one difference from the tested build: the Chrome zip's manifest has no `key`, which the
 * Chrome Web Store refuses (it assigns the published extension its own ID). Entries are sorted and
 * dated 1980-01-01 (the earliest date a zip can hold), so packing twice gives the same zips.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Zippable, zipSync } from 'fflate';

/** The extension's folder, and the workspace around it (the sources zip's root). */
export const EXTENSION_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_ROOT = resolve(EXTENSION_ROOT, '..');

/** What the sources zip holds: what `npm ci && npm run build:ext` needs, nothing of this machine. */
const SOURCES = ['shared', 'server', 'extension', 'package.json', 'package-lock.json', 'README.md'];
/** Never packed: installed or generated folders, local settings and data, recorded responses. */
const SKIPPED_NAMES = new Set([
  'node_modules',
  '.output',
  '.wxt',
  'data',
  'fixtures',
  'liner.yaml',
]);
const skipped = (name: string) =>
  SKIPPED_NAMES.has(name) || name.startsWith('.') || name.endsWith('.log');

// Local time on purpose: a zip's DOS date is local, and these fields give 1980-01-01 anywhere.
const ZIP_DATE = new Date(1980, 0, 1);

/** Every file under `dir`, as paths relative to `base` with forward slashes, sorted. */
export function filesUnder(dir: string, base: string = dir): string[] {
  if (statSync(dir).isFile()) return [relative(base, dir).split(sep).join('/')];
  return readdirSync(dir)
    .filter((name) => !skipped(name))
    .sort()
    .flatMap((name) => filesUnder(join(dir, name), base));
}

function writeZip(path: string, files: Map<string, Uint8Array>): string {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort())
    entries[name] = [files.get(name)!, { mtime: ZIP_DATE, level: 9 }];
  writeFileSync(path, zipSync(entries));
  return path;
}

/** The Chrome Web Store's manifest: the tested one without `key`, byte for byte otherwise. */
export function storeManifest(text: string): string {
  const { key: _key, ...manifest } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(manifest);
}

export interface Packed {
  chrome: string;
  firefox: string;
  sources: string;
}

/** Packs the builds under `output` (and the sources) into zips in `into`. */
export function pack(output: string, into: string = output): Packed {
  const { version } = JSON.parse(readFileSync(join(EXTENSION_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const build = (browser: 'chrome' | 'firefox') => {
    const dir = join(output, `${browser}-mv3`);
    const files = new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name))]));
    if (!files.has('manifest.json'))
      throw new Error(`no build in ${dir}: run "npm run build" first`);
    if (browser === 'chrome') {
      const manifest = storeManifest(files.get('manifest.json')!.toString('utf8'));
      files.set('manifest.json', Buffer.from(manifest));
    }
    return writeZip(join(into, `liner-${version}-${browser}.zip`), files);
  };
  const sources = new Map(
    SOURCES.flatMap((entry) => filesUnder(join(WORKSPACE_ROOT, entry), WORKSPACE_ROOT)).map(
      (name) => [name, readFileSync(join(WORKSPACE_ROOT, name))],
    ),
  );
  return {
    chrome: build('chrome'),
    firefox: build('firefox'),
    sources: writeZip(join(into, `liner-${version}-sources.zip`), sources),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packed = pack(join(EXTENSION_ROOT, '.output'));
  for (const path of Object.values(packed))
    console.log(`${relative(process.cwd(), path)}  ${(statSync(path).size / 1024).toFixed(1)} kB`);
}
