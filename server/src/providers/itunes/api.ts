/**
 * iTunes Search API lookup responses (https://performance-partners.apple.com/search-api), as
 * far as Liner reads them: one collection result followed by its tracks and music videos.
 */
import { z } from 'zod';

export const itunesCollection = z.object({
  wrapperType: z.literal('collection'),
  collectionId: z.number(),
  collectionName: z.string().min(1),
  artistId: z.number().optional(),
  artistName: z.string(),
  artworkUrl100: z.string().optional(),
  trackCount: z.number().optional(),
  copyright: z.string().optional(),
  country: z.string().optional(),
  releaseDate: z.string().optional(),
  collectionViewUrl: z.string().optional(),
});
export type ItunesCollection = z.infer<typeof itunesCollection>;

export const itunesTrack = z.object({
  wrapperType: z.literal('track'),
  kind: z.string().optional(),
  trackId: z.number(),
  collectionId: z.number(),
  artistId: z.number().optional(),
  artistName: z.string(),
  trackName: z.string(),
  /** The title as shown with rude words masked; on music videos often the title with its version. */
  trackCensoredName: z.string().optional(),
  discNumber: z.number().optional(),
  discCount: z.number().optional(),
  trackNumber: z.number().optional(),
  /** Tracks on this track's disc. */
  trackCount: z.number().optional(),
  trackTimeMillis: z.number().optional(),
});
export type ItunesTrack = z.infer<typeof itunesTrack>;

/** Results other than collections and tracks (artists, for instance) are passed over. */
export const itunesLookup = z.object({
  resultCount: z.number(),
  results: z.array(z.looseObject({ wrapperType: z.string() })),
});
