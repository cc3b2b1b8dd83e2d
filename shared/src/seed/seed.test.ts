import { describe, expect, it } from 'vitest';
import { type LookupResult, lookupResultSchema } from '../lookup.ts';
import { followUpActions, magicIsrcLink } from './actions.ts';
import { buildEditSeed, buildReleaseSeed } from './build.ts';
import { ISO_COUNTRY_CODES } from './countries.ts';
import { NOTHING_TO_ADD, seedAddsNothing, validateSeed } from './validate.ts';

const ARTIST = '8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e';
const LABEL = '11111111-2222-4333-8444-555555555555';
const RELEASE = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';

export function sampleResult(overrides: Partial<LookupResult['release']> = {}): LookupResult {
  return lookupResultSchema.parse({
    id: 'abcdefghjkmn',
    createdAt: '2026-01-01T00:00:00.000Z',
    query: { urls: ['https://www.deezer.com/album/1'], regions: ['GB'] },
    release: {
      title: 'Two Sides',
      artists: [
        {
          name: 'Alpha',
          mbid: ARTIST,
          joinPhrase: ' feat. ',
          externalIds: [
            { provider: 'deezer', type: 'artist', id: '1' },
            { provider: 'spotify', type: 'artist', id: '4Z8W4fKeB5YxbusRsdQVPb' },
          ],
        },
        { name: 'Beta & Gamma', creditedName: 'B&G', externalIds: [] },
      ],
      gtin: '192758000019',
      releaseDate: { year: 2023, month: 5, day: 5 },
      labels: [
        {
          name: 'Liner Records',
          mbid: LABEL,
          catalogNumber: 'LR001',
          externalIds: [{ provider: 'deezer', type: 'label', id: '9' }],
        },
        { name: 'Other Label' },
      ],
      status: 'Official',
      types: ['Album', 'Compilation'],
      packaging: 'None',
      language: 'eng',
      script: 'Latn',
      media: [
        {
          format: 'Digital Media',
          tracks: [
            {
              number: '1',
              title: 'Opening',
              lengthMs: 201000,
              isrc: 'GBAAA2300001',
              artists: [
                { name: 'Alpha', mbid: ARTIST, joinPhrase: ' feat. ' },
                { name: 'Beta & Gamma', creditedName: 'B&G' },
              ],
            },
            {
              number: '2',
              title: 'Solo',
              lengthMs: 185500,
              artists: [{ name: 'Alpha', mbid: ARTIST }],
            },
          ],
        },
        {
          format: 'Digital Media',
          title: 'Bonus',
          tracks: [{ number: '1', title: 'Reprise', isrc: 'GBAAA2300003' }],
        },
      ],
      externalLinks: [
        { url: 'https://www.deezer.com/album/1', types: ['free streaming'] },
        { url: 'https://music.apple.com/gb/album/2', types: ['paid download', 'paid streaming'] },
        {
          url: 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
          types: ['free streaming', 'paid download'],
        },
      ],
      images: [
        { url: 'https://img.example/small.jpg', width: 500, height: 500 },
        { url: 'https://img.example/big.jpg', width: 3000, height: 3000 },
      ],
      copyright: '℗ 2023 Liner Records',
      availableIn: ['DE', 'GB'],
      ...overrides,
    },
    sources: {},
    conflicts: [],
    incompatible: [],
    providers: [
      {
        name: 'deezer',
        displayName: 'Deezer',
        id: '1',
        url: 'https://www.deezer.com/album/1',
        apiUrl: 'https://api.deezer.com/album/1',
        lookup: { method: 'id', value: '1' },
      },
      {
        name: 'itunes',
        displayName: 'Apple Music',
        lookup: { method: 'gtin', value: '192758000019' },
        error: { kind: 'not-found', message: 'no such release' },
      },
    ],
    messages: [],
  });
}

const options = {
  editorUrl: 'https://musicbrainz.org',
  permalinkUrl: 'http://127.0.0.1:5733/release/abcdefghjkmn',
  redirectUri: 'http://127.0.0.1:5733/release/abcdefghjkmn/imported',
  serverUrl: 'http://127.0.0.1:5733',
  version: '0.1.0',
};

