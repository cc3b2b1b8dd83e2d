/** Writes docs/configuration.md from the configuration schema (`npm run docs:config`). */
import { writeFileSync } from 'node:fs';
import { configReference } from '../server/src/config/reference.ts';

writeFileSync(new URL('../docs/configuration.md', import.meta.url), configReference());
console.log('wrote docs/configuration.md');
