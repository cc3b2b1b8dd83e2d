/**
 * Apple Music and the iTunes Store through the iTunes lookup API: no credentials, one storefront
 * at a time. A release missing in one storefront is asked for in the next preferred one, and the
 * storefront that answered is kept (Apple's data, even its tracklist language, varies by region).
 */
import { gtinVariants, isValidGtin, type StoreEntity, storeByName } from '@liner/shared';
import { z } from 'zod';
import { NotFoundError, UpstreamError } from '../../http/errors.ts';
import { validate } from '../common/fetch.ts';
import { regionOrder } from '../common/regions.ts';
import type { ProviderContext, ProviderDeclaration, ProviderLookup } from '../types.ts';
import { itunesCollection, itunesLookup, itunesTrack } from './api.ts';
import { parseItunesRelease } from './parse.ts';

const NAME = 'itunes';

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;

  /** One storefront's answer, or undefined when Apple has nothing for the key there. */
  async function lookup(
    key: 'id' | 'upc',
    value: string,
    region: string,
    gtin?: string,
  ): Promise<ProviderLookup | undefined> {
    // The parameter order matches Apple's own links and the recorded corpus.
    const url = `${api}/lookup?entity=song&limit=200&${key}=${value}&country=${region.toLowerCase()}`;
    const { data } = await ctx.http.request({ provider: NAME, url, expect: 'json' });
    const parsed = validate(itunesLookup, data, NAME, url);
    const collections = parsed.results.filter((r) => r.wrapperType === 'collection');
    if (collections.length === 0) return undefined;
    const collection = validate(itunesCollection, collections[0], NAME, url);
    const trackResults = parsed.results.filter(
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
    if (collections.length > 1) {
      const others = collections
        .slice(1)
        .map((c) => String(c.collectionId))
        .join(', ');
      messages.push({
        level: 'warning',
        provider: NAME,
        text: `Apple has several releases for barcode ${value} in ${region}; used ${collection.collectionId}, others: ${others}`,
      });
    }
    return {
      release,
      messages,
      id: String(collection.collectionId),
      url: release.externalLinks![0]!.url,
      apiUrl: url,
      region,
    };
  }

  return {
    async lookupById(entity: StoreEntity, regions: readonly string[]) {
      for (const region of regionOrder(regions, entity.region)) {
        const found = await lookup('id', entity.id, region);
        if (found) return found;
      }
      throw new NotFoundError(
        NAME,
        entity.id,
        `Apple has no release ${entity.id} in ${regionOrder(regions, entity.region).join(', ')}`,
      );
    },
    async lookupByGtin(gtin: string, regions: readonly string[]) {
      // The given form in every storefront; the other paddings only in the first one. Apple
      // allows about 20 calls a minute, and a barcode it lacks would otherwise cost a dozen.
      const storefronts = regionOrder(regions);
      for (const [index, variant] of gtinVariants(gtin).entries()) {
        for (const region of index === 0 ? storefronts : storefronts.slice(0, 1)) {
          const found = await lookup(
            'upc',
            variant,
            region,
            isValidGtin(variant) ? variant : undefined,
          );
          if (found) return found;
        }
      }
      throw new NotFoundError(
        NAME,
        gtin,
        `Apple has no release with barcode ${gtin} in ${regionOrder(regions).join(', ')}`,
      );
    },
  };
}

export const itunesProvider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Apple Music / iTunes',
  store: storeByName(NAME),
  category: 'download',
  endpoints: { api: 'https://itunes.apple.com' },
  // Apple documents about 20 calls per minute for the Search API.
  rateLimits: [{ endpoint: 'api', requests: 20, perMs: 60_000, concurrency: 2 }],
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
  create: createClient,
};
