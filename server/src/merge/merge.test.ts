import { type Release, type ReleaseInput, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import type { ProviderFeatures } from '../providers/types.ts';
import { mergeReleases } from './index.ts';
import { MAX_TRACK_CONFLICTS } from './tracks.ts';
import type { MergeInput } from './types.ts';

const features = (overrides: Partial<ProviderFeatures> = {}): ProviderFeatures => ({
  gtinLookup: 'good',
  gtin: 'good',
  isrc: 'none',
  labels: 'present',
  catalogNumber: 'none',
  releaseDate: 'present',
  durations: 'present',
  artistCredits: 'present',
  availability: 'none',
  copyright: 'none',
  releaseTypes: 'present',
  coverSize: 500,
  ...overrides,
});

const track = (n: number, extra: Record<string, unknown> = {}) => ({
  number: String(n),
  title: `Track ${n}`,
  ...extra,
});

function input(
  provider: MergeInput['provider'],
  release: Partial<ReleaseInput>,
  f: Partial<ProviderFeatures> = {},
  requested = false,
): MergeInput {
  const base: ReleaseInput = {
    title: 'Album',
    artists: [{ name: 'Artist' }],
    media: [{ format: 'Digital Media', tracks: [track(1), track(2)] }],
    ...release,
  };
  return {
    provider,
    release: releaseSchema.parse(base) as Release,
    features: features(f),
    category: 'streaming',
    requested,
  };
}

describe('merge', () => {
  it('takes each field from the best declared provider and records its source', () => {
    const result = mergeReleases([
      input(
        'deezer',
        { title: 'Album', gtin: '192758000019', releaseDate: { year: 2023, month: 5, day: 5 } },
        { releaseDate: 'good' },
        true,
      ),
      input(
        'spotify',
        {
          title: 'Album',
          labels: [{ name: 'Label', catalogNumber: 'CAT1' }],
          media: [
            {
              tracks: [
                track(1, { isrc: 'GBAAA2300001', lengthMs: 1000 }),
                track(2, { isrc: 'GBAAA2300002', lengthMs: 2000 }),
              ],
            },
          ],
        },
        { isrc: 'good', durations: 'good', labels: 'good' },
      ),
    ]);
    expect(result.merged).toEqual(['deezer', 'spotify']);
    expect(result.release?.gtin).toBe('192758000019');
    expect(result.sources).toMatchObject({
      gtin: 'deezer',
      releaseDate: 'deezer',
      labels: 'spotify',
      'tracks.isrc': 'spotify',
      'tracks.length': 'spotify',
    });
    expect(result.release?.labels).toEqual([
      { name: 'Label', catalogNumber: 'CAT1', externalIds: [] },
    ]);
    expect(result.release?.media[0]?.tracks.map((t) => t.isrc)).toEqual([
      'GBAAA2300001',
      'GBAAA2300002',
    ]);
  });

  it('lists disagreements with every alternative and its providers', () => {
    const result = mergeReleases([
      input('deezer', { releaseDate: { year: 2020, month: 1, day: 1 } }, { releaseDate: 'good' }),
      input('spotify', { releaseDate: { year: 2021 } }),
      input('tidal', { releaseDate: { year: 2020, month: 1, day: 1 } }),
    ]);
    expect(result.conflicts.find((c) => c.field === 'releaseDate')).toEqual({
      field: 'releaseDate',
      chosen: 'deezer',
      alternatives: [
        { providers: ['deezer', 'tidal'], value: { year: 2020, month: 1, day: 1 } },
        { providers: ['spotify'], value: { year: 2021 } },
      ],
    });
  });

  it('takes ISRCs and lengths each from one provider for the whole tracklist', () => {
    const result = mergeReleases([
      input(
        'deezer',
        {
          media: [
            {
              tracks: [
                track(1, { isrc: 'GBAAA2300001', lengthMs: 60_000 }),
                track(2, { lengthMs: 61_000 }),
              ],
            },
          ],
        },
        { isrc: 'good', durations: 'present' },
      ),
      input(
        'spotify',
        {
          media: [
            {
              tracks: [
                track(1, { isrc: 'USXXX2300001', lengthMs: 60_500 }),
                track(2, { isrc: 'USXXX2300002', lengthMs: 70_000 }),
              ],
            },
          ],
        },
        { isrc: 'present', durations: 'good' },
      ),
    ]);
    const tracks = result.release!.media[0]!.tracks;
    // Deezer is the better ISRC source: its gap on track 2 is not filled from Spotify.
    expect(tracks.map((t) => t.isrc)).toEqual(['GBAAA2300001', undefined]);
    expect(tracks.map((t) => t.lengthMs)).toEqual([60_500, 70_000]);
    expect(result.conflicts.map((c) => c.field)).toEqual([
      'media.0.tracks.0.isrc',
      'media.0.tracks.1.lengthMs',
    ]);
  });

  it("never keeps the layout source's ISRC list beside another provider's ISRC", () => {
    const result = mergeReleases([
      input(
        'musicbrainz',
        {
          media: [
            {
              tracks: [
                track(1, { isrc: 'GBAAA2300001', isrcs: ['GBAAA2300001', 'GBAAA2300009'] }),
                track(2),
              ],
            },
          ],
        },
        { isrc: 'none' },
      ),
      input(
        'deezer',
        { media: [{ tracks: [track(1, { isrc: 'USXXX2300005' }), track(2)] }] },
        { isrc: 'good' },
      ),
    ]);
    const first = result.release!.media[0]!.tracks[0]!;
    expect(result.sources['tracks.isrc']).toBe('deezer');
    expect(result.sources.media).toBe('musicbrainz');
    expect(first.isrc).toBe('USXXX2300005');
    expect(first.isrcs).toBeUndefined();
  });

  it('does not merge releases with other barcodes or track counts, and lets the user pick them', () => {
    const inputs = [
      input('deezer', { gtin: '192758000019' }, {}, true),
      input('spotify', { gtin: '5012345678900' }),
      input('tidal', { media: [{ tracks: [track(1)] }] }),
      input('itunes', {}),
    ];
    const result = mergeReleases(inputs);
    expect(result.merged).toEqual(['deezer', 'itunes']);
    expect(result.incompatible).toEqual([
      {
        providers: ['spotify'],
        reason: 'barcode 5012345678900 instead of 192758000019',
        gtin: '5012345678900',
        tracks: '2',
        title: 'Album',
      },
      { providers: ['tidal'], reason: '1 tracks instead of 2', tracks: '1', title: 'Album' },
    ]);
    expect(result.messages[0]?.text).toMatch(
      /^spotify found "Album" with barcode 5012345678900 instead of 192758000019: not merged/,
    );
    const picked = mergeReleases(inputs, { prefer: 'spotify' });
    expect(picked.merged).toEqual(['spotify', 'itunes']);
    expect(picked.release?.gtin).toBe('5012345678900');
  });

  it('treats zero-padded barcodes as equal and prefers the layout with discs', () => {
    const result = mergeReleases([
      input(
        'bandcamp',
        { gtin: '0192758000019', media: [{ tracks: [track(1), track(2), track(3)] }] },
        {},
        true,
      ),
      input('deezer', {
        gtin: '192758000019',
        media: [{ tracks: [track(1), track(2)] }, { tracks: [track(1)] }],
      }),
    ]);
    expect(result.incompatible).toEqual([]);
    expect(result.sources.media).toBe('deezer');
    expect(result.release?.media.map((m) => m.tracks.length)).toEqual([2, 1]);
  });

  it('lets the configuration override declared qualities per field', () => {
    const inputs = [
      input('deezer', { title: 'From Deezer' }),
      input('discogs', { title: 'From Discogs' }),
    ];
    expect(mergeReleases(inputs).sources.title).toBe('deezer');
    expect(mergeReleases(inputs, { preferences: { title: ['discogs'] } }).release?.title).toBe(
      'From Discogs',
    );
  });

  it('unifies artist and label IDs by name and unions links and availability', () => {
    const result = mergeReleases([
      input(
        'deezer',
        {
          artists: [
            { name: 'Beyoncé', externalIds: [{ provider: 'deezer', type: 'artist', id: '1' }] },
          ],
          externalLinks: [{ url: 'https://www.deezer.com/album/1', types: ['free streaming'] }],
          availableIn: ['GB'],
          excludedFrom: ['JP', 'FR'],
        },
        { artistCredits: 'good', availability: 'good' },
      ),
      input(
        'spotify',
        {
          artists: [
            { name: 'BEYONCE', externalIds: [{ provider: 'spotify', type: 'artist', id: 'abc' }] },
          ],
          externalLinks: [{ url: 'https://open.spotify.com/album/x', types: ['free streaming'] }],
          availableIn: ['US', 'FR'],
        },
        { availability: 'good' },
      ),
      // Found in one storefront: that says nothing about the other countries.
      input('itunes', { availableIn: ['JP'] }, { availability: 'bad' }),
    ]);
    expect(result.release?.artists[0]?.externalIds.map((id) => id.provider)).toEqual([
      'deezer',
      'spotify',
    ]);
    expect(result.release?.externalLinks.map((l) => l.url)).toEqual([
      'https://www.deezer.com/album/1',
      'https://open.spotify.com/album/x',
    ]);
    expect(result.release?.availableIn).toEqual(['FR', 'GB', 'US']);
    expect(result.release?.excludedFrom).toEqual(['JP']);
  });

  it('leaves availability unknown when only single-storefront stores found the release', () => {
    const result = mergeReleases([
      input('itunes', { availableIn: ['GB'] }, { availability: 'bad' }),
      input('tidal', { availableIn: ['US'] }, { availability: 'bad' }),
    ]);
    expect(result.release?.availableIn).toBeUndefined();
  });

  it('never gives a label the IDs or MBID of an artist of the same name', () => {
    const artistMbid = '11111111-1111-4111-8111-111111111111';
    const result = mergeReleases([
      input('deezer', {
        artists: [
          {
            name: 'Foo',
            mbid: artistMbid,
            externalIds: [{ provider: 'deezer', type: 'artist', id: '1' }],
          },
        ],
        labels: [{ name: 'Foo', externalIds: [] }],
      }),
    ]);
    expect(result.release?.artists[0]?.mbid).toBe(artistMbid);
    expect(result.release?.labels[0]).toEqual({ name: 'Foo', externalIds: [] });
  });

  it('records the source of links, images, IDs, credits, MBIDs and track artists', () => {
    const mbid = '22222222-2222-4222-8222-222222222222';
    const groupMbid = '33333333-3333-4333-8333-333333333333';
    const recordingMbid = '44444444-4444-4444-8444-444444444444';
    const result = mergeReleases([
      input(
        'bandcamp',
        {
          credits: 'Produced by Someone',
          externalLinks: [{ url: 'https://a.bandcamp.com/album/x', types: ['paid download'] }],
          images: [{ url: 'https://f4.bcbits.com/img/a10_0.jpg', types: ['front'] }],
          externalIds: [{ provider: 'bandcamp', type: 'release', id: 'x' }],
        },
        { coverSize: 3000 },
        true,
      ),
      input(
        'deezer',
        {
          externalLinks: [
            { url: 'https://a.bandcamp.com/album/x', types: ['free streaming'] },
            { url: 'https://www.deezer.com/album/1', types: ['free streaming'] },
          ],
          images: [{ url: 'https://e-cdns-images.dzcdn.net/1000x1000.jpg', types: ['front'] }],
          media: [
            {
              tracks: [
                track(1, { artists: [{ name: 'Artist' }, { name: 'Guest', joinPhrase: '' }] }),
                track(2),
              ],
            },
          ],
        },
        { artistCredits: 'good', coverSize: 1000 },
      ),
      input('musicbrainz', {
        mbid,
        releaseGroupMbid: groupMbid,
        media: [{ tracks: [track(1, { recordingMbid }), track(2)] }],
      }),
    ]);
    expect(result.release?.media[0]?.tracks[0]?.artists?.map((a) => a.name)).toEqual([
      'Artist',
      'Guest',
    ]);
    expect(result.release?.credits).toBe('Produced by Someone');
    expect(result.release?.externalLinks.map((l) => l.types)).toEqual([
      ['paid download', 'free streaming'],
      ['free streaming'],
    ]);
    expect(result.sources).toMatchObject({
      'tracks.artists': 'deezer',
      credits: 'bandcamp',
      mbid: 'musicbrainz',
      releaseGroupMbid: 'musicbrainz',
      externalLinks: 'bandcamp',
      'externalLinks.0': 'bandcamp',
      'externalLinks.1': 'deezer',
      images: 'bandcamp',
      'images.0': 'bandcamp',
      'images.1': 'deezer',
      externalIds: 'bandcamp',
      'externalIds.0': 'bandcamp',
      'media.0.tracks.0.recordingMbid': 'musicbrainz',
    });
    expect(result.sources['externalLinks.2']).toBeUndefined();
    expect(result.sources['media.0.tracks.1.recordingMbid']).toBeUndefined();
  });

  it('records which provider reported each country of availability', () => {
    const result = mergeReleases([
      input('deezer', { availableIn: ['GB'], excludedFrom: ['JP'] }, { availability: 'good' }),
      input(
        'spotify',
        { availableIn: ['GB', 'US'], excludedFrom: ['FR'] },
        { availability: 'good' },
      ),
    ]);
    expect(result.release?.excludedFrom).toEqual(['FR', 'JP']);
    expect(result.sources).toMatchObject({
      'availableIn.0': 'deezer',
      'availableIn.1': 'spotify',
      'excludedFrom.0': 'spotify',
      'excludedFrom.1': 'deezer',
    });
  });

  it('lists different track titles, but not case, spacing or a feat. moved into the credit', () => {
    const result = mergeReleases([
      input(
        'deezer',
        {
          media: [
            {
              tracks: [
                track(1, { title: 'Intro' }),
                track(2, { title: 'Song', artists: [{ name: 'Artist' }, { name: 'Guest' }] }),
                track(3, { title: 'Stay (With Me)' }),
              ],
            },
          ],
        },
        {},
        true,
      ),
      input('spotify', {
        media: [
          {
            tracks: [
              track(1, { title: '  INTRO ' }),
              track(2, { title: 'Song (feat. Guest)' }),
              track(3, { title: 'Stay' }),
            ],
          },
        ],
      }),
      input('tidal', {
        media: [
          {
            tracks: [
              track(1, { title: 'Prelude' }),
              track(2, { title: 'song' }),
              track(3, { title: 'Stay (With Me)' }),
            ],
          },
        ],
      }),
    ]);
    expect(result.release?.media[0]?.tracks.map((t) => t.title)).toEqual([
      'Intro',
      'Song',
      'Stay (With Me)',
    ]);
    expect(result.conflicts).toEqual([
      {
        field: 'media.0.tracks.0.title',
        chosen: 'deezer',
        alternatives: [
          { providers: ['deezer', 'spotify'], value: 'Intro' },
          { providers: ['tidal'], value: 'Prelude' },
        ],
      },
      {
        field: 'media.0.tracks.2.title',
        chosen: 'deezer',
        alternatives: [
          { providers: ['deezer', 'tidal'], value: 'Stay (With Me)' },
          { providers: ['spotify'], value: 'Stay' },
        ],
      },
    ]);
  });

  it("fills the layout's [unknown] placeholder with the track another store lists (hand-written)", () => {
    const result = mergeReleases([
      input(
        'itunes',
        {
          media: [
            {
              format: 'Digital Media',
              tracks: [track(1), track(2, { title: '[unknown]' }), track(3)],
            },
            { format: 'Digital Media', tracks: [track(1, { title: 'Track 4' })] },
          ],
        },
        {},
        true,
      ),
      input('deezer', {
        media: [
          {
            tracks: [
              track(1),
              track(2, { title: 'Hidden Gem', artists: [{ name: 'Guest' }] }),
              track(3),
              track(4),
            ],
          },
        ],
      }),
    ]);
    const tracks = result.release!.media[0]!.tracks;
    expect(tracks[1]).toMatchObject({ title: 'Hidden Gem', artists: [{ name: 'Guest' }] });
    expect(result.conflicts.filter((c) => c.field.endsWith('.title'))).toEqual([]);
  });

  it('says how many track disagreements the cap left out', () => {
    const count = 30;
    const tracks = (prefix: string, length: number) =>
      Array.from({ length: count }, (_, i) =>
        track(i + 1, {
          isrc: `${prefix}AAA23${String(i).padStart(5, '0')}`,
          lengthMs: length + i * 100_000,
        }),
      );
    const result = mergeReleases([
      input('deezer', { media: [{ tracks: tracks('GB', 60_000) }] }, { isrc: 'good' }),
      input('spotify', { media: [{ tracks: tracks('US', 90_000) }] }),
    ]);
    expect(result.conflicts).toHaveLength(MAX_TRACK_CONFLICTS);
    expect(result.messages).toEqual([
      {
        level: 'warning',
        text: `${2 * count - MAX_TRACK_CONFLICTS} more track disagreements were left out: only the first ${MAX_TRACK_CONFLICTS} are listed.`,
      },
    ]);
  });

  it('adds no cap message when every disagreement is listed', () => {
    const result = mergeReleases([
      input('deezer', { media: [{ tracks: [track(1, { title: 'A' }), track(2)] }] }),
      input('spotify', { media: [{ tracks: [track(1, { title: 'B' }), track(2)] }] }),
    ]);
    expect(result.conflicts.map((c) => c.field)).toEqual(['media.0.tracks.0.title']);
    expect(result.messages).toEqual([]);
  });

  it('is deterministic and handles no input', () => {
    const inputs = [input('deezer', {}), input('spotify', { title: 'Other' })];
    expect(JSON.stringify(mergeReleases(inputs))).toBe(JSON.stringify(mergeReleases(inputs)));
    expect(mergeReleases([]).release).toBeUndefined();
  });
});
