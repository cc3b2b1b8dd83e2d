/**
 * Example Store: what the provider is, where it fetches, how fast, what it supplies how well,
 * and the client. Found by its store's name; `provider` is the export the registry reads.
 */
import { type StoreEntity, storeByName } from '@liner/shared';
import { ProviderDataError } from '../../http/errors.ts';
import { getJson } from '../common/fetch.ts';
import type { ProviderContext, ProviderDeclaration, ProviderLookup } from '../types.ts';
import { exampleAlbum } from './api.ts';
import { parseExampleRelease } from './parse.ts';

const NAME = 'examplestore';
const store = storeByName(NAME);

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;
  return {
    async lookupById(entity: StoreEntity): Promise<ProviderLookup> {
      // Built from the recognized ID, never from the URL the user gave.
      const apiUrl = `${api}/albums/${encodeURIComponent(entity.id)}`;
      const { data } = await getJson(ctx.http, NAME, apiUrl, exampleAlbum);
      if (data.tracks.length === 0)
        throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
      const id = String(data.id);
      const url = store.canonicalUrl({ store: NAME, type: 'release', id });
      return { ...parseExampleRelease(data, url), id, url, apiUrl };
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: store.displayName,
  store,
  category: 'download',
  endpoints: { api: 'https://api.examplestore.example' },
  // From the store's documentation, or what it was seen to tolerate.
  rateLimits: [{ endpoint: 'api', requests: 1, perMs: 1000, concurrency: 1 }],
  requiredCredentials: [],
  regions: 'worldwide',
  features: {
    gtinLookup: 'none',
    gtin: 'present',
    isrc: 'present',
    labels: 'present',
    catalogNumber: 'none',
    releaseDate: 'present',
    durations: 'good',
    artistCredits: 'present',
    availability: 'none',
    copyright: 'none',
    releaseTypes: 'none',
    coverSize: 0,
  },
  create: createClient,
};
