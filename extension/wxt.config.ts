import { defineConfig } from 'wxt';
import { manifestFor, STORE_MODE } from './src/manifest.ts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the code reads the same in the editor, tsc and biome.
  imports: false,
  manifestVersion: 3,
  // `--mode store` (the zip:store script) builds what is uploaded to the stores: no Chrome `key`.
  manifest: ({ browser, mode }) => manifestFor(browser, { store: mode === STORE_MODE }),
  zip: {
    // The store build is named apart (liner-<version>-chrome-store.zip), so a zip with the key
    // (a plain `wxt zip`) is never mistaken for it.
    artifactTemplate: 'liner-{{version}}-{{browser}}{{modeSuffix}}.zip',
    sourcesTemplate: 'liner-{{version}}-sources.zip',
    // The whole workspace, so that `npm ci && npm run build:ext` works from the sources zip
    // (the extension imports the shared code, and the server's API type).
    sourcesRoot: '..',
    includeSources: ['shared/**', 'server/**', 'extension/**', 'package.json', 'package-lock.json'],
    excludeSources: [
      '**/node_modules/**',
      '**/.output/**',
      '**/.wxt/**',
      '**/fixtures/**',
      'data/**',
    ],
  },
});
