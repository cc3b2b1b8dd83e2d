import { describe, expect, it } from 'vitest';
import {
  musicBrainzUrlForms,
  recognizeUrl,
  recognizeUrlOfType,
  STORES,
  storeMatchPatterns,
  UrlProblem,
} from './index.ts';

const SP = '10FLjwfpbxLmW8c25Xyc2N';
const MBID = 'b84ee12a-09ef-421b-82de-0441a926375b';

/** [input, type, canonical URL] */
const RECOGNIZED: [string, string, string][] = [
  // Spotify
  [`https://open.spotify.com/album/${SP}`, 'release', `https://open.spotify.com/album/${SP}`],
  [
    `https://open.spotify.com/album/${SP}?si=Zx9abc&utm_source=copy-link`,
    'release',
    `https://open.spotify.com/album/${SP}`,
  ],
  [
    `https://open.spotify.com/intl-de/album/${SP}`,
    'release',
    `https://open.spotify.com/album/${SP}`,
  ],
  [
    `https://open.spotify.com/intl-pt/album/${SP}/`,
    'release',
    `https://open.spotify.com/album/${SP}`,
  ],
  [`https://open.spotify.com/embed/album/${SP}`, 'release', `https://open.spotify.com/album/${SP}`],
  [`https://play.spotify.com/album/${SP}`, 'release', `https://open.spotify.com/album/${SP}`],
  [`spotify:album:${SP}`, 'release', `https://open.spotify.com/album/${SP}`],
  [`open.spotify.com/album/${SP}`, 'release', `https://open.spotify.com/album/${SP}`],
  [`https://open.spotify.com/artist/${SP}`, 'artist', `https://open.spotify.com/artist/${SP}`],
  [`https://open.spotify.com/track/${SP}`, 'track', `https://open.spotify.com/track/${SP}`],
  // Deezer
  ['https://www.deezer.com/album/629506181', 'release', 'https://www.deezer.com/album/629506181'],
  [
    'https://www.deezer.com/en/album/629506181',
    'release',
    'https://www.deezer.com/album/629506181',
  ],
  [
    'https://deezer.com/fr/album/629506181?utm_source=deezer&utm_content=album-629506181',
    'release',
    'https://www.deezer.com/album/629506181',
  ],
  [
    'http://www.deezer.com/pt-br/album/629506181',
    'release',
    'https://www.deezer.com/album/629506181',
  ],
  ['https://www.deezer.com/us/artist/75491', 'artist', 'https://www.deezer.com/artist/75491'],
  ['https://www.deezer.com/track/2947516331', 'track', 'https://www.deezer.com/track/2947516331'],
  // Apple Music and iTunes
  [
    'https://music.apple.com/gb/album/die-with-a-smile/1441458047',
    'release',
    'https://music.apple.com/gb/album/1441458047',
  ],
  [
    'https://music.apple.com/gb/album/die-with-a-smile/1441458047?i=1441458048',
    'release',
    'https://music.apple.com/gb/album/1441458047',
  ],
  [
    'https://music.apple.com/album/1441458047',
    'release',
    'https://music.apple.com/us/album/1441458047',
  ],
  [
    'https://itunes.apple.com/gb/album/die-with-a-smile/id1441458047?uo=4',
    'release',
    'https://music.apple.com/gb/album/1441458047',
  ],
  [
    'https://itunes.apple.com/jp/album/id1441458047',
    'release',
    'https://music.apple.com/jp/album/1441458047',
  ],
  [
    'https://geo.music.apple.com/de/album/_/1441458047?app=music',
    'release',
    'https://music.apple.com/de/album/1441458047',
  ],
  [
    'https://music.apple.com/us/artist/lady-gaga/277293880',
    'artist',
    'https://music.apple.com/us/artist/277293880',
  ],
  [
    'https://music.apple.com/us/song/die-with-a-smile/1441458048',
    'track',
    'https://music.apple.com/us/song/1441458048',
  ],
  // Tidal
  ['https://tidal.com/album/130201923', 'release', 'https://tidal.com/album/130201923'],
  ['https://tidal.com/browse/album/130201923', 'release', 'https://tidal.com/album/130201923'],
  [
    'https://listen.tidal.com/album/130201923/tracks',
    'release',
    'https://tidal.com/album/130201923',
  ],
  ['https://www.tidal.com/album/130201923/u', 'release', 'https://tidal.com/album/130201923'],
  ['https://tidal.com/browse/artist/3566', 'artist', 'https://tidal.com/artist/3566'],
  ['https://tidal.com/browse/track/130201924', 'track', 'https://tidal.com/track/130201924'],
  // A music video is released on its own; its page stays a video page.
  ['https://tidal.com/browse/video/358461354', 'release', 'https://tidal.com/video/358461354'],
  ['https://listen.tidal.com/video/358461354', 'release', 'https://tidal.com/video/358461354'],
  // Bandcamp
  ['https://frisyr.bandcamp.com/album/demo', 'release', 'https://frisyr.bandcamp.com/album/demo'],
  [
    'https://frisyr.bandcamp.com/album/demo?from=discover_page',
    'release',
    'https://frisyr.bandcamp.com/album/demo',
  ],
  ['http://FRISYR.bandcamp.com/album/Demo/', 'release', 'https://frisyr.bandcamp.com/album/demo'],
  [
    'https://svenfredrik.bandcamp.com/track/mr-florida-81',
    'release',
    'https://svenfredrik.bandcamp.com/track/mr-florida-81',
  ],
  ['https://frisyr.bandcamp.com/', 'artist', 'https://frisyr.bandcamp.com/'],
  ['https://frisyr.bandcamp.com/music', 'artist', 'https://frisyr.bandcamp.com/'],
  // Beatport
  [
    'https://www.beatport.com/release/some-release/4567890',
    'release',
    'https://www.beatport.com/release/some-release/4567890',
  ],
  [
    'https://www.beatport.com/de/release/some-release/4567890',
    'release',
    'https://www.beatport.com/release/some-release/4567890',
  ],
  ['https://beatport.com/track/a-track/123', 'track', 'https://www.beatport.com/track/a-track/123'],
  [
    'https://www.beatport.com/label/a-label/42',
    'label',
    'https://www.beatport.com/label/a-label/42',
  ],
  // Discogs
  [
    'https://www.discogs.com/release/1503102-Various-Kill-Bill-Vol-1',
    'release',
    'https://www.discogs.com/release/1503102',
  ],
  ['https://www.discogs.com/release/1503102', 'release', 'https://www.discogs.com/release/1503102'],
  [
    'https://www.discogs.com/de/release/1503102-Various',
    'release',
    'https://www.discogs.com/release/1503102',
  ],
  [
    'https://www.discogs.com/Various-Kill-Bill-Vol-1/release/1503102',
    'release',
    'https://www.discogs.com/release/1503102',
  ],
  [
    'https://www.discogs.com/master/12345-Title',
    'release-group',
    'https://www.discogs.com/master/12345',
  ],
  [
    'https://www.discogs.com/master/view/12345',
    'release-group',
    'https://www.discogs.com/master/12345',
  ],
  ['https://www.discogs.com/artist/999-Someone', 'artist', 'https://www.discogs.com/artist/999'],
  ['https://www.discogs.com/label/1-Label', 'label', 'https://www.discogs.com/label/1'],
  // Qobuz
  [
    'https://www.qobuz.com/gb-en/album/some-album/0060254729482',
    'release',
    'https://www.qobuz.com/gb-en/album/some-album/0060254729482',
  ],
  [
    'https://open.qobuz.com/album/0060254729482',
    'release',
    'https://www.qobuz.com/gb-en/album/-/0060254729482',
  ],
  [
    'https://play.qobuz.com/album/jd6p5d9ia0b2a',
    'release',
    'https://www.qobuz.com/gb-en/album/-/jd6p5d9ia0b2a',
  ],
  [
    'https://www.qobuz.com/us-en/interpreter/someone/123456',
    'artist',
    'https://www.qobuz.com/us-en/interpreter/someone/123456',
  ],
  // mora and OTOTOY
  [
    'https://mora.jp/package/43000006/00602488058599/',
    'release',
    'https://mora.jp/package/43000006/00602488058599/',
  ],
  [
    'https://mora.jp/package/43000006/00602488058599?fmid=TOPRNKS',
    'release',
    'https://mora.jp/package/43000006/00602488058599/',
  ],
  ['https://ototoy.jp/_/default/p/709920', 'release', 'https://ototoy.jp/_/default/p/709920'],
  ['https://ototoy.jp/_/default/a/153628', 'artist', 'https://ototoy.jp/_/default/a/153628'],
  ['https://ototoy.jp/labels/215734', 'label', 'https://ototoy.jp/labels/215734'],
  // MusicBrainz
  [`https://musicbrainz.org/release/${MBID}`, 'release', `https://musicbrainz.org/release/${MBID}`],
  [
    `https://beta.musicbrainz.org/release/${MBID.toUpperCase()}/edit`,
    'release',
    `https://musicbrainz.org/release/${MBID}`,
  ],
];

