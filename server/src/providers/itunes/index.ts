/**
 * Apple Music and the iTunes Store through the iTunes lookup API: no credentials, one storefront
 * at a time. A release missing in one storefront is asked for in the next preferred one, and the
 * storefront that answered is kept (Apple's data, even its tracklist language, varies by region).
 */
import { isValidGtin, type StoreEntity, storeByName } from '@liner/shared';
import { z } from 'zod';
import { NotFoundError, UpstreamError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { validate } from '../common/fetch.ts';
import { firstInRounds, regionOrder, regionRounds } from '../common/regions.ts';
import type {
  BarcodeDeclaration,
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import { itunesCollection, itunesLookup, itunesTrack } from './api.ts';
import { listItunesArtist } from './listing.ts';
import { parseItunesRelease } from './parse.ts';

const NAME = 'itunes';

const BARCODE: BarcodeDeclaration = {
  // Apple's lookup compares the UPC it is given with its own: the Search API's documentation
  // asks with a UPC-A's 12 digits (upc=720642462928), and Harmony asks Apple the form given and
  // nothing else. One form per storefront.
  forms: ['short'],
  // Apple adds ms lengths, copyright, 3000 px covers and the storefront's availability, and most
  // releases are there: asked by default, one request when the first storefront has it.
  byDefault: true,
};

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;

  /** One storefront's answer: the collections Apple has for the key there, and their tracks. */
  async function ask(key: 'id' | 'upc', value: string, region: string) {
    // The parameter order matches Apple's own links and the recorded corpus.
    const url = `${api}/lookup?entity=song&limit=200&${key}=${value}&country=${region.toLowerCase()}`;
    const { data } = await ctx.http.request({ provider: NAME, url, expect: 'json' });
    const parsed = validate(itunesLookup, data, NAME, url);
    const matches = parsed.results
      .filter((r) => r.wrapperType === 'collection')
      .map((found) => ({ found, results: parsed.results, url, region }));
    return { url, matches };
  }

  type Answer = Awaited<ReturnType<typeof ask>>['matches'][number];

  function release({ found, results, url, region }: Answer, gtin?: string): ProviderLookup {
    const collection = validate(itunesCollection, found, NAME, url);
    const trackResults = results.filter(
      (r) => r.wrapperType === 'track' && r.collectionId === collection.collectionId,
    );
    // Validated as one list so a bad field is named with its track: "tracks.3.trackName".
    const { tracks } = validate(
      z.object({ tracks: z.array(itunesTrack) }),
      { tracks: trackResults },
      NAME,
      url,
    );
    if (tracks.length === 0) {
      throw new UpstreamError(
        'parse',
        NAME,
        url,
        `${NAME}: the release has no tracks in ${region}`,
      );
    }
    const { release, messages } = parseItunesRelease({
      collection,
      tracks,
      region,
      ...(gtin ? { gtin } : {}),
    });
    return {
      release,
      messages,
      id: String(collection.collectionId),
      url: release.externalLinks![0]!.url,
      apiUrl: url,
      region,
    };
  }

  async function getJson<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
    const { data } = await ctx.http.request({ provider: NAME, url, expect: 'json' });
    return validate(schema, data, NAME, url);
  }

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listItunesArtist(getJson, api, entity, options),
    async lookupById(entity: StoreEntity, regions: readonly string[]) {
      // The URL's storefront first; only when it lacks the release, the others at once.
      const outcome = await firstInRounds(
        regionRounds(regionOrder(regions, entity.region)),
        (region) => ask('id', entity.id, region),
        (answer) => answer.matches.length > 0,
      );
      if ('question' in outcome) return release(outcome.answer.matches[0]!);
      throw new NotFoundError(
        NAME,
        entity.id,
        `Apple has no release ${entity.id} in ${regionOrder(regions, entity.region).join(', ')}`,
      );
    },
    lookupByGtin(gtin: string, regions: readonly string[]) {
      const storefronts = regionOrder(regions);
      return findByBarcode({
        provider: NAME,
        displayName: 'Apple',
        gtin,
        rounds: barcodeRounds(gtin, BARCODE.forms, storefronts),
        search: ({ variant, region }) => ask('upc', variant, region!),
        open: (found, { variant }) => release(found, isValidGtin(variant) ? variant : undefined),
        describe: ({ found }) => String((found as { collectionId?: unknown }).collectionId),
        where: `in ${storefronts.join(', ')}`,
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Apple Music / iTunes',
  store: storeByName(NAME),
  category: 'download',
  endpoints: { api: 'https://itunes.apple.com' },
  // Apple documents about 20 calls per minute for the Search API.
  // Four at once: the preferred storefronts of a barcode's second round in one round trip.
  rateLimits: [{ endpoint: 'api', requests: 20, perMs: 60_000, concurrency: 4 }],
  requiredCredentials: [],
  regions: ['US', 'GB', 'DE', 'FR', 'JP', 'CA', 'AU', 'NL', 'SE', 'ES', 'IT', 'BR', 'MX', 'KR'],
  features: {
    gtinLookup: 'good',
    gtin: 'present',
    isrc: 'none',
    labels: 'none',
    catalogNumber: 'none',
    releaseDate: 'present',
    durations: 'good',
    artistCredits: 'bad',
    availability: 'bad',
    copyright: 'good',
    releaseTypes: 'present',
    coverSize: 3000,
  },
  barcode: BARCODE,
  create: createClient,
};
