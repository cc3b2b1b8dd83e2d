/**
 * Discogs: a database of physical and digital releases, not a store. The release API is public;
 * a personal token (providers.discogs.token) raises the rate limit and unlocks the database
 * search, which barcode look-ups need. The token travels only in the Authorization header:
 * request URLs are what gets stored, recorded and logged, so it never appears in one.
 */
import { type StoreEntity, sameGtin, storeByName } from '@liner/shared';
import type { z } from 'zod';
import { ProviderDataError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { getJson } from '../common/fetch.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderClient,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import { type DiscogsRelease, discogsMaster, discogsRelease, discogsSearch } from './api.ts';
import { listDiscogsArtist } from './listing.ts';
import { parseDiscogsRelease } from './parse.ts';

const NAME = 'discogs';

const BARCODE: BarcodeDeclaration = {
  // Discogs keeps barcodes as printed on the product (12 digits for a UPC-A, 13 for an EAN) and
  // its barcode search matches that text, so both forms are asked.
  forms: ['short', 'ean13'],
  // A database of physical editions (other barcodes, formats): asked only when named.
  byDefault: false,
};
const store = storeByName(NAME);

function createClient(ctx: ProviderContext): ProviderClient {
  const api = ctx.endpoints.api!;
  const token = ctx.settings.token;
  const headers: Record<string, string> = token ? { authorization: `Discogs token=${token}` } : {};

  // Discogs answers errors with their HTTP status (404 for an unknown release), which the HTTP
  // layer turns into typed errors, live and replayed alike.
  const get = async <T extends z.ZodType>(url: string, schema: T) =>
    (await getJson(ctx.http, NAME, url, schema, { headers })).data;

  async function release(id: number | string, messages: ProviderLookup['messages'] = []) {
    const apiUrl = `${api}/releases/${id}`;
    const data: DiscogsRelease = await get(apiUrl, discogsRelease);
    const url = store.canonicalUrl({ store: NAME, type: 'release', id: String(data.id) });
    const parsed = parseDiscogsRelease(data, url);
    if (parsed.release.media.every((m) => m.tracks.length === 0))
      throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
    return {
      release: parsed.release,
      messages: [...messages, ...parsed.messages],
      id: String(data.id),
      url,
      apiUrl,
    } satisfies ProviderLookup;
  }

  async function lookupById(entity: StoreEntity): Promise<ProviderLookup> {
    if (entity.type === 'release') return release(entity.id);
    if (entity.type !== 'release-group')
      throw new ProviderDataError(
        NAME,
        store.canonicalUrl(entity),
        `a ${entity.type} is not a release`,
      );
    // A master groups the versions of a release; its main release stands for it.
    const master = await get(`${api}/masters/${entity.id}`, discogsMaster);
    return release(master.main_release, [
      {
        level: 'info',
        provider: NAME,
        text: `Discogs master ${master.id} was looked up through its main release ${master.main_release}`,
      },
    ]);
  }

  const listArtistReleases = (entity: StoreEntity, options: ListingOptions) =>
    listDiscogsArtist(get, api, entity.id, options);

  function lookupByGtin(gtin: string): Promise<ProviderLookup> {
    return findByBarcode({
      provider: NAME,
      displayName: 'Discogs',
      gtin,
      rounds: barcodeRounds(gtin, BARCODE.forms),
      async search({ variant }) {
        const url = `${api}/database/search?barcode=${variant}&type=release`;
        const { results } = await get(url, discogsSearch);
        // The search is a text search: keep only releases whose barcode is this GTIN.
        const matches = results.filter(
          (r) => (r.type ?? 'release') === 'release' && r.barcode?.some((b) => sameGtin(b, gtin)),
        );
        return { url, matches };
      },
      open: (match) => release(match.id),
      describe: (m) => {
        const about = [m.catno, m.country, m.year].filter(
          (v) => v !== undefined && v !== null && v !== '',
        );
        return about.length ? `${m.id} (${about.join(', ')})` : String(m.id);
      },
    });
  }

  // Discogs' search needs authentication, so without a token there is no barcode look-up at
  // all: the look-up planner then leaves Discogs out of GTIN phases instead of failing there.
  if (!token) {
    ctx.logger.info('Discogs barcode look-ups need a personal token (providers.discogs.token)');
    return { lookupById, listArtistReleases };
  }
  return { lookupById, lookupByGtin, listArtistReleases };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Discogs',
  store,
  lookupTypes: ['release', 'release-group'],
  category: 'database',
  endpoints: { api: 'https://api.discogs.com' },
  // Discogs allows 60 requests a minute with a token and 25 without. Limits are declared, not
  // configured, so the lower one applies whichever way the provider runs.
  rateLimits: [{ endpoint: 'api', requests: 25, perMs: 60_000, concurrency: 2 }],
  requiredCredentials: [],
  optionalCredentials: ['token'],
  regions: 'worldwide',
  features: {
    gtinLookup: 'present',
    gtin: 'present',
    isrc: 'none',
    labels: 'good',
    catalogNumber: 'good',
    releaseDate: 'present',
    durations: 'present',
    artistCredits: 'good',
    availability: 'present',
    copyright: 'none',
    releaseTypes: 'present',
    coverSize: 600,
  },
  barcode: BARCODE,
  create: createClient,
};
