import type { Release } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import type { MbRecording } from '../repositories/types.ts';
import { comparableTitle, matchRecordings } from './recording-match.ts';
import { chooseReleaseGroup } from './release-group-match.ts';

const ARTIST = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function recording(
  n: number,
  title: string,
  lengthMs: number | undefined,
  isrc: string,
): MbRecording {
  return {
    mbid: id(n),
    title,
    ...(lengthMs === undefined ? {} : { lengthMs }),
    artists: [{ mbid: ARTIST, name: 'Alpha' }],
    isrcs: [isrc],
    releases: [
      {
        mbid: id(9),
        title: 'Two Sides',
        artists: [{ mbid: ARTIST, name: 'Alpha' }],
        releaseGroup: { mbid: GROUP, title: 'Two Sides' },
      },
    ],
  };
}

function release(tracks: { title: string; lengthMs?: number; isrc?: string }[]): Release {
  return {
    title: 'Two Sides - EP',
    artists: [{ name: 'Alpha', mbid: ARTIST, externalIds: [] }],
    labels: [],
    types: ['EP'],
    media: [{ tracks: tracks.map((t, i) => ({ number: String(i + 1), ...t })) }],
    externalLinks: [],
    images: [],
    externalIds: [],
  };
}

describe('comparableTitle', () => {
  it('drops what MusicBrainz keeps elsewhere, then case, accents and punctuation', () => {
    expect(comparableTitle('Duet (feat. Beta & Gamma)')).toBe('duet');
    expect(comparableTitle('Duet feat. Beta')).toBe('duet');
    expect(comparableTitle('Song - Remastered 2011')).toBe('song');
    expect(comparableTitle('Song (2011 Remaster)')).toBe('song');
    expect(comparableTitle('Café’s  Song!')).toBe('cafe s song');
    // What names another recording stays.
    expect(comparableTitle('Song (Live)')).not.toBe(comparableTitle('Song'));
    expect(comparableTitle('Song - Acoustic')).not.toBe(comparableTitle('Song'));
  });
});

describe('matchRecordings', () => {
  const tracks = release([
    { title: 'Opening', lengthMs: 201_000, isrc: 'GBAAA2300001' },
    { title: 'Duet', lengthMs: 185_000, isrc: 'GBAAA2300002' },
    { title: 'Reprise', lengthMs: 99_000, isrc: 'GBAAA2300003' },
    { title: 'Coda', lengthMs: 60_000 },
    { title: 'Other', lengthMs: 60_000, isrc: 'GBAAA2300005' },
  ]);

  it('seeds one that fits, leaves equals and misfits, and says why for every track', () => {
    const answers = new Map([
      ['GBAAA2300001', [recording(1, 'opening', 203_900, 'GBAAA2300001')]],
      [
        'GBAAA2300002',
        [
          recording(2, 'Duet', 185_400, 'GBAAA2300002'),
          recording(3, 'Duet', 184_800, 'GBAAA2300002'),
        ],
      ],
      ['GBAAA2300003', [recording(4, 'Reprise', undefined, 'GBAAA2300003')]],
      ['GBAAA2300005', []],
    ]);
    const { release: seeded, matches, sources } = matchRecordings(tracks, answers);
    expect(seeded.media[0]!.tracks.map((t) => t.recordingMbid)).toEqual([
      id(1),
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(sources).toEqual({ 'media.0.tracks.0.recordingMbid': 'musicbrainz' });
    expect(matches.map((m) => m.reason)).toEqual([
      'same ISRC and title, length 3 s apart',
      expect.stringMatching(/^2 recordings with this ISRC fit equally well .*none was chosen/),
      expect.stringMatching(/has no length in MusicBrainz/),
      'the stores give no ISRC',
      'MusicBrainz has no recording with this ISRC',
    ]);
  });

  it('chooses among several by the title as written, then a clearly closer length', () => {
    const answers = new Map([
      [
        'GBAAA2300002',
        [
          recording(2, 'DUET', 185_000, 'GBAAA2300002'),
          recording(3, 'Duet', 186_000, 'GBAAA2300002'),
        ],
      ],
      [
        'GBAAA2300001',
        [
          recording(5, 'Opening', 203_000, 'GBAAA2300001'),
          recording(6, 'Opening', 201_200, 'GBAAA2300001'),
        ],
      ],
    ]);
    const { matches } = matchRecordings(tracks, answers);
    expect(matches[0]).toMatchObject({ matched: true, mbid: id(6) });
    expect(matches[0]!.reason).toMatch(/chosen among 2/);
    expect(matches[1]).toMatchObject({ matched: true, mbid: id(3) });
  });

  it('refuses a recording of another length or title, naming it', () => {
    const answers = new Map([
      ['GBAAA2300001', [recording(1, 'Opening', 205_000, 'GBAAA2300001')]],
      ['GBAAA2300002', [recording(2, 'Duet (Live)', 185_000, 'GBAAA2300002')]],
    ]);
    const { matches } = matchRecordings(tracks, answers);
    expect(matches[0]!.reason).toBe(
      `no recording with this ISRC fits: "Opening" (${id(1)}) is 3:25, 4 s from the track's 3:21`,
    );
    expect(matches[1]!.reason).toMatch(/"Duet \(Live\)" .* has another title/);
  });
});

describe('chooseReleaseGroup', () => {
  const seeded = release([{ title: 'Opening', lengthMs: 201_000, isrc: 'GBAAA2300001' }]);
  const matched = [recording(1, 'Opening', 201_000, 'GBAAA2300001')];

  it('takes the group of the same title (without the store\'s " - EP") and credit', () => {
    expect(chooseReleaseGroup(seeded, matched).choice).toMatchObject({ mbid: GROUP });
  });

  it('takes none for another credit, another title, or a group already known', () => {
    const other = { ...seeded, artists: [{ name: 'Alpha', mbid: id(7), externalIds: [] }] };
    expect(chooseReleaseGroup(other, matched)).toEqual({});
    expect(chooseReleaseGroup({ ...seeded, title: 'Greatest Hits' }, matched)).toEqual({});
    expect(chooseReleaseGroup({ ...seeded, releaseGroupMbid: id(8) }, matched)).toEqual({});
  });

  it('names several groups that fit and chooses none', () => {
    const twice = recording(1, 'Opening', 201_000, 'GBAAA2300001');
    twice.releases.push({
      ...twice.releases[0]!,
      releaseGroup: { mbid: id(8), title: 'Two Sides' },
    });
    const { choice, warning } = chooseReleaseGroup(seeded, [twice]);
    expect(choice).toBeUndefined();
    expect(warning).toMatch(/2 release groups/);
  });
});
