/** Per-look-up contexts for the HTTP layer (see LookupContext). */
import type { LookupContext, RequestSpan } from './types.ts';

/** A request that belongs to no look-up: no deadline, nothing collected. */
export const NO_LOOKUP: LookupContext = { noteResponse: () => {}, noteRequest: () => {} };

/**
 * A look-up's context with its deadline; `responseIds` collects the stored responses it used,
 * `spans` the requests it sent.
 */
export function createLookupContext(signal?: AbortSignal): LookupContext & {
  readonly responseIds: readonly number[];
  readonly spans: readonly RequestSpan[];
} {
  const responseIds: number[] = [];
  const spans: RequestSpan[] = [];
  return {
    signal,
    responseIds,
    spans,
    noteResponse: (id) => {
      responseIds.push(id);
    },
    noteRequest: (span) => {
      spans.push(span);
    },
  };
}

/**
 * The longest chain of requests that went one after another: each started once the one before
 * it had ended. Requests that overlap count once in it, so a look-up's chain is the number of
 * round trips its answer had to wait for, whatever ran beside them. A request that was asked
 * for before it was sent (`asked`: it waited for MusicBrainz's budget) follows only the requests
 * that had ended when it was asked: the budget's one request a second orders two MusicBrainz
 * requests in time, but the second does not wait for the first's answer. That wait is time, in
 * the look-up's wall time, not a round trip.
 */
export function longestChain(spans: readonly RequestSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.end - b.end);
  const chain: number[] = [];
  sorted.forEach((span, i) => {
    const ready = Math.min(span.asked ?? span.start, span.start);
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= ready) best = Math.max(best, chain[j]!);
    chain.push(best + 1);
  });
  return Math.max(0, ...chain);
}

/** The error of a request whose look-up's time ran out (lookup.providerTimeout). */
export function isCancelled(lookup: LookupContext): boolean {
  return lookup.signal?.aborted === true;
}
