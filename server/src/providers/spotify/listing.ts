/**
 * An artist's releases at Spotify: `artists/{id}` for the name, then `artists/{id}/albums` in
 * pages of 50 by offset, the artist's own albums, singles and compilations (not the releases
 * of others they appear on), in the first region's market. `album_type` is the type.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, type ListingPage, nextOffset, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';

const PAGE = 50;

const spotifyArtist = z.object({ id: z.string(), name: z.string() });
const spotifyArtistAlbums = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      album_type: z.string().optional(),
      release_date: z.string().optional(),
      artists: z.array(z.object({ name: z.string() })).default([]),
    }),
  ),
  total: z.number().optional(),
});

export async function listSpotifyArtist(
  get: GetJson,
  api: string,
  id: string,
  options: ListingOptions,
): Promise<ArtistListing> {
  const artist = await get(`${api}/artists/${encodeURIComponent(id)}`, spotifyArtist);
  const market = options.regions[0] ? `&market=${options.regions[0]}` : '';
  const read = async (offset: number): Promise<ListingPage<number>> => {
    const url = `${api}/artists/${encodeURIComponent(id)}/albums?include_groups=album,single,compilation&limit=${PAGE}&offset=${offset}${market}`;
    const page = await get(url, spotifyArtistAlbums);
    return {
      name: artist.name,
      total: page.total,
      next: nextOffset(offset, page.items.length, page.total),
      items: page.items.map((album) => ({
        url: canonicalUrl({ store: 'spotify', type: 'release', id: album.id }),
        title: album.name,
        ...(album.album_type ? { type: album.album_type } : {}),
        ...(album.release_date ? { date: album.release_date } : {}),
        ...(album.artists.length ? { artist: album.artists.map((a) => a.name).join(', ') } : {}),
      })),
    };
  };
  return readListing('spotify', 0, read, options);
}
