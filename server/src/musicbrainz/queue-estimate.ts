/**
 * About how long what waits in the shared MusicBrainz queues (URLs for ws/2/url, ISRCs for the
 * recording search) takes to be asked: the one estimate both the queue status (lookup.queue) and
 * a look-up's message at its deadline give.
 */
import { ISRC_BATCH } from './recording-search.ts';
import { MAX_URLS_PER_REQUEST } from './url-lookup.ts';

/** How long until the budget lets a request go, and how many keys nobody is asking yet. */
export interface MusicbrainzQueueState {
  untilFreeMs: number;
  queuedUrls: number;
  queuedIsrcs: number;
}

/**
 * The wait for the slot, then one request interval per batch: URL look-ups and ISRC searches
 * take turns in the same 1 request/s budget, so both queues count. `atLeastBatches`: requests
 * known to be coming though not counted (a look-up's own keys, claimed and in flight).
 */
export function musicbrainzEtaMs(
  queue: MusicbrainzQueueState,
  requestIntervalMs: number,
  atLeastBatches = 0,
): number {
  const batches = Math.max(
    atLeastBatches,
    Math.ceil(queue.queuedUrls / MAX_URLS_PER_REQUEST) + Math.ceil(queue.queuedIsrcs / ISRC_BATCH),
  );
  return batches === 0 ? 0 : queue.untilFreeMs + batches * requestIntervalMs;
}
