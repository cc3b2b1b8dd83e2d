/**
 * An artist's albums at Deezer: `artist/{id}` for the name, then `artist/{id}/albums` in pages of
 * 100 by index (the answer's `total` says when to stop). Deezer's `record_type` is the type.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, type ListingPage, nextOffset, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';

const PAGE = 100;

const deezerArtist = z.object({ id: z.number(), name: z.string() });
const deezerArtistAlbums = z.object({
  data: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      release_date: z.string().optional(),
      record_type: z.string().optional(),
    }),
  ),
  total: z.number().optional(),
});

export async function listDeezerArtist(
  get: GetJson,
  api: string,
  id: string,
  options: ListingOptions,
): Promise<ArtistListing> {
  const artist = await get(`${api}/artist/${id}`, deezerArtist);
  const read = async (index: number): Promise<ListingPage<number>> => {
    const url = `${api}/artist/${id}/albums?index=${index}&limit=${PAGE}`;
    const page = await get(url, deezerArtistAlbums);
    return {
      name: artist.name,
      total: page.total,
      next: nextOffset(index, page.data.length, page.total),
      items: page.data.map((album) => ({
        url: canonicalUrl({ store: 'deezer', type: 'release', id: String(album.id) }),
        title: album.title,
        ...(album.record_type ? { type: album.record_type } : {}),
        ...(album.release_date ? { date: album.release_date } : {}),
      })),
    };
  };
  return readListing('deezer', 0, read, options);
}
