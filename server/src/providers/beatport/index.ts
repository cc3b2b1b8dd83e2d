/**
 * Beatport: no public API, so release pages are scraped. Each is a Next.js page whose
 * __NEXT_DATA__ holds the API v4 release and a page of its tracks; extract.ts keeps that JSON,
 * which is all that is stored and replayed. Releases of more than one track page (100 tracks)
 * are fetched page by page (?page=N&per_page=100, as the site itself does). Barcodes are found
 * through the search page, which wants the 13-digit form.
 */
import { type StoreEntity, sameGtin, storeByName } from '@liner/shared';
import { ProviderDataError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import type { BeatportTrack } from './api.ts';
import { extractNextData } from './extract.ts';
import { listBeatportArtist } from './listing.ts';
import { orderTracks, parseBeatportRelease } from './parse.ts';
import { readPage, readRelease, readSearchReleases, readTracks } from './read.ts';

const NAME = 'beatport';

const BARCODE: BarcodeDeclaration = {
  // Beatport indexes barcodes as 13 digits (its search pages list upc as EAN-13); its search is a
  // text search, so the shortest form is asked beside it.
  forms: ['ean13', 'short'],
  // A scraped search page and a release page, at one page a second, for electronic releases
  // only (docs/architecture.md, "The barcode phase"): asked only when named.
  byDefault: false,
};
const store = storeByName(NAME);
const PER_PAGE = 100;
/** Bounds paging: 20 pages of 100 tracks is far beyond any real release. */
const MAX_PAGES = 20;

const SLUG = /^[a-z0-9-]+$/i;

function createClient(ctx: ProviderContext) {
  const base = ctx.endpoints.api!;

  async function getPage(url: string) {
    const response = await ctx.http.request({ provider: NAME, url, extract: extractNextData });
    return readPage(response.data, url);
  }

  async function lookupRelease(id: string, slug: string | undefined): Promise<ProviderLookup> {
    if (!/^\d+$/.test(id))
      throw new ProviderDataError(NAME, id, `"${id}" is not a Beatport release ID`);
    // Beatport serves a release under any slug; "-" stands in when the URL had none.
    const path = `${base}/release/${slug && SLUG.test(slug) ? slug : '-'}/${id}`;
    const page = await getPage(path);
    const release = readRelease(page, path);
    const first = readTracks(page, path);
    const tracks: BeatportTrack[] = [...first.tracks];
    const total = release.track_count ?? tracks.length;
    const perPage = first.perPage ?? PER_PAGE;
    for (let n = 2; tracks.length < total && n <= MAX_PAGES; n++) {
      const url = `${path}?page=${n}&per_page=${perPage}`;
      const next = readTracks(await getPage(url), url).tracks;
      const known = new Set(tracks.map((t) => t.id));
      const added = next.filter((t) => !known.has(t.id));
      if (added.length === 0) break;
      tracks.push(...added);
    }
    const ordered = orderTracks(release, tracks);
    if (ordered.length === 0) throw new ProviderDataError(NAME, path, 'the release has no tracks');
    const entity: StoreEntity = {
      store: NAME,
      type: 'release',
      id: String(release.id),
      slug: release.slug ?? slug ?? '-',
    };
    const url = store.canonicalUrl(entity);
    const { release: result, messages } = parseBeatportRelease(release, ordered, url);
    return { release: result, messages, id: entity.id, url, apiUrl: path };
  }

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listBeatportArtist(getPage, base, entity, options),
    async lookupById(entity: StoreEntity): Promise<ProviderLookup> {
      if (entity.type !== 'release')
        throw new ProviderDataError(NAME, entity.id, `a Beatport ${entity.type} is not a release`);
      return lookupRelease(entity.id, entity.slug);
    },
    lookupByGtin(gtin: string): Promise<ProviderLookup> {
      return findByBarcode({
        provider: NAME,
        displayName: 'Beatport',
        gtin,
        rounds: barcodeRounds(gtin, BARCODE.forms),
        async search({ variant }) {
          const url = `${base}/search?q=${encodeURIComponent(variant)}`;
          const releases = readSearchReleases(await getPage(url), url);
          return { url, matches: releases.filter((r) => r.upc && sameGtin(r.upc, gtin)) };
        },
        open: (found) => lookupRelease(String(found.release_id), found.slug ?? undefined),
        describe: (found) => String(found.release_id),
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Beatport',
  store,
  category: 'download',
  endpoints: { api: 'https://www.beatport.com' },
  // No published limit for the web pages; one a second keeps a scraper polite.
  rateLimits: [{ endpoint: 'api', requests: 1, perMs: 1000, concurrency: 1 }],
  requiredCredentials: [],
  regions: 'worldwide',
  features: {
    gtinLookup: 'present',
    gtin: 'good',
    isrc: 'good',
    labels: 'good',
    catalogNumber: 'good',
    releaseDate: 'good',
    durations: 'good',
    artistCredits: 'present',
    availability: 'none',
    copyright: 'none',
    releaseTypes: 'bad',
    coverSize: 1400,
  },
  barcode: BARCODE,
  create: createClient,
};
