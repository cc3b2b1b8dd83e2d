/** See bundle.js. */
export function currentBundle(dist: URL, root: URL): string | undefined;
