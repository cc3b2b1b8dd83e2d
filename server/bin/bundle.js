// Which code `liner` runs: the bundle of the server's sources (server/dist/liner.mjs, made by
// server/scripts/build.mjs) while the files it was built from still hold what they held then, so
// that what runs is always what the sources say. Plain JavaScript: it decides before tsx is loaded.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** The bundle's first line: the digest of the inputs it was made from. */
const HEADER = '// liner-inputs sha256:';

/**
 * One digest of the inputs' paths and contents. By content, not modification time: copies that
 * keep file times (rsync -a, cp -p, tar), filesystems with whole-second times and a checkout in
 * the same second as the build all leave times that say nothing about the content. Hashing the
 * ~230 sources (0.9 MB) takes 6-14 ms on the 2-core test machine, beside 0.3-0.4 s for a start.
 */
export function inputsDigest(inputs, read) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const content = read(input);
    hash.update(`${input}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** The header line build.mjs puts first in the bundle. */
export const bundleHeader = (digest) => `${HEADER}${digest}\n`;

/** The digest in the bundle's first line, or undefined. */
function bundleDigest(bundle) {
  const fd = openSync(bundle, 'r');
  try {
    const head = Buffer.alloc(HEADER.length + 64);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return text.startsWith(HEADER) ? text.slice(HEADER.length) : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The bundle's URL, or undefined when it is missing or was made from other contents than its
 * inputs hold now (edited, or checked out, since the build): `dist` holds liner.mjs and
 * inputs.json (the list of inputs), `root` is where the inputs' paths start (the repository).
 * The digest lives in the bundle itself, so a list left from another build (a build killed or
 * failed half-way, two builds at once) can only make the digests differ, never pass an old bundle.
 */
export function currentBundle(dist, root) {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    const bundle = new URL('liner.mjs', dist);
    const built = bundleDigest(bundle);
    if (!built) return undefined;
    const now = inputsDigest(inputs, (input) => readFileSync(new URL(input, root)));
    return now === built ? bundle.href : undefined;
  } catch {
    return undefined;
  }
}
