/**
 * An artist's releases at Beatport: the artist's releases page (`/artist/{slug}/{id}/releases`)
 * carries a page of Beatport's API v4 release list in its react-query results, 50 a page with
 * the list's `count`. A release's `type.name` (Release, Album, EP...) is the store's type.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { validate } from '../common/fetch.ts';
import { type ListingPage, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';
import type { NextPage } from './api.ts';
import { isObject } from './read.ts';

const PER_PAGE = 50;

const listedRelease = z.looseObject({
  id: z.number(),
  name: z.string(),
  slug: z.string().optional(),
  new_release_date: z.string().nullish(),
  publish_date: z.string().nullish(),
  type: z.object({ name: z.string() }).nullish(),
  artists: z.array(z.object({ id: z.number().optional(), name: z.string() })).default([]),
});
const releaseList = z.looseObject({
  results: z.array(listedRelease),
  count: z.number().optional(),
});

/** The page's list of releases: results whose items are releases (a catalog number, no mix). */
function releasesOf(page: NextPage, url: string) {
  for (const { state } of page.props.pageProps.dehydratedState?.queries ?? []) {
    const data = state.data;
    if (!isObject(data) || !Array.isArray(data.results)) continue;
    const first = data.results[0];
    if (isObject(first) && ('mix_name' in first || !('catalog_number' in first))) continue;
    return validate(releaseList, data, 'beatport', url);
  }
  return { results: [], count: 0 };
}

export function listBeatportArtist(
  getPage: (url: string) => Promise<NextPage>,
  base: string,
  entity: { id: string; slug?: string | undefined },
  options: ListingOptions,
): Promise<ArtistListing> {
  const slug = entity.slug && /^[a-z0-9-]+$/i.test(entity.slug) ? entity.slug : '-';
  const read = async (n: number): Promise<ListingPage<number>> => {
    const url = `${base}/artist/${slug}/${entity.id}/releases?page=${n}&per_page=${PER_PAGE}`;
    const list = releasesOf(await getPage(url), url);
    const pages = Math.ceil((list.count ?? 0) / PER_PAGE);
    const own = list.results.flatMap((r) => r.artists).find((a) => String(a.id) === entity.id);
    return {
      name: own?.name,
      total: list.count,
      next: n < pages ? n + 1 : undefined,
      items: list.results.map((r) => ({
        url: canonicalUrl({
          store: 'beatport',
          type: 'release',
          id: String(r.id),
          slug: r.slug ?? '-',
        }),
        title: r.name,
        ...(r.type ? { type: r.type.name.toLowerCase() } : {}),
        ...((r.new_release_date ?? r.publish_date)
          ? { date: (r.new_release_date ?? r.publish_date)! }
          : {}),
        ...(r.artists.length ? { artist: r.artists.map((a) => a.name).join(', ') } : {}),
      })),
    };
  };
  return readListing('beatport', 1, read, options);
}
