/** See bundle.js. */
export function currentBundle(dist: URL, root: URL): string | undefined;
export function inputsDigest(
  inputs: readonly string[],
  read: (input: string) => Uint8Array,
): string;
export function bundleHeader(digest: string): string;
