/**
 * The built extension's size: every content script (one per store) and the other bundles, raw
 * and gzipped, for the Chromium build. Builds first when there is no build. Prints figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { machineLine } from './lib/machine.ts';

const EXTENSION = resolve(fileURLToPath(import.meta.url), '../../extension');
const BUILD = join(EXTENSION, '.output/chrome-mv3');

if (!existsSync(join(BUILD, 'manifest.json'))) {
  const built = spawnSync('npm', ['run', 'build:chrome'], { cwd: EXTENSION, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const scripts = files(BUILD).filter((file) => file.endsWith('.js'));
const rows = scripts
  .map((file) => {
    const bytes = readFileSync(file);
    return {
      file: relative(BUILD, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

console.log(`# Extension bundle sizes (chrome-mv3)\n${machineLine()}\n`);
console.log('| file | raw kB | gzip kB |');
console.log('|---|---|---|');
for (const row of rows) console.log(`| ${row.file} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
const content = rows.filter((row) => row.file.startsWith('content-scripts/'));
const total = rows.reduce((sum, row) => sum + row.raw, 0);
console.log(
  `\n${content.length} content scripts, ${kb(Math.max(...content.map((r) => r.gzip)))} kB gzipped at most; all scripts ${kb(total)} kB raw.`,
);
