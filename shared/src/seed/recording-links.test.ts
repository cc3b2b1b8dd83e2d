import { describe, expect, it } from 'vitest';
import { type LookupResult, lookupResultSchema } from '../lookup.ts';
import { followUpActions } from './actions.ts';
import { heldRecordingLinks, storeTrackLinks } from './recording-links.ts';

/** A look-up of this release, with nothing else said. */
const lookupOf = (release: object): LookupResult =>
  lookupResultSchema.parse({
    ...{ id: 'abcdefghjkmn', createdAt: '2026-01-01T00:00:00.000Z', sources: {} },
    ...{ query: { urls: [], regions: [] }, conflicts: [], incompatible: [] },
    ...{ providers: [], messages: [], release },
  });

const REC1 = '10000000-0000-4000-8000-000000000001';
const REC2 = '10000000-0000-4000-8000-000000000002';
const EDITOR = 'https://musicbrainz.org';

/** Two tracks with their pages at five stores; the release's own links give the types. */
function result(): LookupResult {
  return lookupOf({
    title: 'Two Sides',
    artists: [{ name: 'Alpha' }],
    media: [
      {
        tracks: [
          {
            number: '1',
            title: 'Opening',
            recordingMbid: REC1,
            externalIds: [
              { provider: 'deezer', type: 'track', id: '31' },
              { provider: 'itunes', type: 'track', id: '77', region: 'GB' },
              { provider: 'bandcamp', type: 'track', id: 'alpha/track/opening' },
              { provider: 'qobuz', type: 'track', id: '555' },
            ],
          },
          {
            number: '2',
            title: 'Duet',
            externalIds: [
              { provider: 'deezer', type: 'track', id: '32' },
              // Bandcamp's number for a track its page does not link: no page to offer.
              { provider: 'bandcamp', type: 'track', id: '3971885580' },
            ],
          },
        ],
      },
    ],
    externalLinks: [
      { url: 'https://www.deezer.com/album/1', types: ['free streaming'] },
      { url: 'https://music.apple.com/gb/album/2', types: ['paid download', 'paid streaming'] },
      {
        url: 'https://alpha.bandcamp.com/album/two-sides',
        types: ['paid download', 'free streaming'],
      },
      { url: 'https://www.qobuz.com/gb-en/album/two-sides/3', types: ['paid download'] },
    ],
  });
}

/** [url, recording link type] pairs of a recording's seeded edit page. */
function seeded(editUrl: string): [string, string][] {
  const params = new URL(editUrl).searchParams;
  const pairs: [string, string][] = [];
  for (let i = 0; params.has(`edit-recording.url.${i}.text`); i++)
    pairs.push([
      params.get(`edit-recording.url.${i}.text`)!,
      params.get(`edit-recording.url.${i}.link_type_id`)!,
    ]);
  return pairs;
}

describe('store links for recordings', () => {
  it("gives each track its stores' pages, typed as its release's page there and as MusicBrainz allows for recordings", () => {
    const [opening, duet] = storeTrackLinks(result().release!);
    expect(opening).toEqual([
      { url: 'https://www.deezer.com/track/31', provider: 'deezer', types: ['free streaming'] },
      {
        url: 'https://music.apple.com/gb/song/77',
        provider: 'itunes',
        types: ['paid download', 'paid streaming'],
      },
      {
        url: 'https://alpha.bandcamp.com/track/opening',
        provider: 'bandcamp',
        types: ['paid download', 'free streaming'],
      },
      // Qobuz declares no recording link types: its track pages are not offered.
    ]);
    expect(duet).toEqual([
      { url: 'https://www.deezer.com/track/32', provider: 'deezer', types: ['free streaming'] },
    ]);
  });

  it('seeds a matched recording with the links it lacks, with recording link types (not release ones)', () => {
    const linked = new Map([[REC1, ['http://www.deezer.com/track/31']]]);
    const actions = followUpActions(result(), '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f', {
      editorUrl: EDITOR,
      recordingLinked: linked,
      editNote: 'note',
      recordingNote: 'recording note',
    });
    // Only the matched recording; Deezer is linked already (in its http:// form).
    expect(actions.recordingLinks).toHaveLength(1);
    const [row] = actions.recordingLinks;
    expect(row).toMatchObject({ mbid: REC1, medium: 1, position: 1, title: 'Opening' });
    expect(row!.links.map((link) => link.provider)).toEqual(['itunes', 'bandcamp']);
    const url = new URL(row!.editUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${EDITOR}/recording/${REC1}/edit`);
    expect(seeded(row!.editUrl)).toEqual([
      ['https://music.apple.com/gb/song/77', '254'],
      ['https://music.apple.com/gb/song/77', '979'],
      ['https://alpha.bandcamp.com/track/opening', '254'],
      ['https://alpha.bandcamp.com/track/opening', '268'],
    ]);
    expect(url.searchParams.get('edit-recording.edit_note')).toBe('recording note');
    expect([...url.searchParams.keys()]).toHaveLength(9);
  });

  it("lines MusicBrainz's recordings up with the stores' tracks place by place, or not at all", () => {
    const held = [
      { mbid: REC1, medium: 1, position: 1, title: 'Opening', links: [] },
      {
        mbid: REC2,
        medium: 2,
        position: 1,
        title: 'Duet',
        links: ['https://www.deezer.com/track/32'],
      },
    ];
    const options = { editorUrl: EDITOR, editNote: 'n' };
    const rows = heldRecordingLinks(held, result().release!, options);
    expect(rows.map((row) => [row.mbid, row.links.length])).toEqual([[REC1, 3]]);
    expect(heldRecordingLinks(held.slice(0, 1), result().release!, options)).toEqual([]);
  });
});
