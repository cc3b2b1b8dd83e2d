#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: tsx compiles the sources on load (about 0.2 s).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
