/**
 * The JSON API Qobuz's own web player uses (https://www.qobuz.com/api.json/0.2). It has no public
 * documentation; these shapes are what album/get and album/search answer, as far as Liner reads
 * them. Qobuz sends null for absent values, hence nullish where a field may be missing.
 */
import { z } from 'zod';

/** Qobuz's error object: {"status": "error", "code": 404, "message": "No result matching..."}. */
export const qobuzError = z.object({
  status: z.literal('error'),
  code: z.number(),
  message: z.string(),
});

const artistRole = z.object({
  id: z.number().optional(),
  name: z.string(),
  /** "main-artist", "featured-artist", "composer"... */
  roles: z.array(z.string()).nullish(),
});

/** Album IDs are strings ("rjrikcvbggy0b", "0060254729482"), yet older ones may come as numbers. */
const albumId = z.union([z.string().min(1), z.number()]).transform(String);

const performer = z.object({ id: z.number().optional(), name: z.string() });

export const qobuzTrack = z.object({
  id: z.number(),
  title: z.string(),
  /** "Instrumental", "Remastered 2011": belongs in parentheses after the title. */
  version: z.string().nullish(),
  /** Seconds. */
  duration: z.number().nullish(),
  track_number: z.number(),
  /** Disc number, from 1. */
  media_number: z.number().nullish(),
  isrc: z.string().nullish(),
  performer: performer.nullish(),
  /** Every credit as text: "Name, Role, Role - Name, Role". */
  performers: z.string().nullish(),
});
export type QobuzTrack = z.infer<typeof qobuzTrack>;

export const qobuzTrackPage = z.object({
  offset: z.number().optional(),
  limit: z.number().optional(),
  total: z.number().optional(),
  items: z.array(qobuzTrack),
});

export const qobuzAlbum = z.object({
  id: albumId,
  title: z.string().min(1),
  version: z.string().nullish(),
  slug: z.string().nullish(),
  upc: z.string().nullish(),
  artist: performer.nullish(),
  artists: z.array(artistRole).nullish(),
  label: z.object({ id: z.number().optional(), name: z.string() }).nullish(),
  copyright: z.string().nullish(),
  /** "YYYY-MM-DD"; the download and streaming dates may be later re-releases. */
  release_date_original: z.string().nullish(),
  /** "album", "single", "epmini", "compilation"... */
  release_type: z.string().nullish(),
  tracks_count: z.number().nullish(),
  media_count: z.number().nullish(),
  image: z.object({ large: z.string().nullish(), small: z.string().nullish() }).nullish(),
  streamable: z.boolean().nullish(),
  downloadable: z.boolean().nullish(),
  purchasable: z.boolean().nullish(),
  tracks: qobuzTrackPage.nullish(),
});
export type QobuzAlbum = z.infer<typeof qobuzAlbum>;

export const qobuzSearch = z.object({
  albums: z
    .object({
      items: z.array(z.object({ id: albumId, upc: z.string().nullish() })),
    })
    .nullish(),
});
