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
