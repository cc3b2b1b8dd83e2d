/**
 * Deezer: public API, no credentials. An album's own response lacks disc numbers and ISRCs, so
 * each track is fetched as well; the store's 50 requests per 5 s limit keeps that polite.
 */

import { type StoreEntity, storeByName } from '@liner/shared';
import type { z } from 'zod';
import { NotFoundError, ProviderDataError, UpstreamError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { validate } from '../common/fetch.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import {
  type DeezerAlbum,
  type DeezerTrack,
  deezerAlbum,
  deezerError,
  deezerTrack,
  deezerTrackPage,
} from './api.ts';
import { listDeezerArtist } from './listing.ts';
import { parseDeezerRelease } from './parse.ts';

const NAME = 'deezer';
const store = storeByName(NAME);
/** Deezer answers errors with HTTP 200 and an error object; 800 is "no data". */
const NO_DATA = 800;
const QUOTA = 4;
const MAX_TRACKS = 1000;

const BARCODE: BarcodeDeclaration = {
  // Deezer keeps one form, the shortest: the recorded album 629506181 holds "602475093060" where
  // Spotify and Tidal hold the same release as "00602475093060", and album/upc: answers only that
  // form (Harmony, which asks Deezer this form alone, says so too).
  forms: ['short'],
  // Free, fast and one request for a miss: the first store every barcode is asked of.
  byDefault: true,
};

function checkError(data: unknown, url: string): void {
  const parsed = deezerError.safeParse(data);
  if (!parsed.success) return;
  const { code, message } = parsed.data.error;
  if (code === NO_DATA) throw new NotFoundError(NAME, url, 'Deezer has no such release');
  if (code === QUOTA)
    throw new UpstreamError('rate-limited', NAME, url, 'Deezer quota exceeded', 429);
  throw new ProviderDataError(NAME, url, `Deezer error ${code ?? ''}: ${message ?? 'unknown'}`);
}

/** Deezer's window is 5 s: a quota answer is worth one more try after it. */
const QUOTA_WAIT_MS = 5000;

function quotaWait(body: string): number | undefined {
  if (!body.includes('"error"')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined; // the JSON check reports a broken body in its own words
  }
  const parsed = deezerError.safeParse(data);
  return parsed.success && parsed.data.error.code === QUOTA ? QUOTA_WAIT_MS : undefined;
}

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;

  /** Deezer's answers: quota answers waited out, its 200 error bodies typed, then checked. */
  async function get<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
    const response = await ctx.http.request({
      provider: NAME,
      url,
      expect: 'json',
      throttled: quotaWait,
    });
    checkError(response.data, url);
    return validate(schema, response.data, NAME, url);
  }

  async function getAlbum(path: string): Promise<{ album: DeezerAlbum; apiUrl: string }> {
    const url = `${api}/album/${path}`;
    return { album: await get(url, deezerAlbum), apiUrl: url };
  }

  async function allTracks(album: DeezerAlbum): Promise<DeezerTrack[]> {
    const listed = [...(album.tracks?.data ?? [])];
    const total = Math.min(album.nb_tracks ?? listed.length, MAX_TRACKS);
    while (listed.length < total) {
      const url = `${api}/album/${album.id}/tracks?index=${listed.length}&limit=100`;
      const data = await get(url, deezerTrackPage);
      if (data.data.length === 0) break;
      listed.push(...data.data);
    }
    // Full track objects carry disc number, position, ISRC and availability.
    return Promise.all(listed.map((track) => get(`${api}/track/${track.id}`, deezerTrack)));
  }

  async function complete(album: DeezerAlbum, apiUrl: string): Promise<ProviderLookup> {
    const tracks = await allTracks(album);
    if (tracks.length === 0) throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
    const { release, messages } = parseDeezerRelease(album, tracks);
    return {
      release,
      messages,
      id: String(album.id),
      url: store.canonicalUrl({ store: NAME, type: 'release', id: String(album.id) }),
      apiUrl,
    };
  }

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listDeezerArtist(get, api, entity.id, options),
    async lookupById(entity: StoreEntity) {
      const { album, apiUrl } = await getAlbum(entity.id);
      return complete(album, apiUrl);
    },
    lookupByGtin(gtin: string) {
      return findByBarcode({
        provider: NAME,
        displayName: 'Deezer',
        gtin,
        rounds: barcodeRounds(gtin, BARCODE.forms),
        // Deezer answers a barcode with its one album, or with "no data".
        async search({ variant }) {
          const url = `${api}/album/upc:${variant}`;
          try {
            return { url, matches: [await getAlbum(`upc:${variant}`)] };
          } catch (error) {
            if (error instanceof UpstreamError && error.kind === 'not-found') {
              return { url, matches: [] };
            }
            throw error;
          }
        },
        open: ({ album, apiUrl }) => complete(album, apiUrl),
        describe: ({ album }) => String(album.id),
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Deezer',
  store,
  category: 'streaming',
  endpoints: { api: 'https://api.deezer.com' },
  // 50 requests per 5 s is Deezer's documented quota; 25 at once fetch the tracks of nearly any
  // album in one round trip and stay within it.
  rateLimits: [{ endpoint: 'api', requests: 50, perMs: 5000, concurrency: 25 }],
  requiredCredentials: [],
  regions: 'worldwide',
  features: {
    gtinLookup: 'good',
    gtin: 'good',
    isrc: 'good',
    labels: 'present',
    catalogNumber: 'none',
    releaseDate: 'good',
    durations: 'present',
    artistCredits: 'good',
    availability: 'good',
    copyright: 'none',
    releaseTypes: 'present',
    coverSize: 1000,
  },
  barcode: BARCODE,
  create: createClient,
};
