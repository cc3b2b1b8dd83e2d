/** Page detection per store: from the URL alone, through the shared store table. */
import { createHash, createPublicKey } from 'node:crypto';
import { MAX_URLS_TO_CHECK as SERVER_LIMIT } from '@liner/shared/api';
import { CHROME_EXTENSION_ID } from '@liner/shared/extension-id';
import { describe, expect, it } from 'vitest';
import { IMPORT_COMMAND } from '../src/commands.ts';
import { isListPage, releaseOf } from '../src/content/page.ts';
import { MAX_URLS_TO_CHECK } from '../src/limits.ts';
import { manifestFor, storeHostPermissions } from '../src/manifest.ts';
import {
  allSiteMatches,
  SITE_NAMES,
  type SiteName,
  site,
  siteForHost,
  siteMatches,
} from '../src/sites.ts';

/** [store, release page as users see it, the canonical form MusicBrainz keeps] */
const RELEASE_PAGES: [SiteName, string, string][] = [
  [
    'spotify',
    'https://open.spotify.com/intl-de/album/10FLjwfpbxLmW8c25Xyc2N?si=abc',
    'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
  ],
  ['deezer', 'https://www.deezer.com/fr/album/629506181', 'https://www.deezer.com/album/629506181'],
  [
    'itunes',
    'https://music.apple.com/gb/album/die-with-a-smile/1441458047',
    'https://music.apple.com/gb/album/1441458047',
  ],
  [
    'itunes',
    'https://itunes.apple.com/us/album/x/id1728639278?uo=4',
    'https://music.apple.com/us/album/1728639278',
  ],
  [
    'bandcamp',
    'https://frisyr.bandcamp.com/album/demo?from=discover',
    'https://frisyr.bandcamp.com/album/demo',
  ],
  [
    'bandcamp',
    'https://svenfredrik.bandcamp.com/track/mr-florida-81',
    'https://svenfredrik.bandcamp.com/track/mr-florida-81',
  ],
  ['tidal', 'https://listen.tidal.com/album/130201923/tracks', 'https://tidal.com/album/130201923'],
  [
    'beatport',
    'https://www.beatport.com/de/release/night-drive/4100001',
    'https://www.beatport.com/release/night-drive/4100001',
  ],
  [
    'qobuz',
    'https://www.qobuz.com/fr-fr/album/some-album/0060254729482',
    'https://www.qobuz.com/fr-fr/album/some-album/0060254729482',
  ],
  [
    'discogs',
    'https://www.discogs.com/release/1503102-Various-Kill-Bill-Vol-1',
    'https://www.discogs.com/release/1503102',
  ],
  [
    'mora',
    'https://mora.jp/package/43000035/198704758065_F/?fmid=TOPRNKS',
    'https://mora.jp/package/43000035/198704758065_F/',
  ],
  ['ototoy', 'https://ototoy.jp/_/default/p/3237840', 'https://ototoy.jp/_/default/p/3237840'],
];

describe('release pages', () => {
  it.each(RELEASE_PAGES)('%s: %s is the release %s', (store, url, canonical) => {
    expect(releaseOf(url, site(store))?.canonicalUrl).toBe(canonical);
  });

  it('ignores another store, artist pages and pages that are no entity', () => {
    expect(releaseOf('https://www.deezer.com/album/629506181', site('spotify'))).toBeUndefined();
    expect(
      releaseOf('https://open.spotify.com/artist/10FLjwfpbxLmW8c25Xyc2N', site('spotify')),
    ).toBeUndefined();
    expect(releaseOf('https://open.spotify.com/search/night', site('spotify'))).toBeUndefined();
    expect(
      releaseOf('https://www.discogs.com/master/12345-Title', site('discogs')),
    ).toBeUndefined();
  });

  it('finds the site by the page host; a host of no store is a Bandcamp site on its own domain', () => {
    expect(siteForHost('listen.tidal.com')?.store).toBe('tidal');
    expect(siteForHost('mora.jp')?.store).toBe('mora');
    expect(siteForHost('frisyr.bandcamp.com')?.store).toBe('bandcamp');
    expect(siteForHost('music.example-band.net')?.store).toBe('bandcamp');
    // MusicBrainz is a store without a site: its pages have their own script.
    expect(siteForHost('musicbrainz.org')).toBeUndefined();
    expect(() => site('musicbrainz')).toThrow(/declares no site/);
  });

  it('treats artist and label pages of Bandcamp and Discogs as lists, other stores not', () => {
    expect(isListPage('https://frisyr.bandcamp.com/music', site('bandcamp'))).toBe(true);
    expect(isListPage('https://www.discogs.com/label/1-Label', site('discogs'))).toBe(true);
    expect(isListPage('https://frisyr.bandcamp.com/album/demo', site('bandcamp'))).toBe(false);
    expect(isListPage('https://www.deezer.com/artist/27', site('deezer'))).toBe(false);
  });
});

