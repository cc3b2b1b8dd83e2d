import { describe, expect, it } from 'vitest';
import { musicbrainzEtaMs } from './queue-estimate.ts';
import { ISRC_BATCH } from './recording-search.ts';
import { MAX_URLS_PER_REQUEST } from './url-lookup.ts';

describe('the MusicBrainz queue estimate', () => {
  it('counts a request per batch of either queue after the wait for the slot', () => {
    const queue = { untilFreeMs: 400, queuedUrls: MAX_URLS_PER_REQUEST + 1, queuedIsrcs: 1 };
    // Two URL batches and one ISRC batch share the budget.
    expect(musicbrainzEtaMs(queue, 1000)).toBe(400 + 3 * 1000);
    expect(musicbrainzEtaMs({ ...queue, queuedUrls: 0, queuedIsrcs: ISRC_BATCH * 2 }, 1000)).toBe(
      400 + 2 * 1000,
    );
  });

  it('is nothing with nothing queued, unless requests are known to be coming', () => {
    const empty = { untilFreeMs: 400, queuedUrls: 0, queuedIsrcs: 0 };
    expect(musicbrainzEtaMs(empty, 1000)).toBe(0);
    expect(musicbrainzEtaMs(empty, 1000, 1)).toBe(1400);
  });
});
