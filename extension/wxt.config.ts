import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { writeIcons } from './scripts/icons.ts';
import { manifestFor } from './src/manifest.ts';

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
  manifestVersion: 3,
  // One build per browser, the one the tests load; `npm run zip` packs exactly that build
  // (scripts/pack.ts), so there is no separate store mode to drift from what was tested.
  manifest: ({ browser }) => manifestFor(browser),
  // A build is a production build whatever NODE_ENV its caller has: under vitest (NODE_ENV=test)
  // Vite would emit Preact's development JSX, which carries the source files' absolute paths.
  vite: (env) => ({
    plugins: [nativeBrowserInContentScripts()],
    ...(env.command === 'build'
      ? {
          oxc: { jsx: { development: false } },
          define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        }
      : {}),
  }),
  hooks: {
    // The icons are drawn from shared/src/icon.ts on every build, never committed as images.
    'build:publicAssets': (wxt, files) => {
      const dir = join(wxt.config.wxtDir, 'icons');
      for (const relativeDest of writeIcons(dir))
        files.push({ absoluteSrc: join(dir, relativeDest), relativeDest });
    },
  },
});