const UNSUPPORTED_PAGE = [
  `https://open.spotify.com/playlist/${SP}`,
  'https://open.spotify.com/album/short',
  'https://www.deezer.com/en/playlist/123',
  'https://www.deezer.com/album/abc',
  'https://music.apple.com/us/playlist/todays-hits/pl.f4d106fed2bd41149aaacabb233eb5eb',
  'https://tidal.com/playlist/abc',
  'https://daily.bandcamp.com/features/something',
  'https://bandcamp.com/discover',
  'https://frisyr.bandcamp.com/merch',
  'https://www.beatport.com/release/4567890',
  'https://www.discogs.com/sell/list',
  'https://www.qobuz.com/gb-en/discover',
  'https://musicbrainz.org/release/not-an-mbid',
  'https://mora.jp/artist/1234',
  'https://ototoy.jp/feature/2021',
];

const FOREIGN = [
  'https://example.com/album/1',
  'https://open.spotify.com.evil.example/album/10FLjwfpbxLmW8c25Xyc2N',
  'https://evilbandcamp.com/album/x',
  'https://spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
  'https://127.0.0.1/album/1',
];

const MALFORMED = [
  '',
  '   ',
  'not a url',
  'ftp://open.spotify.com/album/x',
  'javascript:alert(1)',
  `https://open.spotify.com/album/${'x'.repeat(3000)}`,
];

