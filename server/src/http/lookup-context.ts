/** Per-look-up contexts for the HTTP layer (see LookupContext). */
import type { LookupContext } from './types.ts';

/** A request that belongs to no look-up: no deadline, and its stored responses are not collected. */
export const NO_LOOKUP: LookupContext = { noteResponse: () => {} };

/** A look-up's context with its deadline; `responseIds` collects the stored responses it used. */
export function createLookupContext(
  signal?: AbortSignal,
): LookupContext & { readonly responseIds: readonly number[] } {
  const responseIds: number[] = [];
  return {
    signal,
    responseIds,
    noteResponse: (id) => {
      responseIds.push(id);
    },
  };
}

/** The error of a request whose look-up's time ran out (lookup.providerTimeout). */
export function isCancelled(lookup: LookupContext): boolean {
  return lookup.signal?.aborted === true;
}
