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

/**
 * Regions in two rounds: the first alone, then all the others at once. A release is most often
 * where it is asked first; when it is not, the others cost one round trip, not one each.
 */
export function regionRounds<R>(regions: readonly R[]): R[][] {
  if (regions.length === 0) return [];
  const [first, ...others] = regions as [R, ...R[]];
  return others.length > 0 ? [[first], others] : [[first]];
}

/**
 * Asks round after round, each round's questions at once, until an answer is `found`; that is
 * the first found answer in the order of the questions, not of their arrival. A failed question
 * costs nothing when another in its round is found; a round with no answer found but a failure
 * throws that failure (the release may have been behind it).
 */
export async function firstInRounds<Q, A>(
  rounds: readonly (readonly Q[])[],
  ask: (question: Q) => Promise<A>,
  found: (answer: A) => boolean,
): Promise<{ question: Q; answer: A } | { last: A | undefined }> {
  let last: A | undefined;
  for (const round of rounds) {
    const settled = await Promise.allSettled(round.map(ask));
    const hit = settled.findIndex((r) => r.status === 'fulfilled' && found(r.value));
    if (hit >= 0)
      return { question: round[hit]!, answer: (settled[hit] as PromiseFulfilledResult<A>).value };
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const answered = settled.at(-1);
    if (answered?.status === 'fulfilled') last = answered.value;
  }
  return { last };
}
