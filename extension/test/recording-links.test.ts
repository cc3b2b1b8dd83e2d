/**
 * The compare panel's recording links: built in the background from the stores' tracks and
 * MusicBrainz's recordings in the comparison, for the chosen MusicBrainz site, with recording
 * link types; what the server's own rows hold beyond them is named and not offered.
 */
import { describe, expect, it } from 'vitest';
import { comparisonSchema, comparisonView } from '../src/background/comparison-view.ts';
import { sampleComparison } from './support/comparison.ts';

const OPTIONS = {
  serverUrl: 'http://127.0.0.1:5733',
  editorUrl: 'https://test.musicbrainz.org',
  version: '0.1.0',
};
const rec = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;

function withRecordings() {
  const raw = sampleComparison();
  const tracks = raw.lookup.release!.media.flatMap((medium) => medium.tracks);
  tracks.forEach((track, i) => {
    track.externalIds = [{ provider: 'deezer', type: 'track', id: String(31 + i) }];
  });
  const held = tracks.map((track, i) => ({
    mbid: rec(i + 1),
    medium: 1,
    position: i + 1,
    title: track.title,
    // The same length as the store's track: what pairs the recording with it.
    ...(track.lengthMs !== undefined ? { lengthMs: track.lengthMs } : {}),
    // The first recording has its Deezer page already.
    links: i === 0 ? ['https://www.deezer.com/track/31'] : [],
  }));
  return {
    ...raw,
    musicbrainz: { ...raw.musicbrainz, recordings: held },
    // The server's vote, padded with a link for a recording of another release.
    recordingLinks: [
      {
        mbid: rec(9),
        medium: 1,
        position: 1,
        title: 'Spam',
        links: [
          {
            url: 'https://www.deezer.com/track/666',
            provider: 'deezer',
            types: ['free streaming'],
          },
        ],
        editUrl: `https://attacker.example/recording/${rec(9)}/edit`,
      },
    ],
  };
}

describe('recording links on the compare panel', () => {
  it('lists each recording the links it lacks, seeded on the chosen site with recording link types', () => {
    const view = comparisonView(comparisonSchema.parse(withRecordings()), OPTIONS);
    expect(view.recordingLinks.map((row) => [row.mbid, row.position, row.links.length])).toEqual([
      [rec(2), 2, 1],
      [rec(3), 3, 1],
    ]);
    const edit = new URL(view.recordingLinks[0]!.editUrl);
    expect(`${edit.origin}${edit.pathname}`).toBe(
      `https://test.musicbrainz.org/recording/${rec(2)}/edit`,
    );
    expect([...edit.searchParams.keys()]).toEqual([
      'edit-recording.url.0.text',
      'edit-recording.url.0.link_type_id',
      'edit-recording.edit_note',
    ]);
    expect(edit.searchParams.get('edit-recording.url.0.text')).toBe(
      'https://www.deezer.com/track/32',
    );
    expect(edit.searchParams.get('edit-recording.url.0.link_type_id')).toBe('268');
    expect(view.recordingLinks[0]!.links[0]!.store).toBe('Deezer');
    expect(view.messages.at(-1)?.text).toBe(
      `The Liner server's recording links also held what this panel does not list; Liner leaves it out: recording ${rec(9)} link https://www.deezer.com/track/666.`,
    );
  });

  it('offers nothing when MusicBrainz and the stores count different tracks', () => {
    const raw = withRecordings();
    raw.musicbrainz.recordings = raw.musicbrainz.recordings.slice(0, 2);
    expect(comparisonView(comparisonSchema.parse(raw), OPTIONS).recordingLinks).toEqual([]);
  });
});
