/**
 * An artist's albums at Apple: the iTunes look-up with `entity=album` answers the artist and up
 * to 200 of its collections in one storefront (the artist page's, else the first region). Apple
 * has no type field there: its titles say " - Single" and " - EP", which is the store's word.
 */
import { canonicalUrl, type StoreEntity } from '@liner/shared';
import { z } from 'zod';
import { type GetJson, readListing } from '../common/listing.ts';
import type { ArtistListing, ListingOptions } from '../types.ts';

/** The look-up's own ceiling for `limit`. */
const LIMIT = 200;

const itunesArtistLookup = z.object({
  results: z.array(
    z.looseObject({
      wrapperType: z.string(),
      artistName: z.string().optional(),
      collectionId: z.number().optional(),
      collectionName: z.string().optional(),
      releaseDate: z.string().optional(),
    }),
  ),
});

function typeOf(title: string): string {
  return / - Single$/.test(title) ? 'single' : / - EP$/.test(title) ? 'ep' : 'album';
}

export async function listItunesArtist(
  get: GetJson,
  api: string,
  entity: StoreEntity,
  options: ListingOptions,
): Promise<ArtistListing> {
  const region = (entity.region ?? options.regions[0] ?? 'US').toLowerCase();
  const url = `${api}/lookup?id=${entity.id}&entity=album&limit=${LIMIT}&country=${region}`;
  const listing = await readListing(
    'itunes',
    url,
    async (pageUrl) => {
      const { results } = await get(pageUrl, itunesArtistLookup);
      const artist = results.find((r) => r.wrapperType === 'artist');
      const items = results.flatMap((r) =>
        r.wrapperType === 'collection' && r.collectionId && r.collectionName
          ? [
              {
                url: canonicalUrl({
                  store: 'itunes',
                  type: 'release',
                  id: String(r.collectionId),
                  region: region.toUpperCase(),
                }),
                title: r.collectionName,
                type: typeOf(r.collectionName),
                ...(r.releaseDate ? { date: r.releaseDate.slice(0, 10) } : {}),
                ...(r.artistName ? { artist: r.artistName } : {}),
              },
            ]
          : [],
      );
      return { name: artist?.artistName, items };
    },
    options,
  );
  if (listing.releases.length >= LIMIT)
    listing.messages.push({
      level: 'warning',
      provider: 'itunes',
      text: `Apple's look-up lists at most ${LIMIT} releases of an artist: this artist may have more.`,
    });
  return listing;
}
