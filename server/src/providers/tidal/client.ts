/**
 * Tidal look-ups through OpenAPI v2 with an app token. An album is one filtered request
 * (`/albums?countryCode=..&include=..&filter[id]=..`, the form the recorded corpus has) that
 * includes its first items and their artists; further items come from the relationship's
 * `links.next` pages, then their tracks and videos by ID. The catalogue differs by country, so
 * each preferred region is asked in turn. Albums v2 does not know are asked of v1 once.
 */
import { type StoreEntity, sameGtin, storeByName } from '@liner/shared';
import type { z } from 'zod';
import { NotFoundError, ProviderDataError, UpstreamError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { getJson } from '../common/fetch.ts';
import { appToken } from '../common/oauth.ts';
import { regionOrder } from '../common/regions.ts';
import type {
  BarcodeDeclaration,
  ProviderClient,
  ProviderContext,
  ProviderLookup,
} from '../types.ts';
import {
  type TidalIdentifier,
  type TidalResource,
  tidalDocument,
  tidalRelationshipPage,
} from './api.ts';
import { Included, readTidalAlbum, readTidalVideo } from './document.ts';
import { legacyAlbum, legacyItems, readLegacyAlbum } from './legacy.ts';
import { listTidalArtist } from './listing.ts';
import { buildTidalRelease, type TidalAlbum } from './parse.ts';

export const TIDAL_BARCODE: BarcodeDeclaration = {
  // filter[barcodeId] matches the string a distributor delivered: the recorded albums hold
  // "00602475093060" and "00602508779602" (a UPC-A padded to 14 digits) and "7320470230022" (an
  // EAN-13 as it is), so the 14-digit form goes first and the shorter ones beside it.
  forms: ['gtin14', 'short', 'ean13'],
  byDefault: true,
};

const NAME = 'tidal';
const store = storeByName(NAME);
const ALBUM_INCLUDE = 'artists,items.artists,providers,coverArt';
const VIDEO_INCLUDE = 'artists,providers';
const ITEM_INCLUDE = 'artists';
const V2 = 'application/vnd.api+json';
const V1 = 'application/vnd.tidal.v1+json';
/** Bounds paging: 50 pages is far beyond any real album. */
const MAX_PAGES = 50;
/** IDs per `filter[id]` request for the items of later pages. */
const ID_BATCH = 20;
/** Tidal needs a country; the one used when the look-up names none. */
const DEFAULT_REGION = 'US';
const VIDEO_ID = /^video\/(\d+)$/;

interface Found {
  primary: TidalResource;
  included: TidalResource[];
  url: string;
}

export function createTidalClient(ctx: ProviderContext): ProviderClient {
  const api = ctx.endpoints.api!;
  const legacy = ctx.endpoints.legacy!;
  const tokens = appToken(ctx, NAME, 'Tidal');

  const request = <T extends z.ZodType>(url: string, schema: T, accept: string, token: string) =>
    getJson(ctx.http, NAME, url, schema, {
      headers: { authorization: `Bearer ${token}`, accept },
    }).then((r) => r.data);

  const get = <T extends z.ZodType>(url: string, schema: T) =>
    tokens.getJson(url, schema, { accept: V2 });

  /** Relationship links are relative to the v2 root ("/albums/1/relationships/items?..."). */
  const absolute = (link: string) => (/^https?:\/\//.test(link) ? link : `${api}${link}`);

  /** The resources of `kind` whose `filter` is `value` in `region`, and the URL asked. */
  async function find(
    kind: 'albums' | 'videos',
    filter: 'id' | 'barcodeId',
    value: string,
    region: string,
  ): Promise<{ url: string; matches: Found[] }> {
    const include = kind === 'albums' ? ALBUM_INCLUDE : VIDEO_INCLUDE;
    const url = `${api}/${kind}?countryCode=${region}&include=${include}&filter%5B${filter}%5D=${value}`;
    const document = await get(url, tidalDocument);
    // The filter answers a list; only the asked-for resources are taken from it.
    const matches = document.data
      .filter(
        (r) =>
          r.type === kind &&
          (filter === 'id'
            ? r.id === value
            : sameGtin(String(r.attributes.barcodeId ?? ''), value)),
      )
      .map((primary) => ({ primary, included: document.included, url }));
    return { url, matches };
  }

  /**
   * Items beyond the first document. Each `links.next` is followed as Tidal sends it, its
   * `include` kept, so a page brings its tracks and their artists; only items a page did not
   * include are asked for by ID (with their artists).
   */
  async function laterItems(album: TidalResource, region: string) {
    const items: TidalIdentifier[] = [];
    const resources: TidalResource[] = [];
    let next = album.relationships.items?.links?.next;
    for (let page = 1; next && page <= MAX_PAGES; page++) {
      const data = await get(absolute(next), tidalRelationshipPage);
      items.push(...data.data);
      resources.push(...data.included);
      next = data.data.length > 0 ? data.links?.next : undefined;
    }
    const have = new Set(resources.map((r) => `${r.type}/${r.id}`));
    for (const kind of ['tracks', 'videos']) {
      const ids = items
        .filter((i) => i.type === kind && !have.has(`${kind}/${i.id}`))
        .map((i) => i.id);
      for (let start = 0; start < ids.length; start += ID_BATCH) {
        const batch = ids.slice(start, start + ID_BATCH).join(',');
        const url = `${api}/${kind}?countryCode=${region}&include=${ITEM_INCLUDE}&filter%5Bid%5D=${batch}`;
        const document = await get(url, tidalDocument);
        resources.push(...document.data, ...document.included);
      }
    }
    return { items, resources };
  }

  function result(album: TidalAlbum, apiUrl: string, notes: ProviderLookup['messages']) {
    if (album.items.length === 0)
      throw new ProviderDataError(NAME, apiUrl, 'the release has no tracks');
    const url = store.canonicalUrl({ store: NAME, type: 'release', id: album.id });
    const { release, messages } = buildTidalRelease(album, url);
    return {
      release,
      messages: [...notes, ...messages],
      id: album.id,
      url,
      apiUrl,
      region: album.region,
    };
  }

  async function albumFrom({ primary, included, url }: Found, region: string) {
    const later = await laterItems(primary, region);
    const index = new Included([...included, ...later.resources], url);
    const items = [...(primary.relationships.items?.data ?? []), ...later.items];
    const album = readTidalAlbum({ album: primary, items, included: index, region, url });
    return result(album, url, index.messages);
  }

  function videoFrom({ primary, included, url }: Found, region: string) {
    const index = new Included(included, url);
    return result(readTidalVideo(primary, index, region, url), url, index.messages);
  }

  /**
   * v1, for an album v2 does not know. Its answers are only ever a fallback, so whatever
   * goes wrong there (it may be gone) means "not there", and a refusal of the token by v1
   * must not throw away the token v2 accepts.
   */
  async function legacyLookup(id: string, region: string) {
    try {
      const token = await tokens.token();
      const url = `${legacy}/albums/${id}?countryCode=${region}`;
      const { resource } = await request(url, legacyAlbum, V1, token);
      const entries: z.output<typeof legacyItems>['data'] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const pageUrl = `${legacy}/albums/${id}/items?countryCode=${region}&limit=100&offset=${entries.length}`;
        const data = await request(pageUrl, legacyItems, V1, token);
        entries.push(...data.data);
        if (data.data.length === 0 || entries.length >= data.metadata.total) break;
      }
      const { album, messages } = readLegacyAlbum(resource, entries, region);
      return result(album, url, messages);
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.kind === 'credentials') throw error;
      ctx.logger.debug({ err: error.message }, 'Tidal v1 fallback found nothing');
      return undefined;
    }
  }

  const regionsFor = (regions: readonly string[], entity?: StoreEntity) =>
    regionOrder(regions.length ? regions : [DEFAULT_REGION], entity?.region);

  return {
    listArtistReleases: (entity, options) =>
      listTidalArtist(get, api, entity.id, {
        ...options,
        region: regionsFor(options.regions, entity)[0]!,
      }),
    async lookupById(entity, regions) {
      const video = VIDEO_ID.exec(entity.id)?.[1];
      if (!video && !/^\d+$/.test(entity.id))
        throw new ProviderDataError(NAME, entity.id, `"${entity.id}" is not a Tidal album ID`);
      const order = regionsFor(regions, entity);
      for (const region of order) {
        const [found] = (await find(video ? 'videos' : 'albums', 'id', video ?? entity.id, region))
          .matches;
        if (found) return video ? videoFrom(found, region) : albumFrom(found, region);
      }
      const old = video ? undefined : await legacyLookup(entity.id, order[0]!);
      if (old) return old;
      throw new NotFoundError(
        NAME,
        store.canonicalUrl(entity),
        `Tidal has no ${video ? 'video' : 'album'} ${video ?? entity.id} in ${order.join(', ')}`,
      );
    },
    lookupByGtin(gtin, regions) {
      const order = regionsFor(regions);
      return findByBarcode({
        provider: NAME,
        displayName: 'Tidal',
        gtin,
        rounds: barcodeRounds(gtin, TIDAL_BARCODE.forms, order),
        search: ({ variant, region }) => find('albums', 'barcodeId', variant, region!),
        open: (found, { region }) => albumFrom(found, region!),
        describe: (found) => found.primary.id,
        where: `in ${order.join(', ')}`,
      });
    },
  };
}
