// Which code `liner` runs: the bundle of the server's sources (server/dist/liner.mjs, made by
// server/scripts/build.mjs) while none of the files it was built from is newer than it, so that
// what runs is always what the sources say. Plain JavaScript: it decides before tsx is loaded.
import { readFileSync, statSync } from 'node:fs';

/**
 * The bundle's URL, or undefined when it is missing or older than a source (edited, or checked
 * out, since the build): `dist` holds liner.mjs and inputs.json, `root` is where the inputs'
 * paths start (the repository).
 */
export function currentBundle(dist, root) {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    if (!inputs.every((input) => statSync(new URL(input, root)).mtimeMs < builtAt))
      return undefined;
    const bundle = new URL('liner.mjs', dist);
    return statSync(bundle).isFile() ? bundle.href : undefined;
  } catch {
    return undefined;
  }
}
