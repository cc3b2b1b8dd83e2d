/**
 * Deezer public API response shapes (https://developers.deezer.com/api), as far as Liner reads
 * them. Validated with zod so a changed or broken body fails with the field that is wrong.
 */
import { z } from 'zod';

export const deezerError = z.object({
  error: z.object({
    type: z.string().optional(),
    message: z.string().optional(),
    code: z.number().optional(),
  }),
});

const artist = z.object({ id: z.number(), name: z.string(), role: z.string().optional() });

export const deezerTrack = z.object({
  id: z.number(),
  title: z.string(),
  title_version: z.string().optional(),
  isrc: z.string().optional(),
  duration: z.number().optional(),
  track_position: z.number().optional(),
  disk_number: z.number().optional(),
  available_countries: z.array(z.string()).optional(),
  artist: artist.optional(),
  contributors: z.array(artist).optional(),
});
export type DeezerTrack = z.infer<typeof deezerTrack>;

export const deezerTrackPage = z.object({
  data: z.array(deezerTrack),
  total: z.number().optional(),
  next: z.string().optional(),
});

export const deezerAlbum = z.object({
  id: z.number(),
  title: z.string().min(1),
  upc: z.string().optional(),
  link: z.string().optional(),
  cover_xl: z.string().nullish(),
  label: z.string().optional(),
  nb_tracks: z.number().optional(),
  release_date: z.string().optional(),
  record_type: z.string().optional(),
  contributors: z.array(artist).optional(),
  artist: artist.optional(),
  tracks: deezerTrackPage.optional(),
});
export type DeezerAlbum = z.infer<typeof deezerAlbum>;
