/**
 * An artist's albums at Qobuz: `artist/get` with `extra=albums`, in pages of 100 by offset (the
 * albums' `total` says when to stop). The store URL keeps the album's slug, as MusicBrainz holds
 * Qobuz links; `product_type` (album, single, ep...) is the type where Qobuz gives it.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, type ListingPage, nextOffset, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';
import { withVersion } from './parse.ts';

const PAGE = 100;

const qobuzArtistAlbums = z.object({
  name: z.string().optional(),
  albums: z
    .object({
      total: z.number().optional(),
      items: z.array(
        z.object({
          id: z.union([z.string(), z.number()]).transform(String),
          title: z.string(),
          version: z.string().nullish(),
          slug: z.string().optional(),
          release_date_original: z.string().optional(),
          product_type: z.string().optional(),
          artist: z.object({ name: z.string() }).optional(),
        }),
      ),
    })
    .optional(),
});

export function listQobuzArtist(
  get: GetJson,
  api: string,
  id: string,
  options: ListingOptions,
): Promise<ArtistListing> {
  const region = options.regions[0];
  const read = async (offset: number): Promise<ListingPage<number>> => {
    const url = `${api}/artist/get?artist_id=${encodeURIComponent(id)}&extra=albums&limit=${PAGE}&offset=${offset}`;
    const page = await get(url, qobuzArtistAlbums);
    const items = page.albums?.items ?? [];
    return {
      name: page.name,
      total: page.albums?.total,
      next: nextOffset(offset, items.length, page.albums?.total),
      items: items.map((album) => ({
        url: canonicalUrl({
          store: 'qobuz',
          type: 'release',
          id: album.id,
          slug: album.slug || '-',
          ...(region ? { region } : {}),
        }),
        title: withVersion(album.title, album.version),
        ...(album.product_type ? { type: album.product_type } : {}),
        ...(album.release_date_original ? { date: album.release_date_original } : {}),
        ...(album.artist ? { artist: album.artist.name } : {}),
      })),
    };
  };
  return readListing('qobuz', 0, read, options);
}
