/**
 * Bandcamp: no API, so album and track pages are scraped. Fetching and extracting are separate
 * steps: extract.ts turns the page into the embedded JSON, which is all that is stored and
 * replayed. Bandcamp has no barcode search. Pages live on <band>.bandcamp.com, so the endpoint
 * is a {band} template and the allow-list is *.bandcamp.com.
 */
import { type StoreEntity, storeByName } from '@liner/shared';
import { ProviderDataError } from '../../http/errors.ts';
import { validate } from '../common/fetch.ts';
import type {
  ListingOptions,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import { bandcampPage } from './api.ts';
import { extractBandcampPage } from './extract.ts';
import { listBandcampArtist } from './listing.ts';
import { type BandcampEntity, parseBandcampRelease } from './parse.ts';

const NAME = 'bandcamp';
const store = storeByName(NAME);

/** Splits a recognized ID ("<band>/album/<slug>"); anything else is refused before fetching. */
function releaseParts(entity: StoreEntity): BandcampEntity {
  const [band, kind, slug, ...rest] = entity.id.split('/');
  const valid =
    entity.type === 'release' &&
    rest.length === 0 &&
    !!band &&
    /^[a-z0-9-]+$/i.test(band) &&
    (kind === 'album' || kind === 'track') &&
    !!slug &&
    /^[\w-]+$/.test(slug);
  if (!valid)
    throw new ProviderDataError(NAME, entity.id, `"${entity.id}" is not a Bandcamp release`);
  return { band: band.toLowerCase(), kind: kind as BandcampEntity['kind'], slug };
}

function createClient(ctx: ProviderContext) {
  const template = ctx.endpoints.page!;

  const page = async (url: string) => {
    const response = await ctx.http.request({ provider: NAME, url, expect: 'text' });
    return response.body;
  };

  return {
    listArtistReleases: (entity: StoreEntity, options: ListingOptions) =>
      listBandcampArtist(page, template.replace('{band}', entity.id), entity.id, options),
    async lookupById(entity: StoreEntity): Promise<ProviderLookup> {
      const parts = releaseParts(entity);
      const apiUrl = `${template.replace('{band}', parts.band)}/${parts.kind}/${parts.slug}`;
      const response = await ctx.http.request({
        provider: NAME,
        url: apiUrl,
        extract: extractBandcampPage,
      });
      const page = validate(bandcampPage, response.data, NAME, apiUrl);
      if (page.tralbum.trackinfo.length === 0)
        throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
      const id = `${parts.band}/${parts.kind}/${parts.slug}`;
      const url = store.canonicalUrl({ store: NAME, type: 'release', id });
      const { release, messages } = parseBandcampRelease(page, parts, url);
      return { release, messages, id, url, apiUrl };
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'Bandcamp',
  store,
  category: 'download',
  endpoints: { page: 'https://{band}.bandcamp.com' },
  // No published limit; one page a second keeps a scraper polite.
  rateLimits: [{ endpoint: 'page', requests: 1, perMs: 1000, concurrency: 1 }],
  requiredCredentials: [],
  regions: 'worldwide',
  features: {
    gtinLookup: 'none',
    gtin: 'present',
    isrc: 'bad',
    labels: 'bad',
    catalogNumber: 'none',
    releaseDate: 'good',
    // Fractional seconds: millisecond precision.
    durations: 'good',
    artistCredits: 'present',
    availability: 'none',
    copyright: 'none',
    releaseTypes: 'bad',
    coverSize: 3000,
  },
  create: createClient,
};
