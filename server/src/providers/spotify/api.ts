/**
 * Spotify Web API response shapes (https://developer.spotify.com/documentation/web-api), as far
 * as Liner reads them: the album with its first page of simplified tracks, further track pages,
 * full track objects (the only place ISRCs appear) and album search results.
 */
import { z } from 'zod';

const artist = z.object({
  // Local files carry artists without an ID.
  id: z.string().nullish(),
  name: z.string(),
});
export type SpotifyArtist = z.infer<typeof artist>;

const image = z.object({
  url: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});
export type SpotifyImage = z.infer<typeof image>;

export const spotifyTrack = z.object({
  id: z.string(),
  name: z.string(),
  disc_number: z.number().int().positive(),
  track_number: z.number().int().positive(),
  duration_ms: z.number().int().nonnegative(),
  explicit: z.boolean().optional(),
  artists: z.array(artist),
  available_markets: z.array(z.string()).optional(),
  /** Present when Spotify relinked the track: the ID on this album is the linked one. */
  linked_from: z.object({ id: z.string() }).optional(),
});
export type SpotifyTrack = z.infer<typeof spotifyTrack>;

export const spotifyTrackPage = z.object({
  items: z.array(spotifyTrack),
  next: z.string().nullish(),
  total: z.number().int().optional(),
});

export const spotifyAlbum = z.object({
  id: z.string(),
  name: z.string().min(1),
  album_type: z.string(),
  /** Only in an artist's album listing, but read where present. */
  album_group: z.string().optional(),
  total_tracks: z.number().int().optional(),
  artists: z.array(artist),
  images: z.array(image).default([]),
  release_date: z.string().optional(),
  release_date_precision: z.enum(['year', 'month', 'day']).optional(),
  label: z.string().nullish(),
  copyrights: z.array(z.object({ text: z.string(), type: z.string().optional() })).default([]),
  external_ids: z.object({ upc: z.string().optional(), ean: z.string().optional() }).optional(),
  available_markets: z.array(z.string()).optional(),
  tracks: spotifyTrackPage,
});
export type SpotifyAlbum = z.infer<typeof spotifyAlbum>;

/** GET /v1/tracks?ids=...: in the order asked, null for an ID Spotify does not know. */
export const spotifyFullTracks = z.object({
  tracks: z.array(
    z
      .object({
        id: z.string(),
        external_ids: z.object({ isrc: z.string().optional() }).optional(),
      })
      .nullable(),
  ),
});

export const spotifyAlbumSearch = z.object({
  albums: z.object({
    // Nullable because the API's result lists may hold null entries.
    items: z.array(z.object({ id: z.string(), name: z.string().optional() }).nullable()),
    total: z.number().int().optional(),
  }),
});
