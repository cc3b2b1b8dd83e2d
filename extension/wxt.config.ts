import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { manifestFor, STORE_MODE } from './src/manifest.ts';

/**
 * Content scripts get the browser's own API instead of webextension-polyfill: they only send
 * messages (and WXT's content-script context reads runtime.id), which both browsers' own
 * promise-based API does, so every store page is spared the polyfill's 9 kB. The background and
 * the extension's pages keep it.
 */
function nativeBrowserInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'liner:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entries = config.build.lib ? config.build.lib.entry : config.build.rollupOptions.input;
      contentScript = /\.content\.tsx?\b/.test(JSON.stringify(entries ?? ''));
    },
    resolveId(id, importer) {
      if (!contentScript || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the code reads the same in the editor, tsc and biome.
  imports: false,
  vite: () => ({ plugins: [nativeBrowserInContentScripts()] }),
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
