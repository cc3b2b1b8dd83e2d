/** Writes the table of stores into docs/providers.md (`npm run docs:stores`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withStoreTable } from '../server/src/providers/store-table.ts';

const file = new URL('../docs/providers.md', import.meta.url);
writeFileSync(file, withStoreTable(readFileSync(file, 'utf8')));
console.log('wrote the table of stores in docs/providers.md');
