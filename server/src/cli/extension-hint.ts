/**
 * What `npm start` tells a newcomer about the browser extension: where the built folders are
 * and how to load them, or how to build them. A deployment without the extension's sources
 * (the Docker image) says nothing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION_DIR = resolve(fileURLToPath(new URL('../../../extension', import.meta.url)));

export function extensionHint(dir = EXTENSION_DIR): string | undefined {
  if (!existsSync(join(dir, 'package.json'))) return undefined;
  const chrome = join(dir, '.output', 'chrome-mv3');
  const firefox = join(dir, '.output', 'firefox-mv3');
  if (!existsSync(join(chrome, 'manifest.json')))
    return 'Browser extension: not built yet. Run "npm run build:ext", then "npm start -w @liner/extension" says how to load it.';
  const lines = [
    `Browser extension for Chromium: ${chrome} (chrome://extensions, "Developer mode", "Load unpacked").`,
  ];
  if (existsSync(join(firefox, 'manifest.json')))
    lines.push(
      `Browser extension for Firefox: ${join(firefox, 'manifest.json')} (about:debugging, "Load Temporary Add-on").`,
    );
  lines.push(
    'Then enter this server\'s address in the extension\'s options and click "Test connection".',
  );
  return lines.join('\n');
}
