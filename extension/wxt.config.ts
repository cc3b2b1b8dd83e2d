import { defineConfig } from 'wxt';
import { manifestFor } from './src/manifest.ts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the code reads the same in the editor, tsc and biome.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => manifestFor(browser),
  zip: {
    artifactTemplate: 'liner-{{version}}-{{browser}}.zip',
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
