/**
 * Spotify Web API with an app token (client-credentials flow). A look-up is the album, its
 * further track pages (following the API's own `next`), then the full track objects in batches
 * of 50 for the ISRCs the album's tracks lack. Look-ups by ID send no `market`: without one the
 * API answers with the catalogue entry as is (no track relinking) and its `available_markets`
 * are the release's availability. Only the barcode search names markets, where it must.
 */
import { type StoreEntity, storeByName } from '@liner/shared';
import type { z } from 'zod';
import { ProviderDataError, UpstreamError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { appToken } from '../common/oauth.ts';
import { regionOrder } from '../common/regions.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import {
  type SpotifyAlbum,
  type SpotifyTrack,
  spotifyAlbum,
  spotifyAlbumSearch,
  spotifyFullTracks,
  spotifyTrackPage,
} from './api.ts';
import { listSpotifyArtist } from './listing.ts';
import { albumTrackId, parseSpotifyRelease } from './parse.ts';

const NAME = 'spotify';
const store = storeByName(NAME);
/** GET /v1/tracks takes at most 50 IDs. */
const ID_BATCH = 50;
/** Bounds paging: 40 pages of 50 tracks is far beyond any real album. */
const MAX_PAGES = 40;

const BARCODE: BarcodeDeclaration = {
  // Spotify's upc: search matches the string a distributor delivered: the recorded search for
  // upc:602475093060 finds nothing, the same release's upc:00602475093060 finds it (its album
  // holds "00602475093060"). Other distributors deliver 12 or 13 digits, so all three are asked.
  forms: ['gtin14', 'short', 'ean13'],
  byDefault: true,
};

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;
  const tokens = appToken(ctx, NAME, 'Spotify');

  const get = <T extends z.ZodType>(url: string, schema: T) => tokens.getJson(url, schema);

  async function allTracks(album: SpotifyAlbum): Promise<SpotifyTrack[]> {
    const tracks = [...album.tracks.items];
    let next = album.tracks.next;
    for (let page = 1; next && page <= MAX_PAGES; page++) {
      const data = await get(next, spotifyTrackPage);
      tracks.push(...data.items);
      next = data.items.length > 0 ? data.next : undefined;
    }
    return tracks;
  }

  /**
   * ISRCs by track ID. They only enrich the release, so a batch that fails costs its ISRCs and
   * a warning rather than the whole look-up.
   */
  async function isrcsOf(tracks: readonly SpotifyTrack[], messages: ProviderLookup['messages']) {
    const isrcs = new Map<string, string>();
    const ids = [...new Set(tracks.map(albumTrackId))];
    for (let start = 0; start < ids.length; start += ID_BATCH) {
      const batch = ids.slice(start, start + ID_BATCH);
      const url = `${api}/tracks?ids=${batch.join(',')}`;
      try {
        const data = await get(url, spotifyFullTracks);
        // Answers come in the order asked; relinked tracks may answer with another ID.
        batch.forEach((id, i) => {
          const isrc = data.tracks[i]?.external_ids?.isrc;
          if (isrc) isrcs.set(id, isrc);
        });
      } catch (error) {
        if (!(error instanceof UpstreamError) || error.kind === 'credentials') throw error;
        messages.push({
          level: 'warning',
          provider: NAME,
          text: `the ISRCs of ${batch.length} tracks could not be read: ${error.message}`,
        });
      }
    }
    return isrcs;
  }

  async function lookupAlbum(id: string): Promise<ProviderLookup> {
    // The bare "?" keeps the album's replay file beside its tracks folder, as in the corpus.
    const apiUrl = `${api}/albums/${encodeURIComponent(id)}?`;
    const album = await get(apiUrl, spotifyAlbum);
    const tracks = await allTracks(album);
    if (tracks.length === 0) throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
    const fetchMessages: ProviderLookup['messages'] = [];
    const isrcs = await isrcsOf(tracks, fetchMessages);
    const { release, messages } = parseSpotifyRelease({ album, tracks, isrcs });
    return {
      release,
      messages: [...fetchMessages, ...messages],
      id: album.id,
      url: store.canonicalUrl({ store: NAME, type: 'release', id: album.id }),
      apiUrl,
    };
  }

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listSpotifyArtist(get, api, entity.id, options),
    lookupById(entity: StoreEntity) {
      return lookupAlbum(entity.id);
    },
    lookupByGtin(gtin: string, regions: readonly string[]) {
      return findByBarcode({
        provider: NAME,
        displayName: 'Spotify',
        gtin,
        // Without a market first (the whole catalogue), then the preferred markets, since some
        // releases are found only when a market where they are sold is named.
        rounds: barcodeRounds(gtin, BARCODE.forms, [undefined, ...regionOrder(regions)]),
        async search({ variant, region }) {
          const url = `${api}/search?type=album&q=upc:${variant}${region ? `&market=${region}` : ''}`;
          const { albums } = await get(url, spotifyAlbumSearch);
          return { url, matches: albums.items.filter((a) => a !== null) };
        },
        open: (album) => lookupAlbum(album.id),
        describe: (album) => album.id,
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Spotify',
  store,
  category: 'streaming',
  endpoints: { api: 'https://api.spotify.com/v1', auth: 'https://accounts.spotify.com/api' },
  // Spotify publishes no number, only that its limit is counted over a rolling 30 s window. A
  // look-up costs 2-4 requests, so 60 per 30 s (2 a second, 4 in flight) still serves a dozen
  // look-ups a minute while staying far from anything an app could be throttled for.
  rateLimits: [{ endpoint: 'api', requests: 60, perMs: 30_000, concurrency: 4 }],
  requiredCredentials: ['clientId', 'clientSecret'],
  // Spotify's catalogue varies by market (any of its ~180 codes may be named; these are the main
  // ones). Being regional, cached barcode searches are keyed by the markets they searched.
  regions: ['US', 'GB', 'DE', 'FR', 'SE', 'JP', 'BR', 'CA', 'AU', 'MX'],
  features: {
    gtinLookup: 'good',
    gtin: 'good',
    isrc: 'good',
    labels: 'present',
    catalogNumber: 'none',
    releaseDate: 'good',
    durations: 'good',
    artistCredits: 'present',
    availability: 'good',
    copyright: 'good',
    releaseTypes: 'present',
    coverSize: 640,
  },
  barcode: BARCODE,
  create: createClient,
};
