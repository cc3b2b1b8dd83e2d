/**
 * `npm start` in extension/: builds the extension when no build exists yet, then says where the
 * builds are and how to load them into Chromium and Firefox.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, '.output');
const builds = { chrome: join(output, 'chrome-mv3'), firefox: join(output, 'firefox-mv3') };

if (
  !existsSync(join(builds.chrome, 'manifest.json')) ||
  !existsSync(join(builds.firefox, 'manifest.json'))
) {
  console.log('No build yet: building the extension for Chromium and Firefox…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { version } = JSON.parse(readFileSync(join(builds.chrome, 'manifest.json'), 'utf8')) as {
  version: string;
};
console.log(`
Liner ${version} is built.

Chromium, Chrome, Edge:  ${builds.chrome}
  open chrome://extensions, switch on "Developer mode", click "Load unpacked" and choose that folder
  (or start the browser with --load-extension=${builds.chrome}).

Firefox:                 ${builds.firefox}
  open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose
  ${join(builds.firefox, 'manifest.json')}.

Then open Liner's options (right-click the toolbar icon, "Options"), enter your Liner server's
address (default http://127.0.0.1:5733; start one with "npm start" at the repository root), click
"Test connection" and allow the access the browser asks for.
Store-ready zips: "npm run zip:ext" at the repository root writes them to ${output}.`);
