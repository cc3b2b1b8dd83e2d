import type { Release } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import type { IsrcAnswers, RecordingFinder } from '../musicbrainz/recordings.ts';
import { recordingSearch } from './recording-step.ts';

function release(isrcs: (string | undefined)[]): Release {
  return {
    title: 'Two Sides',
    artists: [{ name: 'Alpha', externalIds: [] }],
    labels: [],
    types: [],
    media: [
      {
        tracks: isrcs.map((isrc, i) => ({
          number: String(i + 1),
          title: `Track ${i + 1}`,
          ...(isrc ? { isrc } : {}),
        })),
      },
    ],
    externalLinks: [],
    images: [],
    externalIds: [],
  };
}

/** A finder that answers every ISRC with no recording, recording what it was asked; may fail. */
function finder(fail?: (isrcs: readonly string[]) => boolean) {
  const asked: string[][] = [];
  const found: RecordingFinder = {
    requests: () => asked.length,
    async find(isrcs) {
      asked.push([...isrcs]);
      if (fail?.(isrcs)) throw new Error('MusicBrainz is down');
      return new Map(isrcs.map((isrc) => [isrc, []])) as IsrcAnswers;
    },
  };
  return { asked, found };
}

const options = { refresh: false, onRequest: () => {} };

describe('the recording search of a look-up', () => {
  it("starts with the first store answer that gives ISRCs and searches only the merge's others", async () => {
    const f = finder();
    const search = recordingSearch(f.found, options);
    search.offer(release([undefined, undefined]));
    search.offer(release(['GBAAA0000001', 'GBAAA0000002']));
    // A later store's ISRCs wait for the merge: needed only if the merged tracklist has them.
    search.offer(release(['GBAAA0000003', 'GBAAA0000009']));
    expect(f.asked).toEqual([['GBAAA0000001', 'GBAAA0000002']]);
    const found = await search.find(release(['GBAAA0000001', 'GBAAA0000002', 'GBAAA0000003']));
    expect(f.asked).toEqual([['GBAAA0000001', 'GBAAA0000002'], ['GBAAA0000003']]);
    expect([...found.answers!.keys()]).toEqual(['GBAAA0000001', 'GBAAA0000002', 'GBAAA0000003']);
    expect(found.failed).toBe(false);
  });

  it('asks nothing more when the early search has every ISRC of the merge', async () => {
    const f = finder();
    const search = recordingSearch(f.found, options);
    search.offer(release(['GBAAA0000001', 'GBAAA0000002']));
    const found = await search.find(release(['GBAAA0000002']));
    expect(f.asked).toHaveLength(1);
    expect([...found.answers!.keys()]).toEqual(['GBAAA0000002']);
  });

  it('says a failed search when the merge needs it, and ignores one whose ISRCs it dropped', async () => {
    const f = finder((isrcs) => isrcs.includes('GBAAA0000001'));
    const needed = recordingSearch(f.found, options);
    needed.offer(release(['GBAAA0000001']));
    const failed = await needed.find(release(['GBAAA0000001']));
    expect(failed.failed).toBe(true);
    expect(failed.messages[0]?.text).toMatch(/recordings of the ISRCs could not be looked up/);
    const dropped = recordingSearch(f.found, options);
    dropped.offer(release(['GBAAA0000001']));
    const other = await dropped.find(release(['GBAAA0000005']));
    expect(other.failed).toBe(false);
    expect([...other.answers!.keys()]).toEqual(['GBAAA0000005']);
  });
});
