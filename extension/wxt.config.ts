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
    // The extension's sources need the shared workspace to build.
    sourcesRoot: '..',
    includeSources: ['shared/**', 'extension/**', 'package.json', 'package-lock.json'],
    excludeSources: ['**/node_modules/**', '**/.output/**', '**/.wxt/**', 'server/**', 'data/**'],
  },
});