describe('release seed', () => {
  const seed = buildReleaseSeed(sampleResult(), options);
  const get = (name: string) => seed.fields.filter(([n]) => n === name).map(([, v]) => v);

  it('posts a new release to /release/add with skip_confirmation and passes validation', () => {
    expect(seed.action).toBe('add');
    expect(seed.url).toBe('https://musicbrainz.org/release/add?skip_confirmation=1');
    expect(validateSeed(seed)).toEqual([]);
  });

  it('credits artists by MBID where resolved and by name where not, keeping join phrases', () => {
    expect(seed.fields.filter(([n]) => n.startsWith('artist_credit.'))).toEqual([
      ['artist_credit.names.0.name', 'Alpha'],
      ['artist_credit.names.0.mbid', ARTIST],
      ['artist_credit.names.0.join_phrase', ' feat. '],
      ['artist_credit.names.1.name', 'B&G'],
      ['artist_credit.names.1.artist.name', 'Beta & Gamma'],
    ]);
    // Track 1 has the release's credit: not repeated. Track 2 differs: seeded.
    expect(seed.fields.some(([n]) => n.startsWith('mediums.0.track.0.artist_credit'))).toBe(false);
    expect(get('mediums.0.track.1.artist_credit.names.0.mbid')).toEqual([ARTIST]);
  });

  it('seeds labels, events, types, media with integer lengths and allowed link types only', () => {
    expect(seed.fields.filter(([n]) => n.startsWith('labels.'))).toEqual([
      ['labels.0.mbid', LABEL],
      ['labels.0.catalog_number', 'LR001'],
      ['labels.1.name', 'Other Label'],
    ]);
    expect(seed.fields.filter(([n]) => n.startsWith('events.'))).toEqual([
      ['events.0.date.year', '2023'],
      ['events.0.date.month', '5'],
      ['events.0.date.day', '5'],
      ['events.0.country', 'DE'],
      ['events.1.date.year', '2023'],
      ['events.1.date.month', '5'],
      ['events.1.date.day', '5'],
      ['events.1.country', 'GB'],
    ]);
    expect(get('type')).toEqual(['Album', 'Compilation']);
    expect(get('mediums.0.track.1.length')).toEqual(['185500']);
    expect(get('mediums.1.name')).toEqual(['Bonus']);
    expect(get('mediums.1.track.0.length')).toEqual([]);
    expect(seed.fields.filter(([n]) => n.startsWith('urls.'))).toEqual([
      ['urls.0.url', 'https://www.deezer.com/album/1'],
      ['urls.0.link_type', '85'],
      ['urls.1.url', 'https://music.apple.com/gb/album/2'],
      ['urls.1.link_type', '74'],
      ['urls.2.url', 'https://music.apple.com/gb/album/2'],
      ['urls.2.link_type', '980'],
      // Spotify may only be "free streaming": the paid-download claim is not sent.
      ['urls.3.url', 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N'],
      ['urls.3.link_type', '85'],
    ]);
  });

  it('links iTunes Store pages for download only and sends only country codes MusicBrainz knows', () => {
    const itunes = 'https://itunes.apple.com/gb/album/two-sides/id2';
    const built = buildReleaseSeed(
      sampleResult({
        externalLinks: [{ url: itunes, types: ['paid download', 'paid streaming'] }],
        availableIn: ['GB', 'ZZ'],
      }),
      options,
    );
    expect(built.fields.filter(([n]) => n.startsWith('urls.'))).toEqual([
      ['urls.0.url', itunes],
      ['urls.0.link_type', '74'],
    ]);
    expect(built.fields.filter(([n]) => n.endsWith('.country'))).toEqual([
      ['events.0.country', 'GB'],
    ]);
    expect(validateSeed(built)).toEqual([]);
  });

  it('leaves out a medium format MusicBrainz has no name for, and keeps the rest', () => {
    const tracks = [{ number: '1', title: 'Opening' }];
    const built = buildReleaseSeed(
      sampleResult({
        media: [
          { format: 'Holographic Crystal', tracks },
          { format: 'Vinyl', tracks },
        ],
      }),
      options,
    );
    expect(built.fields.filter(([n]) => n.endsWith('.format'))).toEqual([
      ['mediums.1.format', 'Vinyl'],
    ]);
    expect(built.fields.some(([n]) => n === 'mediums.0.track.0.name')).toBe(true);
    expect(validateSeed(built)).toEqual([]);
  });

  it('keeps the codes of countries that no longer exist, and never makes unknown ones worldwide', () => {
    const events = (availableIn: string[]) => {
      const built = buildReleaseSeed(sampleResult({ availableIn }), options);
      expect(validateSeed(built)).toEqual([]);
      return built.fields.filter(([n]) => n.startsWith('events.'));
    };
    const date = [
      ['events.0.date.year', '2023'],
      ['events.0.date.month', '5'],
      ['events.0.date.day', '5'],
    ];
    // A Melodiya record from the USSR, as the Discogs provider writes it.
    expect(events(['SU'])).toEqual([...date, ['events.0.country', 'SU']]);
    for (const code of ['XC', 'XG', 'YU', 'CS', 'AN'])
      expect(events([code])).toEqual([...date, ['events.0.country', code]]);
    // Only codes MusicBrainz does not know: an event without a country, not worldwide.
    expect(events(['ZZ', 'QQ'])).toEqual(date);
    expect(
      buildReleaseSeed(sampleResult({ availableIn: ['ZZ'] }), options).fields.find(
        ([n]) => n === 'annotation',
      ),
    ).toEqual(['annotation', '℗ 2023 Liner Records']);
  });

  it('escapes the wiki brackets of an annotation (hand-written copyright)', () => {
    const result = sampleResult({
      copyright: '℗ 2023 [Liner] Records',
      credits: 'Mix [uncredited]',
    });
    const annotation = () =>
      buildReleaseSeed(result, options).fields.find(([n]) => n === 'annotation')?.[1];
    // The credits are under a heading that names their store, as Harmony writes it.
    result.sources.credits = 'itunes';
    expect(annotation()).toBe(
      '℗ 2023 &#91;Liner&#93; Records\n\n=== Credits from Apple Music ===\nMix &#91;uncredited&#93;',
    );
  });

  it('is worldwide only when (nearly) nowhere excluded, and never sends make_votable off', () => {
    const countries = (codes: readonly string[]) => (built: ReturnType<typeof buildReleaseSeed>) =>
      expect(built.fields.filter(([n]) => n.startsWith('events.'))).toEqual(
        codes.flatMap((code, i) => [
          [`events.${i}.date.year`, '2023'],
          [`events.${i}.date.month`, '5'],
          [`events.${i}.date.day`, '5'],
          ...(code ? [[`events.${i}.country`, code]] : []),
        ]),
      );
    const annotation = (built: ReturnType<typeof buildReleaseSeed>) =>
      built.fields.find(([n]) => n === 'annotation')?.[1];
    const everywhere = ISO_COUNTRY_CODES.filter((c) => !['CN', 'KP', 'IR'].includes(c));
    const forty = ISO_COUNTRY_CODES.slice(0, 40);
    const build = (release: Partial<LookupResult['release']>) =>
      buildReleaseSeed(sampleResult(release), options);
    // Sold everywhere the stores sell, or in all but a handful of countries: worldwide.
    countries(['XW'])(build({ availableIn: everywhere }));
    const handful = build({ availableIn: everywhere, excludedFrom: ['CN', 'KP', 'IR'] });
    countries(['XW'])(handful);
    expect(annotation(handful)).toBe('℗ 2023 Liner Records\n\nNot available in: CN, KP, IR');
    // Forty countries is neither a list of events nor the world: no country, and the
    // annotation says where.
    const some = build({ availableIn: forty });
    countries([''])(some);
    expect(annotation(some)).toBe(`℗ 2023 Liner Records\n\nAvailable in 40 countries`);
    expect(validateSeed(some)).toEqual([]);
    // Excluded from more than a handful, even with most of the world listed.
    const excluded = ISO_COUNTRY_CODES.slice(0, 12);
    const most = build({
      availableIn: ISO_COUNTRY_CODES.slice(12),
      excludedFrom: excluded,
    });
    countries([''])(most);
    expect(annotation(most)).toBe(
      `℗ 2023 Liner Records\n\nAvailable in ${ISO_COUNTRY_CODES.length - 12} countries\n\nNot available in: ${excluded.join(', ')}`,
    );
    const twelve = build({ availableIn: ISO_COUNTRY_CODES.slice(0, 12) });
    expect(annotation(twelve)).toBe(
      `℗ 2023 Liner Records\n\nAvailable in 12 countries: ${ISO_COUNTRY_CODES.slice(0, 12).join(', ')}`,
    );
    // Nothing known about availability: worldwide, as before.
    countries(['XW'])(build({ availableIn: undefined }));
    expect(seed.fields.some(([n]) => n === 'make_votable')).toBe(false);
    expect(
      buildReleaseSeed(sampleResult(), { ...options, makeVotable: true }).fields.at(-1),
    ).toEqual(['make_votable', '1']);
  });

  it('writes an edit note naming Liner, the permalink and every source, and an annotation', () => {
    expect(get('edit_note')).toEqual([
      'Imported with Liner 0.1.0 from http://127.0.0.1:5733/release/abcdefghjkmn, using data from:\n* Deezer: https://www.deezer.com/album/1 (API: https://api.deezer.com/album/1)',
    ]);
    expect(get('annotation')).toEqual(['℗ 2023 Liner Records']);
    expect(get('redirect_uri')).toEqual([options.redirectUri]);
  });

  it('sends the editor back to the Liner server only', () => {
    for (const redirectUri of [
      'https://attacker.example/release/abcdefghjkmn/imported',
      'http://127.0.0.1:5734/release/abcdefghjkmn/imported',
      'http://user:pw@127.0.0.1:5733/release/abcdefghjkmn/imported',
      'javascript:alert(1)',
    ])
      expect(
        buildReleaseSeed(sampleResult(), { ...options, redirectUri }).fields.map(([n]) => n),
        redirectUri,
      ).not.toContain('redirect_uri');
    const { serverUrl: _, ...withoutServer } = options;
    expect(buildReleaseSeed(sampleResult(), withoutServer).fields.map(([n]) => n)).not.toContain(
      'redirect_uri',
    );
  });

  it('is the same, byte for byte, every time', () => {
    expect(JSON.stringify(buildReleaseSeed(sampleResult(), options))).toBe(JSON.stringify(seed));
  });
});

describe('edit seed and follow-up actions', () => {
  it('adds only the links MusicBrainz lacks, to /release/<mbid>/edit', () => {
    const seed = buildEditSeed(sampleResult(), RELEASE, {
      ...options,
      linkedUrls: ['https://www.deezer.com/album/1'],
    });
    expect(seed.url).toBe(`https://musicbrainz.org/release/${RELEASE}/edit`);
    expect(seed.fields.map(([n]) => n)).toEqual([
      'urls.0.url',
      'urls.0.link_type',
      'urls.1.url',
      'urls.1.link_type',
      'urls.2.url',
      'urls.2.link_type',
      'edit_note',
      'redirect_uri',
    ]);
    expect(validateSeed(seed)).toEqual([]);
  });

  it('adds the agreed barcode when MusicBrainz has none, and says when there is nothing to add', () => {
    const all = [
      'https://www.deezer.com/album/1',
      'https://music.apple.com/gb/album/2',
      'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
    ];
    const edit = (result: LookupResult, musicBrainz?: { gtin?: string }) =>
      buildEditSeed(result, RELEASE, {
        ...options,
        linkedUrls: all,
        ...(musicBrainz ? { musicBrainz } : {}),
      });
    const added = edit(sampleResult(), {});
    expect(added.fields.map(([n, v]) => (n === 'barcode' ? v : n))).toEqual([
      '192758000019',
      'edit_note',
      'redirect_uri',
    ]);
    expect(validateSeed(added)).toEqual([]);
    // MusicBrainz has a barcode, its barcode is not known, the stores disagree or give none:
    // nothing to add, and the validator says so.
    const conflict = {
      ...sampleResult(),
      conflicts: [
        {
          field: 'gtin',
          chosen: 'deezer' as const,
          alternatives: [{ providers: ['spotify' as const], value: '5012345678900' }],
        },
      ],
    };
    for (const seed of [
      edit(sampleResult(), { gtin: '192758000019' }),
      edit(sampleResult()),
      edit(conflict, {}),
      edit(sampleResult({ gtin: undefined }), {}),
    ]) {
      expect(seed.fields.map(([n]) => n)).toEqual(['edit_note', 'redirect_uri']);
      expect(seedAddsNothing(seed)).toBe(true);
      expect(validateSeed(seed)).toEqual([{ field: '(fields)', message: NOTHING_TO_ADD }]);
    }
    expect(seedAddsNothing(buildReleaseSeed(sampleResult(), options))).toBe(false);
  });

  it('counts a link MusicBrainz holds in another form as present', () => {
    const seed = buildEditSeed(sampleResult(), RELEASE, {
      ...options,
      // An old iTunes link for the GB page, and Deezer's with a trailing slash.
      linkedUrls: ['https://itunes.apple.com/gb/album/id2', 'http://www.deezer.com/album/1/'],
    });
    expect(seed.fields.filter(([n]) => n.endsWith('.url')).map(([, v]) => v)).toEqual([
      'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
    ]);
  });

  it('offers MagicISRC by medium and position, link seeds for artists and labels, and covers by size', () => {
    const linked = new Map([[ARTIST, ['https://www.deezer.com/artist/1']]]);
    const actions = followUpActions(sampleResult(), RELEASE, {
      editorUrl: 'https://musicbrainz.org',
      linked,
      editNote: 'From Liner',
    });
    expect(actions.magicIsrcUrl).toBe(
      `https://magicisrc.kepstin.ca/?musicbrainzid=${RELEASE}&isrc1-1=GBAAA2300001&isrc2-1=GBAAA2300003&edit-note=From+Liner`,
    );
    expect(actions.isrcCount).toBe(2);
    expect(actions.entityLinks).toEqual([
      {
        entity: 'artist',
        mbid: ARTIST,
        name: 'Alpha',
        urls: ['https://open.spotify.com/artist/4Z8W4fKeB5YxbusRsdQVPb'],
        editUrl: `https://musicbrainz.org/artist/${ARTIST}/edit?edit-artist.url.0.text=https%3A%2F%2Fopen.spotify.com%2Fartist%2F4Z8W4fKeB5YxbusRsdQVPb&edit-artist.url.0.link_type_id=194&edit-artist.edit_note=From+Liner`,
      },
      {
        entity: 'label',
        mbid: LABEL,
        name: 'Liner Records',
        urls: ['https://www.deezer.com/label/9'],
        editUrl: `https://musicbrainz.org/label/${LABEL}/edit?edit-label.url.0.text=https%3A%2F%2Fwww.deezer.com%2Flabel%2F9&edit-label.url.0.link_type_id=997&edit-label.edit_note=From+Liner`,
      },
    ]);
    expect(actions.coverArt.map((i) => i.url)).toEqual([
      'https://img.example/big.jpg',
      'https://img.example/small.jpg',
    ]);
  });

  it('gives MagicISRC exactly the ISRCs asked for, at their places, and no link for none', () => {
    const url = magicIsrcLink(
      [
        { medium: 1, position: 2, isrc: 'GBAAA2300002' },
        { medium: 2, position: 1, isrc: 'GBAAA2300003' },
      ],
      RELEASE,
      'Missing ISRCs',
    );
    expect([...new URL(url!).searchParams]).toEqual([
      ['musicbrainzid', RELEASE],
      ['isrc1-2', 'GBAAA2300002'],
      ['isrc2-1', 'GBAAA2300003'],
      ['edit-note', 'Missing ISRCs'],
    ]);
    expect(magicIsrcLink([], RELEASE, 'Missing ISRCs')).toBeUndefined();
  });
});
