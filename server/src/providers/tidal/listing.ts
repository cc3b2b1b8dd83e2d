/**
 * An artist's albums at Tidal (OpenAPI v2): the artist by `filter[id]` for its name, then the
 * artist's `albums` relationship with the albums included, page after page by `links.next`
 * (a cursor), in the first region's catalogue. The album's `type` (ALBUM, EP, SINGLE) is the
 * store's type.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, type ListingPage, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';
import { tidalDocument, tidalRelationshipPage } from './api.ts';
import { titleWithVersion } from './parse.ts';

const albumAttributes = z.looseObject({
  title: z.string(),
  version: z.string().nullish(),
  releaseDate: z.string().optional(),
  type: z.string().optional(),
});

export async function listTidalArtist(
  get: GetJson,
  api: string,
  id: string,
  options: ListingOptions & { region: string },
): Promise<ArtistListing> {
  const { region } = options;
  const artists = await get(
    `${api}/artists?countryCode=${region}&filter%5Bid%5D=${encodeURIComponent(id)}`,
    tidalDocument,
  );
  const name = artists.data.find((r) => r.type === 'artists' && r.id === id)?.attributes.name;
  // Relationship links are relative to the v2 root ("/artists/1/relationships/albums?...").
  const absolute = (link: string) => (/^https?:\/\//.test(link) ? link : `${api}${link}`);
  const read = async (url: string): Promise<ListingPage> => {
    const page = await get(url, tidalRelationshipPage);
    const albums = new Map(
      page.included.filter((r) => r.type === 'albums').map((r) => [r.id, r] as const),
    );
    const items = page.data.flatMap((identifier) => {
      const album = albums.get(identifier.id);
      const parsed = album && albumAttributes.safeParse(album.attributes);
      if (!parsed?.success) return [];
      const a = parsed.data;
      return [
        {
          url: canonicalUrl({ store: 'tidal', type: 'release', id: identifier.id }),
          title: titleWithVersion(a.title, a.version ?? undefined),
          ...(a.type ? { type: a.type.toLowerCase() } : {}),
          ...(a.releaseDate ? { date: a.releaseDate } : {}),
        },
      ];
    });
    const next = page.links?.next;
    return {
      name: typeof name === 'string' ? name : undefined,
      items,
      next: next ? absolute(next) : undefined,
    };
  };
  const first = `${api}/artists/${encodeURIComponent(id)}/relationships/albums?countryCode=${region}&include=albums`;
  return readListing('tidal', first, read, options);
}
