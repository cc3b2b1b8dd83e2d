#!/usr/bin/env node
// Starts from the bundle of the server's sources (`npm install` and `npm run build:server` make
// it) while it is current: loading it takes about a third of the time tsx needs to compile the
// TypeScript on every start (bench/README.md). Otherwise tsx compiles the sources as they load.
import { currentBundle } from './bundle.js';

async function load() {
  const bundle = currentBundle(
    new URL('../dist/', import.meta.url),
    new URL('../../', import.meta.url),
  );
  if (bundle) return import(bundle);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await load();
await main(process.argv);
