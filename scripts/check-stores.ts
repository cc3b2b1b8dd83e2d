/** Says what each registered store lacks (test/stores/completeness.ts); exits 1 if anything. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeCompleteness } from '../test/stores/completeness.ts';

const problems = await storeCompleteness(resolve(fileURLToPath(import.meta.url), '../..'));
for (const problem of problems) console.log(problem);
if (problems.length === 0) console.log('Every registered store is complete.');
process.exitCode = problems.length ? 1 : 0;
