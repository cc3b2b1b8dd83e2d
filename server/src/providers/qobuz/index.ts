/**
 * Qobuz through the JSON API its web player uses. Every request needs an application ID (the
 * X-App-Id header; providers.qobuz.appId), so without one the provider is disabled. The API has
 * no storefront parameter: it answers for the region of the app, and "not found" may mean "not
 * sold there". A URL's locale is kept for the canonical store URL.
 */
import { type StoreEntity, sameGtin, storeByName } from '@liner/shared';
import type { z } from 'zod';
import {
  BadBodyError,
  HttpStatusError,
  NotFoundError,
  ProviderDataError,
  UpstreamError,
} from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { validate } from '../common/fetch.ts';
import { regionOrder } from '../common/regions.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import { type QobuzAlbum, type QobuzTrack, qobuzAlbum, qobuzError, qobuzSearch } from './api.ts';
import { listQobuzArtist } from './listing.ts';
import { parseQobuzRelease, qobuzGtin } from './parse.ts';

const NAME = 'qobuz';

const BARCODE: BarcodeDeclaration = {
  // Qobuz holds UPCs padded to 13 digits (see qobuzGtin) and its album search is a text search,
  // so the 13-digit form is asked, and the shortest beside it for what Qobuz keeps unpadded.
  forms: ['ean13', 'short'],
  // Needs an app ID, costs 2 requests a barcode more, and adds little beside Deezer and Apple
  // (docs/architecture.md, "The barcode phase"): asked only when named.
  byDefault: false,
};
const store = storeByName(NAME);
/** Statuses Qobuz answers with its JSON error object. */
const ERROR_STATUSES = [400, 401, 404];
/** Countries with a Qobuz store (help.qobuz.com, "Where is Qobuz available?"). */
const STOREFRONTS = [
  'AR',
  'AT',
  'AU',
  'BE',
  'BR',
  'CA',
  'CH',
  'CL',
  'CO',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IE',
  'IT',
  'JP',
  'LU',
  'MX',
  'NL',
  'NO',
  'NZ',
  'PT',
  'SE',
  'US',
];
const MAX_TRACKS = 3000;

function errorFromBody(data: unknown, url: string): UpstreamError | undefined {
  const parsed = qobuzError.safeParse(data);
  if (!parsed.success) return undefined;
  const { code, message } = parsed.data;
  if (code === 404)
    return new NotFoundError(NAME, url, `Qobuz has no such album here (${message})`);
  if (/app_?id/i.test(message))
    return new UpstreamError(
      'credentials',
      NAME,
      url,
      `Qobuz refused the app ID: ${message}`,
      code,
    );
  return new UpstreamError('status', NAME, url, `Qobuz error ${code}: ${message}`, code);
}

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;
  const appId = ctx.settings.appId;
  const headers: Record<string, string> = appId ? { 'x-app-id': appId } : {};

  async function get<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
    let response: Awaited<ReturnType<typeof ctx.http.request>>;
    try {
      response = await ctx.http.request({
        provider: NAME,
        url,
        expect: 'json',
        headers,
        acceptStatus: ERROR_STATUSES,
      });
    } catch (error) {
      // An error status with a body that is not JSON: the status alone has to tell.
      if (error instanceof BadBodyError && ERROR_STATUSES.includes(error.status ?? 0))
        throw new HttpStatusError(NAME, url, error.status!);
      throw error;
    }
    // Qobuz's error body says more than its status: an app ID refusal is a 400 like any other.
    const error = errorFromBody(response.data, url);
    if (error) throw error;
    if (response.status >= 400) throw new HttpStatusError(NAME, url, response.status);
    return validate(schema, response.data, NAME, url);
  }

  /** The album with all its tracks: album/get sends one page of tracks, the rest is asked for. */
  async function album(
    id: string,
  ): Promise<{ album: QobuzAlbum; tracks: QobuzTrack[]; apiUrl: string }> {
    const apiUrl = `${api}/album/get?album_id=${encodeURIComponent(id)}`;
    const first = await get(apiUrl, qobuzAlbum);
    const tracks = [...(first.tracks?.items ?? [])];
    const total = Math.min(first.tracks?.total ?? first.tracks_count ?? tracks.length, MAX_TRACKS);
    const limit = first.tracks?.limit || 500;
    while (tracks.length < total) {
      const url = `${apiUrl}&offset=${tracks.length}&limit=${limit}`;
      const page = await get(url, qobuzAlbum);
      const items = page.tracks?.items ?? [];
      if (items.length === 0) break;
      tracks.push(...items);
    }
    return { album: first, tracks, apiUrl };
  }

  function complete(
    found: Awaited<ReturnType<typeof album>>,
    region: string | undefined,
  ): ProviderLookup {
    const { album: data, tracks, apiUrl } = found;
    if (tracks.length === 0) throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
    const url = store.canonicalUrl({
      store: NAME,
      type: 'release',
      id: data.id,
      ...(data.slug ? { slug: data.slug } : {}),
      ...(region ? { region } : {}),
    });
    const { release, messages } = parseQobuzRelease(data, tracks, url);
    if (data.tracks_count != null && data.tracks_count !== tracks.length)
      messages.push({
        level: 'warning',
        provider: NAME,
        text: `Qobuz counts ${data.tracks_count} tracks but listed ${tracks.length}`,
      });
    return { release, messages, id: data.id, url, apiUrl, ...(region ? { region } : {}) };
  }

  /** The URL's own locale, else the first preferred region Qobuz has a store in. */
  const storefront = (regions: readonly string[], first?: string) =>
    regionOrder(regions, first).find((r) => STOREFRONTS.includes(r));

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listQobuzArtist(get, api, entity.id, options),
    async lookupById(entity: StoreEntity, regions: readonly string[]) {
      return complete(await album(entity.id), storefront(regions, entity.region));
    },
    lookupByGtin(gtin: string, regions: readonly string[]) {
      return findByBarcode({
        provider: NAME,
        displayName: 'Qobuz',
        gtin,
        rounds: barcodeRounds(gtin, BARCODE.forms),
        async search({ variant }) {
          const url = `${api}/album/search?query=${variant}`;
          const { albums } = await get(url, qobuzSearch);
          // A text search: only an album with this very barcode is the one asked for.
          const matches = (albums?.items ?? []).filter((item) =>
            sameGtin(qobuzGtin(item.upc) ?? '', gtin),
          );
          return { url, matches };
        },
        open: async (match) => complete(await album(match.id), storefront(regions)),
        describe: (match) => String(match.id),
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Qobuz',
  store,
  category: 'download',
  endpoints: { api: 'https://www.qobuz.com/api.json/0.2' },
  // Qobuz publishes no limit; this is about the pace of its web player.
  rateLimits: [{ endpoint: 'api', requests: 5, perMs: 1000, concurrency: 2 }],
  requiredCredentials: ['appId'],
  regions: STOREFRONTS,
  features: {
    gtinLookup: 'good',
    gtin: 'good',
    isrc: 'good',
    labels: 'present',
    catalogNumber: 'none',
    releaseDate: 'good',
    durations: 'present',
    artistCredits: 'present',
    availability: 'none',
    copyright: 'present',
    releaseTypes: 'present',
    // Originals ("_org") are the label's upload, commonly up to 3000 px.
    coverSize: 3000,
  },
  barcode: BARCODE,
  create: createClient,
};