describe('store URL recognition', () => {
  it.each(RECOGNIZED)('%s -> %s %s', (input, type, canonical) => {
    const { entity, canonicalUrl } = recognizeUrl(input);
    expect(entity.type).toBe(type);
    expect(canonicalUrl).toBe(canonical);
  });

  it.each(UNSUPPORTED_PAGE)('rejects the non-entity page %s', (input) => {
    expect(() => recognizeUrl(input)).toThrow(
      expect.objectContaining({ kind: 'unsupported-page' }),
    );
  });

  it.each(FOREIGN)('rejects the foreign host %s', (input) => {
    expect(() => recognizeUrl(input)).toThrow(
      expect.objectContaining({ kind: 'unsupported-site' }),
    );
  });

  it.each(MALFORMED)('rejects malformed input %j', (input) => {
    expect(() => recognizeUrl(input)).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });

  it('keeps regions and slugs the canonical forms need', () => {
    expect(recognizeUrl('https://music.apple.com/jp/album/x/1441458047').entity).toMatchObject({
      store: 'itunes',
      region: 'JP',
    });
    expect(recognizeUrl('https://www.qobuz.com/fr-fr/album/a-b/xyz123').entity).toMatchObject({
      store: 'qobuz',
      region: 'FR',
      slug: 'a-b',
    });
    expect(recognizeUrl('https://www.beatport.com/release/a-b/9').entity).toMatchObject({
      slug: 'a-b',
      id: '9',
    });
  });

  it('says which page type was expected', () => {
    expect(() => recognizeUrlOfType(`https://open.spotify.com/artist/${SP}`, ['release'])).toThrow(
      new UrlProblem(
        'unsupported-page',
        `https://open.spotify.com/artist/${SP}`,
        `https://open.spotify.com/artist/${SP} is a Spotify artist page, not a release page`,
      ),
    );
  });

  it('asks MusicBrainz about every form it may hold a URL in', () => {
    expect(
      musicBrainzUrlForms(recognizeUrl('https://tidal.com/browse/album/130201923').entity),
    ).toEqual([
      'https://tidal.com/album/130201923',
      'https://tidal.com/browse/album/130201923',
      'https://listen.tidal.com/album/130201923',
      'http://tidal.com/album/130201923',
      'https://tidal.com/album/130201923/',
    ]);
    expect(musicBrainzUrlForms(recognizeUrl('https://tidal.com/video/358461354').entity)).toEqual([
      'https://tidal.com/video/358461354',
      'https://tidal.com/browse/video/358461354',
      'https://listen.tidal.com/video/358461354',
      'http://tidal.com/video/358461354',
      'https://tidal.com/video/358461354/',
    ]);
    // A US page finds a release MusicBrainz links under another storefront, or in the old form.
    const apple = musicBrainzUrlForms(
      recognizeUrl('https://music.apple.com/us/album/x/1441458047').entity,
    );
    expect(apple[0]).toBe('https://music.apple.com/us/album/1441458047');
    expect(apple).toEqual(
      expect.arrayContaining([
        'https://itunes.apple.com/us/album/id1441458047',
        'https://music.apple.com/gb/album/1441458047',
        'https://music.apple.com/de/album/1441458047',
        'https://music.apple.com/album/1441458047',
        'http://music.apple.com/us/album/1441458047',
      ]),
    );
    expect(apple.length).toBeLessThan(20);
    // Qobuz keeps the locale the page was written in, and asks for the web player's form.
    const qobuz = musicBrainzUrlForms(
      recognizeUrl('https://www.qobuz.com/fr-fr/album/a-b/xyz123').entity,
    );
    expect(qobuz[0]).toBe('https://www.qobuz.com/fr-fr/album/a-b/xyz123');
    expect(qobuz).toEqual(
      expect.arrayContaining([
        'https://www.qobuz.com/us-en/album/a-b/xyz123',
        'https://www.qobuz.com/gb-en/album/a-b/xyz123',
        'https://open.qobuz.com/album/xyz123',
      ]),
    );
    // Without the page's locale (an ID from a barcode search), the storefront's own one.
    expect(
      musicBrainzUrlForms({ store: 'qobuz', type: 'release', id: 'xyz123', region: 'FR' })[0],
    ).toBe('https://www.qobuz.com/fr-fr/album/-/xyz123');
    // Artists are asked by the dozen: only their own and the US storefront.
    expect(musicBrainzUrlForms({ store: 'itunes', type: 'artist', id: '5', region: 'GB' })).toEqual(
      [
        'https://music.apple.com/gb/artist/5',
        'https://itunes.apple.com/gb/artist/id5',
        'https://music.apple.com/us/artist/5',
        'https://music.apple.com/artist/5',
        'https://itunes.apple.com/us/artist/id5',
        'http://music.apple.com/gb/artist/5',
        'https://music.apple.com/gb/artist/5/',
      ],
    );
  });

  it('gives every store match patterns for the extension manifest', () => {
    for (const store of STORES) {
      const patterns = storeMatchPatterns(store);
      expect(patterns.length).toBeGreaterThan(0);
      for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    }
  });
});
