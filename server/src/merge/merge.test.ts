import { type Release, type ReleaseInput, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import type { ProviderFeatures } from '../providers/types.ts';
import { mergeReleases } from './index.ts';
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

  it('is deterministic and handles no input', () => {
    const inputs = [input('deezer', {}), input('spotify', { title: 'Other' })];
    expect(JSON.stringify(mergeReleases(inputs))).toBe(JSON.stringify(mergeReleases(inputs)));
    expect(mergeReleases([]).release).toBeUndefined();
  });
});
