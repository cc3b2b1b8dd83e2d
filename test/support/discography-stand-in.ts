/**
 * One stand-in upstream for the discography tests: every store with a listing under
 * /<store> (the hand-written listing answers of artist-listings.ts), Spotify's token under
 * /spotify-auth, and MusicBrainz under /mb, where each store's artist page is linked to one
 * artist, its first release to a release, its second to a release group only, and the artist's
 * release groups include the third release's title.
 */
import { recognizeUrl } from '@liner/shared';
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
} from './artist-listings.ts';
import { json, type StandIn, startStandIn } from './stand-in.ts';
import { musicBrainzUrlRoute } from './stand-ins.ts';

export const ARTIST_MBID = '3a1f7c2e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
export const RELEASE_MBID = '0f0e0d0c-0b0a-4909-8807-060504030201';
export const GROUP_MBID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const TITLED_GROUP = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

const MAKERS = {
  deezer: deezerListing,
  spotify: spotifyListing,
  itunes: itunesListing,
  discogs: discogsListing,
  qobuz: qobuzListing,
  tidal: tidalListing,
  bandcamp: (base: string) => bandcampListing(`${base}/adalane`),
  beatport: beatportListing,
} as const;
export type ListingStore = keyof typeof MAKERS;
export const LISTING_STORES = Object.keys(MAKERS) as ListingStore[];

export interface DiscographyStandIn {
  upstream: StandIn;
  listings: Map<ListingStore, ListingStandIn>;
  /** Settings pointing a server or the CLI at the stand-in, with this store's credentials. */
  env(store: ListingStore): Record<string, string>;
}

export async function startDiscographyStandIn(): Promise<DiscographyStandIn> {
  const upstream = await startStandIn();
  const listings = new Map<ListingStore, ListingStandIn>();
  const linked: Record<string, [string, string, string?][]> = {};
  const routes = new Map<string, unknown>();
  for (const store of LISTING_STORES) {
    const listing = MAKERS[store](`${upstream.url}/${store}`);
    listings.set(store, listing);
    for (const [url, body] of Object.entries(listing.routes))
      routes.set(url.slice(upstream.url.length), body);
    linked[recognizeUrl(listing.artistUrl).canonicalUrl] = [['artist', ARTIST_MBID, 'Ada Lane']];
    linked[listing.releaseUrls[0]!] = [['release', RELEASE_MBID, 'Song Book 0']];
    linked[listing.releaseUrls[1]!] = [['release-group', GROUP_MBID, 'Song Book 1']];
  }
  const urls = musicBrainzUrlRoute(linked);
  upstream.route('*', (req, res) => {
    if (req.path.startsWith('/mb/ws/2/url')) return urls(req, res);
    if (req.path.startsWith('/mb/ws/2/release-group'))
      return json({
        'release-group-count': 2,
        'release-groups': [
          { id: TITLED_GROUP, title: 'song book 2' },
          { id: GROUP_MBID, title: 'Song Book 1' },
        ],
      })(req, res);
    if (req.path === '/spotify-auth/token' || req.path === '/tidal-auth/token')
      return json({ access_token: 't', token_type: 'Bearer', expires_in: 3600 })(req, res);
    const body = routes.get(req.path) as { html?: string } | undefined;
    if (body?.html) return res.writeHead(200, { 'content-type': 'text/html' }).end(body.html);
    return json(body ?? { error: `no route ${req.path}` }, body ? 200 : 404)(req, res);
  });
  const credentials: Partial<Record<ListingStore, Record<string, string>>> = {
    spotify: {
      LINER_SPOTIFY_CLIENT_ID: 'id',
      LINER_SPOTIFY_CLIENT_SECRET: 'secret',
      LINER_PROVIDERS__SPOTIFY__ENDPOINTS__AUTH: `${upstream.url}/spotify-auth`,
    },
    qobuz: { LINER_QOBUZ_APP_ID: '123456789' },
    tidal: {
      LINER_PROVIDERS__TIDAL__CLIENT_ID: 'id',
      LINER_PROVIDERS__TIDAL__CLIENT_SECRET: 'secret',
      LINER_PROVIDERS__TIDAL__ENDPOINTS__AUTH: `${upstream.url}/tidal-auth`,
    },
    bandcamp: { LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${upstream.url}/bandcamp/{band}` },
  };
  return {
    upstream,
    listings,
    env: (store) => ({
      LINER_PROVIDERS: store,
      [`LINER_PROVIDERS__${store.toUpperCase()}__BASE_URL`]: `${upstream.url}/${store}`,
      LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
      LINER_MUSICBRAINZ_REQUEST_INTERVAL: '20ms',
      LINER_HTTP_RETRIES: '0',
      LINER_REGIONS: 'GB',
      ...credentials[store],
    }),
  };
}
