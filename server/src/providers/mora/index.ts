/**
 * mora (Japan): a package page names, in a meta tag, where its data lives on cf.mora.jp; the
 * package's packageMeta.json there holds the release. Fetching the page and extracting that
 * tag are separate steps (extract.ts): only the extracted object is stored and replayed. mora
 * has no barcode search. Every part of the data path is checked to be digits before it is used.
 */
import { type StoreEntity, storeByName } from '@liner/shared';
import { ProviderDataError } from '../../http/errors.ts';
import { getJson, validate } from '../common/fetch.ts';
import type { ProviderContext, ProviderDeclaration, ProviderLookup } from '../types.ts';
import { type MoraPageArguments, moraPackage, moraPageArguments } from './api.ts';
import { extractMoraPage } from './extract.ts';
import { parseMoraPackage } from './parse.ts';

const NAME = 'mora';
const store = storeByName(NAME);
const ID = /^(\d+)\/([\w-]+)$/;
const IMAGE = /^[\w.-]+\.(?:jpe?g|png)$/i;

/** The package's folder on cf.mora.jp: material number padded to 10 digits, cut 4/3/3. */
export function packageFolder(api: string, page: MoraPageArguments): string {
  const material = page.materialNo.padStart(10, '0');
  const path = `${material.slice(0, 4)}/${material.slice(4, 7)}/${material.slice(7)}`;
  return `${api}/contents/package/${page.mountPoint}/${page.labelId}/${path}/`;
}

function createClient(ctx: ProviderContext) {
  const site = ctx.endpoints.page!;
  const api = ctx.endpoints.api!;

  return {
    async lookupById(entity: StoreEntity): Promise<ProviderLookup> {
      if (!ID.test(entity.id))
        throw new ProviderDataError(NAME, entity.id, `"${entity.id}" is not a mora package`);
      const pageUrl = `${site}/package/${entity.id}/`;
      const page = await ctx.http.request({
        provider: NAME,
        url: pageUrl,
        extract: extractMoraPage,
      });
      const found = validate(moraPageArguments, page.data, NAME, pageUrl);
      const folder = packageFolder(api, found);
      const apiUrl = `${folder}packageMeta.json`;
      const { data } = await getJson(ctx.http, NAME, apiUrl, moraPackage);
      if (data.trackList.length === 0)
        throw new ProviderDataError(NAME, apiUrl, 'the package has no tracks');
      const url = store.canonicalUrl({ store: NAME, type: 'release', id: entity.id });
      const image = data.fullsizeimage?.trim();
      const cover = image && IMAGE.test(image) ? `${folder}${image}` : undefined;
      const { release, messages } = parseMoraPackage(data, { url, ...(cover ? { cover } : {}) });
      return { release, messages, id: entity.id, url, apiUrl, region: 'JP' };
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: store.displayName,
  store,
  category: 'download',
  endpoints: { page: 'https://mora.jp', api: 'https://cf.mora.jp' },
  // No published limits: a scraper's page a second, and the data files a little faster.
  rateLimits: [
    { endpoint: 'page', requests: 1, perMs: 1000, concurrency: 1 },
    { endpoint: 'api', requests: 2, perMs: 1000, concurrency: 2 },
  ],
  requiredCredentials: [],
  regions: ['JP'],
  features: {
    gtinLookup: 'none',
    // In its part numbers for many packages, not all.
    gtin: 'bad',
    isrc: 'none',
    labels: 'present',
    catalogNumber: 'bad',
    releaseDate: 'present',
    durations: 'present',
    // One name per package or track, several artists in one string.
    artistCredits: 'bad',
    availability: 'none',
    copyright: 'present',
    releaseTypes: 'none',
    // packageMeta's "full size" image is 200 px.
    coverSize: 200,
  },
  create: createClient,
};
