import { describe, expect, it } from 'vitest';
import { createLookupContext, longestChain } from './lookup-context.ts';

describe('request chains', () => {
  it('counts the requests that went one after another, not those beside them', () => {
    expect(longestChain([])).toBe(0);
    // An album, then three tracks at once, then one more page: three round trips.
    const album = { start: 0, end: 10 };
    const tracks = [
      { start: 10, end: 30 },
      { start: 11, end: 25 },
      { start: 12, end: 40 },
    ];
    expect(longestChain([album, ...tracks])).toBe(2);
    expect(longestChain([...tracks, album, { start: 41, end: 50 }])).toBe(3);
    // Two look-ups' worth of parallel branches: the longer branch is the chain.
    const branch = [1, 2, 3, 4].map((i) => ({ start: i * 100, end: i * 100 + 50 }));
    expect(longestChain([...branch, { start: 0, end: 500 }])).toBe(4);
  });

  it('does not chain a request that waited for a budget after one it did not wait for', () => {
    const tracks = { start: 0, end: 10 };
    // Asked at 10 with the tracks' ISRCs, sent at once.
    const search = { start: 10, end: 20, asked: 10 };
    // Asked at 15 (after the merge), sent at 1010 when the budget let it: not after the search.
    const urls = { start: 1010, end: 1020, asked: 15 };
    expect(longestChain([tracks, search, urls])).toBe(2);
    // Asked once the search had answered: it did wait for it.
    expect(longestChain([tracks, search, { ...urls, asked: 25 }])).toBe(3);
    // Without `asked`, the sending is what counts.
    expect(longestChain([tracks, search, { start: 1010, end: 1020 }])).toBe(3);
  });

  it("collects the spans of a look-up's requests", () => {
    const lookup = createLookupContext();
    lookup.noteRequest({ start: 1, end: 2 });
    lookup.noteResponse(7);
    expect(lookup.spans).toEqual([{ start: 1, end: 2 }]);
    expect(lookup.responseIds).toEqual([7]);
  });
});
