/**
 * OTOTOY (Japan): no API, so release pages are read. Fetching the page and reading it are
 * separate steps (extract.ts): only the extracted object is stored and replayed. OTOTOY has no
 * barcode search and shows no barcode.
 */
import { type StoreEntity, storeByName } from '@liner/shared';
import { ProviderDataError } from '../../http/errors.ts';
import { validate } from '../common/fetch.ts';
import type { ProviderContext, ProviderDeclaration, ProviderLookup } from '../types.ts';
import { ototoyPage } from './api.ts';
import { ototoyPageReader } from './extract.ts';
import { parseOtotoyPage } from './parse.ts';

const NAME = 'ototoy';
const store = storeByName(NAME);

function createClient(ctx: ProviderContext) {
  const site = ctx.endpoints.page!;

  return {
    async lookupById(entity: StoreEntity): Promise<ProviderLookup> {
      if (!/^\d+$/.test(entity.id))
        throw new ProviderDataError(NAME, entity.id, `"${entity.id}" is not an OTOTOY release`);
      const apiUrl = `${site}/_/default/p/${entity.id}`;
      const response = await ctx.http.request({
        provider: NAME,
        url: apiUrl,
        extract: await ototoyPageReader(),
      });
      const page = validate(ototoyPage, response.data, NAME, apiUrl);
      if (page.trackList.length === 0)
        throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
      const url = store.canonicalUrl({ store: NAME, type: 'release', id: entity.id });
      const { release, messages } = parseOtotoyPage(page, url);
      return { release, messages, id: entity.id, url, apiUrl, region: 'JP' };
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: store.displayName,
  store,
  category: 'download',
  endpoints: { page: 'https://ototoy.jp' },
  // No published limit; one page a second keeps a scraper polite.
  rateLimits: [{ endpoint: 'page', requests: 1, perMs: 1000, concurrency: 1 }],
  requiredCredentials: [],
  regions: ['JP'],
  features: {
    gtinLookup: 'none',
    gtin: 'none',
    isrc: 'none',
    labels: 'present',
    catalogNumber: 'present',
    releaseDate: 'present',
    durations: 'present',
    artistCredits: 'present',
    availability: 'none',
    copyright: 'none',
    releaseTypes: 'none',
    // The original covers run from 1500 to 3000 px.
    coverSize: 1500,
  },
  create: createClient,
};
