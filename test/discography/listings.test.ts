/**
 * Each store's artist listing, read page after page from hand-written stand-ins of its answers
 * (test/support/artist-listings.ts): every release once, in the store's order, with its type,
 * date and canonical URL, and progress after each page.
 */
import { hasSite, recognizeUrlOfType, STORES } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../server/src/providers/registry.ts';
import {
  bandcampListing,
  beatportListing,
  deezerListing,
  discogsListing,
  itunesListing,
  type ListingStandIn,
  qobuzListing,
  spotifyListing,
  tidalListing,
} from '../support/artist-listings.ts';
import { fakeFetch } from '../support/fake-fetch.ts';
import { testProvider } from '../support/providers.ts';

const SPOTIFY_TOKEN = {
  'https://accounts.spotify.com/api/token': {
    access_token: 't',
    token_type: 'Bearer',
    expires_in: 3600,
  },
};

const cases: [ListingStandIn, Record<string, string>, Record<string, object>][] = [
  [deezerListing('https://api.deezer.com'), {}, {}],
  [
    spotifyListing('https://api.spotify.com/v1'),
    { LINER_SPOTIFY_CLIENT_ID: 'id', LINER_SPOTIFY_CLIENT_SECRET: 'secret' },
    SPOTIFY_TOKEN,
  ],
  [itunesListing('https://itunes.apple.com'), {}, {}],
  [discogsListing('https://api.discogs.com'), {}, {}],
  [qobuzListing('https://www.qobuz.com/api.json/0.2'), { LINER_QOBUZ_APP_ID: '123456789' }, {}],
  [
    tidalListing('https://openapi.tidal.com/v2'),
    { LINER_PROVIDERS__TIDAL__CLIENT_ID: 'id', LINER_PROVIDERS__TIDAL__CLIENT_SECRET: 'secret' },
    {
      'https://auth.tidal.com/v1/oauth2/token': {
        access_token: 't',
        token_type: 'Bearer',
        expires_in: 3600,
      },
    },
  ],
  [bandcampListing('https://adalane.bandcamp.com'), {}, {}],
  [beatportListing('https://www.beatport.com'), {}, {}],
];

/** The stand-ins' routes as fetch answers: a page (`{ html }`) is sent as HTML. */
function replies(routes: Record<string, object>) {
  return Object.fromEntries(
    Object.entries(routes).map(([url, body]) => [
      url,
      'html' in body ? { body: String(body.html), headers: { 'content-type': 'text/html' } } : body,
    ]),
  );
}

describe.each(cases)('the artist listing of $store', (listing, env, extra) => {
  it('reads every page and lists each release once, in the store’s order', async () => {
    const fake = fakeFetch({ ...replies(listing.routes), ...extra });
    const client = testProvider(listing.store, { fetch: fake.fetch, env });
    const { entity } = recognizeUrlOfType(listing.artistUrl, ['artist']);
    const progress: number[] = [];
    const found = await client.listArtistReleases!(entity, {
      regions: ['GB'],
      onPage: ({ releases }) => progress.push(releases),
    });
    expect(found.name).toBe(listing.name);
    expect(found.releases.map((r) => r.url)).toEqual(listing.releaseUrls);
    const storeRequests = fake.requests.filter((url) => !/accounts\.spotify|auth\.tidal/.test(url));
    expect(storeRequests).toHaveLength(listing.requests);
    expect(progress.at(-1)).toBe(listing.releaseUrls.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    for (const release of found.releases) {
      expect(release.title).toMatch(/^Song Book \d+/);
      expect(release.type).toBeTruthy();
      // Bandcamp's /music page gives no dates.
      if (listing.store !== 'bandcamp') expect(release.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      // Each URL is the store's release page as Liner recognises it.
      expect(recognizeUrlOfType(release.url, ['release', 'release-group']).canonicalUrl).toBe(
        release.url,
      );
    }
  });
});

describe('the artist listings say what they leave out', () => {
  it('Bandcamp: the grid and the page’s client items, a release’s own artist kept', async () => {
    const listing = bandcampListing('https://adalane.bandcamp.com');
    const client = testProvider('bandcamp', { fetch: fakeFetch(replies(listing.routes)).fetch });
    const { entity } = recognizeUrlOfType(listing.artistUrl, ['artist']);
    const found = await client.listArtistReleases!(entity, { regions: ['GB'] });
    expect(found.releases[1]).toEqual({
      url: 'https://adalane.bandcamp.com/album/song-book-1',
      title: 'Song Book 1',
      type: 'album',
      artist: 'Ada Lane & Friends',
    });
    expect(found.releases[11]).toMatchObject({ type: 'track', title: 'Song Book 11' });
  });

  it('Discogs: appearances are counted in a message, not listed', async () => {
    const listing = discogsListing('https://api.discogs.com');
    const client = testProvider('discogs', { fetch: fakeFetch(listing.routes).fetch });
    const { entity } = recognizeUrlOfType(listing.artistUrl, ['artist']);
    const found = await client.listArtistReleases!(entity, { regions: ['GB'] });
    expect(found.messages.map((m) => m.text)).toEqual([
      expect.stringMatching(/^26 entries where the artist is credited otherwise/),
    ]);
    expect(found.releases.find((r) => r.url.includes('/master/'))?.type).toBe(
      'master (File, FLAC, Album)',
    );
  });

  it('Apple: the " - Single" of a title is its type', async () => {
    const listing = itunesListing('https://itunes.apple.com');
    const client = testProvider('itunes', { fetch: fakeFetch(listing.routes).fetch });
    const { entity } = recognizeUrlOfType(listing.artistUrl, ['artist']);
    const found = await client.listArtistReleases!(entity, { regions: ['US'] });
    expect(found.releases.slice(0, 2).map((r) => [r.title, r.type])).toEqual([
      ['Song Book 0 - Single', 'single'],
      ['Song Book 1', 'album'],
    ]);
  });
});

describe('the stores whose artist pages get the extension’s discography panel', () => {
  it('are exactly those whose provider lists an artist’s releases', () => {
    const lists = (name: (typeof STORES)[number]['name']) => {
      const declaration = PROVIDERS.get(name);
      if (!declaration || name === 'musicbrainz') return false;
      const env = { LINER_SPOTIFY_CLIENT_ID: 'id', LINER_SPOTIFY_CLIENT_SECRET: 'secret' };
      return testProvider(name, { env }).listArtistReleases !== undefined;
    };
    const withPanel = STORES.filter((s) => hasSite(s) && s.site.artistPanel).map((s) => s.name);
    const listing = STORES.filter((s) => lists(s.name)).map((s) => s.name);
    expect(withPanel.sort()).toEqual(listing.sort());
    expect(withPanel.length).toBeGreaterThan(1);
  });
});
