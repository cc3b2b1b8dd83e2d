import { describe, expect, it } from 'vitest';
import type { HeldRecording } from '../contracts.ts';
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
            lengthMs: 200_000,
            isrc: 'GBAAA2600001',
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
            lengthMs: 180_000,
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

  it("offers no track page that is the release's own page (a Bandcamp single)", () => {
    const single = lookupOf({
      title: 'Opening',
      artists: [{ name: 'Alpha' }],
      media: [
        {
          tracks: [
            {
              number: '1',
              title: 'Opening',
              externalIds: [
                { provider: 'bandcamp', type: 'track', id: 'alpha/track/opening' },
                { provider: 'deezer', type: 'track', id: '31' },
              ],
            },
          ],
        },
      ],
      externalLinks: [
        { url: 'https://alpha.bandcamp.com/track/opening', types: ['paid download'] },
        { url: 'https://www.deezer.com/album/1', types: ['free streaming'] },
      ],
    });
    expect(storeTrackLinks(single.release!)).toEqual([
      [{ url: 'https://www.deezer.com/track/31', provider: 'deezer', types: ['free streaming'] }],
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
      { ...heldAt(REC1, 1, 'Opening', 201_000), isrcs: ['GBAAA2600001'] },
      { ...heldAt(REC2, 2, 'Duet (feat. Beta)', 178_500), links: [DEEZER_32] },
    ];
    const options = { editorUrl: EDITOR, editNote: 'n' };
    const { rows, unpaired } = heldRecordingLinks(held, result().release!, options);
    expect(rows.map((row) => [row.mbid, row.links.length])).toEqual([[REC1, 3]]);
    expect(unpaired).toEqual([]);
    expect(heldRecordingLinks(held.slice(0, 1), result().release!, options).rows).toEqual([]);
  });

  it('offers no page for a recording whose place holds another track at the stores (a reordered edition)', () => {
    // The same two tracks in the other order: equal counts, every pair a different recording.
    const held = [heldAt(REC2, 1, 'Duet', 180_000), heldAt(REC1, 2, 'Opening', 200_000)];
    const { rows, unpaired } = heldRecordingLinks(held, result().release!, OPTIONS);
    expect(rows).toEqual([]);
    expect(unpaired.map((r) => [r.mbid, r.position, r.title])).toEqual([
      [REC2, 1, 'Duet'],
      [REC1, 2, 'Opening'],
    ]);
  });

  it('pairs by ISRC whatever the title, and by title only at a length within 3 s', () => {
    const renamed = { ...heldAt(REC1, 1, 'Overture', 250_000), isrcs: ['GBAAA2600001'] };
    const pair = (first: HeldRecording) =>
      heldRecordingLinks([first, heldAt(REC2, 2, 'Duet', 183_000)], result().release!, OPTIONS);
    expect(pair(renamed).rows.map((row) => row.mbid)).toEqual([REC1, REC2]);
    // Same title, 4 s longer and no shared ISRC: not taken for the same recording.
    const longer = pair(heldAt(REC1, 1, 'Opening', 204_000));
    expect(longer.rows.map((row) => row.mbid)).toEqual([REC2]);
    expect(longer.unpaired.map((r) => r.mbid)).toEqual([REC1]);
    // No length in MusicBrainz and no ISRC: nothing says it is the same recording.
    const { lengthMs: _, ...unknown } = heldAt(REC1, 1, 'Opening', 0);
    expect(pair(unknown).unpaired.map((r) => r.mbid)).toEqual([REC1]);
  });
});

const DEEZER_32 = 'https://www.deezer.com/track/32';
const OPTIONS = { editorUrl: EDITOR, editNote: 'n' };

/** A MusicBrainz recording at a place on medium 1 with no links and no ISRC. */
function heldAt(mbid: string, position: number, title: string, lengthMs: number): HeldRecording {
  return { mbid, medium: 1, position, title, lengthMs, isrcs: [], links: [] };
}
