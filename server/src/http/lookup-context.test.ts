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

  it("collects the spans of a look-up's requests", () => {
    const lookup = createLookupContext();
    lookup.noteRequest({ start: 1, end: 2 });
    lookup.noteResponse(7);
    expect(lookup.spans).toEqual([{ start: 1, end: 2 }]);
    expect(lookup.responseIds).toEqual([7]);
  });
});