describe('manifest', () => {
  it('matches every host of every supported store, and nothing else', () => {
    // Every store that declares a site, in the stores' (name) order.
    expect(SITE_NAMES).toEqual([
      'bandcamp',
      'beatport',
      'deezer',
      'discogs',
      'itunes',
      'mora',
      'ototoy',
      'qobuz',
      'spotify',
      'tidal',
    ]);
    expect(siteMatches('bandcamp')).toEqual(['https://*.bandcamp.com/*']);
    expect(siteMatches('itunes')).toContain('https://itunes.apple.com/*');
    // Written out: the permissions a user is asked for at install, and nothing else.
    expect([...storeHostPermissions()].sort()).toEqual([
      'https://*.bandcamp.com/*',
      'https://beatport.com/*',
      'https://beta.musicbrainz.org/*',
      'https://deezer.com/*',
      'https://discogs.com/*',
      'https://geo.itunes.apple.com/*',
      'https://geo.music.apple.com/*',
      'https://itunes.apple.com/*',
      'https://listen.tidal.com/*',
      'https://mora.jp/*',
      'https://music.apple.com/*',
      'https://musicbrainz.org/*',
      'https://open.qobuz.com/*',
      'https://open.spotify.com/*',
      'https://ototoy.jp/*',
      'https://play.qobuz.com/*',
      'https://play.spotify.com/*',
      'https://qobuz.com/*',
      'https://test.musicbrainz.org/*',
      'https://tidal.com/*',
      'https://www.beatport.com/*',
      'https://www.deezer.com/*',
      'https://www.discogs.com/*',
      'https://www.qobuz.com/*',
      'https://www.tidal.com/*',
    ]);
    // The one content script matches exactly the stores' hosts among them.
    expect(allSiteMatches().sort()).toEqual(
      storeHostPermissions()
        .filter((pattern) => !pattern.includes('musicbrainz.org'))
        .sort(),
    );
    // Each store's own hosts among them.
    expect(siteMatches('tidal').sort()).toEqual([
      'https://listen.tidal.com/*',
      'https://tidal.com/*',
      'https://www.tidal.com/*',
    ]);
  });

  it('grants no broad host at install: the server origin is optional', () => {
    const chrome = manifestFor('chrome');
    // `scripting` only when the user asks for Liner on a Bandcamp site's own domain.
    expect(chrome.permissions).toEqual(['storage', 'activeTab']);
    expect(chrome.optional_permissions).toEqual(['scripting']);
    expect(manifestFor('firefox').permissions).toEqual(['storage', 'activeTab']);
    expect(manifestFor('firefox').optional_permissions).toEqual(['scripting']);
    expect(chrome.host_permissions).not.toContain('https://*/*');
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect('browser_specific_settings' in chrome).toBe(false);
    // AbortSignal.any, behind every server call's time-out.
    expect(chrome).toHaveProperty('minimum_chrome_version', '116');
    expect(manifestFor('firefox')).toHaveProperty(
      'browser_specific_settings.gecko.strict_min_version',
      '128.0',
    );
    expect(manifestFor('firefox')).toHaveProperty(
      'browser_specific_settings.gecko.id',
      'liner@liner-mb.org',
    );
  });

  it('pins the Chrome build to the extension ID the server allows, and only the Chrome build', () => {
    const chrome = manifestFor('chrome');
    const key = 'key' in chrome ? chrome.key : undefined;
    // Chrome's rule: the SHA-256 of the DER public key, its first 32 hex digits as a-p.
    const id = [...createHash('sha256').update(Buffer.from(key!, 'base64')).digest('hex')]
      .slice(0, 32)
      .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
      .join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
    // Only a public key: no private key material anywhere in the manifest.
    expect(
      createPublicKey({ key: Buffer.from(key!, 'base64'), format: 'der', type: 'spki' })
        .asymmetricKeyDetails,
    ).toMatchObject({ modulusLength: 2048 });
    expect('key' in manifestFor('firefox')).toBe(false);
  });

  it('names an icon for every size, and the keyboard shortcut for Import, in both builds', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = manifestFor(browser);
      expect(Object.keys(manifest.icons).map(Number)).toEqual([16, 32, 48, 96, 128]);
      expect(manifest.action.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
      expect(manifest.commands[IMPORT_COMMAND]).toMatchObject({
        suggested_key: { default: 'Alt+Shift+M' },
        description: expect.stringMatching(/^Import to MusicBrainz/),
      });
    }
  });

  it('uses the server batch limit', () => {
    expect(MAX_URLS_TO_CHECK).toBe(SERVER_LIMIT);
  });
});
