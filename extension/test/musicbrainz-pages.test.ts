/**
 * The MusicBrainz pages from their URLs alone (which host, which page, which release), the
 * content script's match patterns, and what the editor's paste box accepts before any request.
 */
import { describe, expect, it } from 'vitest';
import { MUSICBRAINZ_MATCHES } from '../src/content/musicbrainz/controller.tsx';
import { readPasteInput } from '../src/content/musicbrainz/paste-input.ts';
import { manifestFor } from '../src/manifest.ts';
import { musicBrainzPage, samePageOn } from '../src/musicbrainz-pages.ts';

const MBID = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a10';

describe('MusicBrainz page detection', () => {
  it('finds release pages and the sub-pages where comparing helps, on the three sites', () => {
    for (const origin of [
      'https://musicbrainz.org',
      'https://beta.musicbrainz.org',
      'https://test.musicbrainz.org',
    ]) {
      for (const path of ['', '/', '/cover-art', '/details', '/discids']) {
        expect(musicBrainzPage(`${origin}/release/${MBID}${path}`)).toEqual({
          kind: 'release',
          origin,
          mbid: MBID,
        });
      }
    }
    expect(musicBrainzPage(`https://musicbrainz.org/release/${MBID.toUpperCase()}?x=1`)).toEqual({
      kind: 'release',
      origin: 'https://musicbrainz.org',
      mbid: MBID,
    });
  });

  it('finds the editor: a new release (seeded or not) and an existing release’s edit page', () => {
    expect(musicBrainzPage('https://musicbrainz.org/release/add')).toEqual({
      kind: 'editor',
      origin: 'https://musicbrainz.org',
    });
    expect(musicBrainzPage('https://test.musicbrainz.org/release/add?skip_confirmation=1')).toEqual(
      { kind: 'editor', origin: 'https://test.musicbrainz.org' },
    );
    expect(musicBrainzPage(`https://beta.musicbrainz.org/release/${MBID}/edit`)).toEqual({
      kind: 'editor',
      origin: 'https://beta.musicbrainz.org',
      existing: MBID,
    });
  });

  it('finds an artist’s overview, whose sidebar lists its store pages', () => {
    expect(musicBrainzPage(`https://musicbrainz.org/artist/${MBID.toUpperCase()}/`)).toEqual({
      kind: 'artist',
      origin: 'https://musicbrainz.org',
      mbid: MBID,
    });
  });

  it('leaves every other page and host alone', () => {
    for (const href of [
      `https://musicbrainz.org/release/${MBID}/edit-relationships`,
      `https://musicbrainz.org/release/${MBID}/add-cover-art`,
      `https://musicbrainz.org/release-group/${MBID}`,
      `https://musicbrainz.org/artist/${MBID}/releases`,
      `https://musicbrainz.org/artist/${MBID}/edit`,
      'https://musicbrainz.org/release/not-an-mbid',
      'https://musicbrainz.org/',
      `http://musicbrainz.org/release/${MBID}`,
      `https://musicbrainz.eu/release/${MBID}`,
      `https://musicbrainz.org.example.com/release/${MBID}`,
      'not a url',
    ])
      expect(musicBrainzPage(href), href).toBeUndefined();
  });

  it('points at the same page on the chosen site', () => {
    expect(
      samePageOn(
        `https://musicbrainz.org/release/${MBID}?tport=8000`,
        'https://test.musicbrainz.org',
      ),
    ).toBe(`https://test.musicbrainz.org/release/${MBID}?tport=8000`);
  });

  it('runs the content script on the three sites, which the host permissions cover', () => {
    expect(MUSICBRAINZ_MATCHES).toEqual([
      'https://musicbrainz.org/*',
      'https://beta.musicbrainz.org/*',
      'https://test.musicbrainz.org/*',
    ]);
    const permissions = manifestFor('chrome').host_permissions;
    for (const pattern of MUSICBRAINZ_MATCHES) expect(permissions).toContain(pattern);
  });
});

describe('the paste box’s input', () => {
  it('takes a store’s release page in the form MusicBrainz keeps, or a barcode', () => {
    expect(readPasteInput('  https://www.deezer.com/en/album/100001?utm=x ')).toEqual({
      ok: true,
      url: 'https://www.deezer.com/album/100001',
    });
    expect(readPasteInput('spotify:album:10FLjwfpbxLmW8c25Xyc2N')).toEqual({
      ok: true,
      url: 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
    });
    expect(readPasteInput('0 192758 000019')).toEqual({ ok: true, gtin: '0192758000019' });
  });

  it('names what is wrong with anything else', () => {
    expect(readPasteInput('   ')).toEqual({
      ok: false,
      message: "Paste a store's release page or a barcode.",
    });
    expect(readPasteInput('0192758000018')).toEqual({
      ok: false,
      message: 'The barcode 0192758000018 is not valid: the check digit does not match.',
    });
    expect(readPasteInput('12345')).toEqual({
      ok: false,
      message: 'The barcode 12345 is not valid: a GTIN has 8, 12, 13 or 14 digits.',
    });
    expect(readPasteInput('https://example.com/album/1')).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Not a store release page: example\.com is not a supported store/,
      ),
    });
    expect(readPasteInput('https://open.spotify.com/artist/1Xyo4u8uXC1ZmMpatF05PJ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Spotify artist page, not a release page\.$/),
    });
    expect(readPasteInput(`https://musicbrainz.org/release/${MBID}`)).toEqual({
      ok: false,
      message: "That is a MusicBrainz page: paste the store's page of the release instead.",
    });
  });
});
