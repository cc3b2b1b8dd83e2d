/**
 * An artist's releases at Discogs: `artists/{id}` for the name, then `artists/{id}/releases` in
 * pages of 100 (the answer's pagination says how many). Only the artist's own ("Main") entries:
 * a master (the release group) where Discogs groups versions, else the release. The type is
 * Discogs' own ("master" or "release") with the format it lists.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, type ListingPage, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';

const PAGE = 100;

const discogsArtist = z.object({ id: z.number(), name: z.string() });
const discogsArtistReleases = z.object({
  pagination: z.object({ page: z.number(), pages: z.number(), items: z.number().optional() }),
  releases: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      title: z.string(),
      year: z.number().optional(),
      role: z.string().optional(),
      artist: z.string().optional(),
      format: z.string().optional(),
    }),
  ),
});

export async function listDiscogsArtist(
  get: GetJson,
  api: string,
  id: string,
  options: ListingOptions,
): Promise<ArtistListing> {
  const artist = await get(`${api}/artists/${id}`, discogsArtist);
  let others = 0;
  const read = async (page: number): Promise<ListingPage<number>> => {
    const url = `${api}/artists/${id}/releases?sort=year&sort_order=asc&page=${page}&per_page=${PAGE}`;
    const data = await get(url, discogsArtistReleases);
    const own = data.releases.filter((r) => (r.role ?? 'Main') === 'Main');
    others += data.releases.length - own.length;
    return {
      name: artist.name,
      ...(data.pagination.items !== undefined ? { total: data.pagination.items } : {}),
      next: page < data.pagination.pages ? page + 1 : undefined,
      items: own.map((r) => ({
        url: canonicalUrl({
          store: 'discogs',
          type: r.type === 'master' ? 'release-group' : 'release',
          id: String(r.id),
        }),
        title: r.title,
        type: r.format ? `${r.type} (${r.format})` : r.type,
        ...(r.year ? { date: String(r.year) } : {}),
        ...(r.artist ? { artist: r.artist } : {}),
      })),
    };
  };
  const listing = await readListing('discogs', 1, read, options);
  if (others)
    listing.messages.push({
      level: 'info',
      provider: 'discogs',
      text: `${others} entries where the artist is credited otherwise (appearances, remixes, production) are left out.`,
    });
  return listing;
}
