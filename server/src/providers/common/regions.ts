/**
 * Countries a release is available in, as stores report it per track. The release is available
 * where every audio track is.
 */
export function intersectRegions(
  lists: readonly (readonly string[] | undefined)[],
): string[] | undefined {
  const known = lists.filter(
    (list): list is readonly string[] => Array.isArray(list) && list.length > 0,
  );
  if (known.length === 0) return undefined;
  let result = new Set(known[0]);
  for (const list of known.slice(1)) result = new Set(list.filter((r) => result.has(r)));
  return [...result].sort();
}

/** Regions to try, in order: the one the URL names first, then the preferred ones. */
export function regionOrder(preferred: readonly string[], first?: string): string[] {
  const order = first ? [first.toUpperCase(), ...preferred] : [...preferred];
  return [...new Set(order.map((r) => r.toUpperCase()))];
}
