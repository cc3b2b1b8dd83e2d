/**
 * Discogs API response shapes (https://www.discogs.com/developers), only the fields Liner reads.
 * Discogs leaves many fields out or sends "" where a release has no value, so nearly everything
 * is optional; what the parser cannot do without (id, title, tracklist) is required.
 */
import { z } from 'zod';

export const discogsArtist = z.object({
  id: z.number().optional(),
  name: z.string(),
  /** Artist name variation: the name as credited on this release. */
  anv: z.string().optional(),
  /** Text joining this artist to the next, without surrounding spaces (",", "&", "Feat."). */
  join: z.string().optional(),
});
export type DiscogsArtist = z.infer<typeof discogsArtist>;

const trackFields = {
  position: z.string().optional(),
  /** "track", "index" (a group of sub-tracks) or "heading" (a title line, not a track). */
  type_: z.string().optional(),
  title: z.string(),
  duration: z.string().optional(),
  artists: z.array(discogsArtist).optional(),
};

export const discogsSubTrack = z.object(trackFields);
export type DiscogsSubTrack = z.infer<typeof discogsSubTrack>;

export const discogsTrack = z.object({
  ...trackFields,
  sub_tracks: z.array(discogsSubTrack).optional(),
});
export type DiscogsTrack = z.infer<typeof discogsTrack>;

export const discogsFormat = z.object({
  name: z.string(),
  /** Number of items of this format, as a string ("2"). */
  qty: z.string().optional(),
  descriptions: z.array(z.string()).optional(),
  text: z.string().optional(),
});
export type DiscogsFormat = z.infer<typeof discogsFormat>;

export const discogsLabel = z.object({
  id: z.number().optional(),
  name: z.string(),
  catno: z.string().optional(),
});
export type DiscogsLabel = z.infer<typeof discogsLabel>;

const identifier = z.object({
  type: z.string(),
  value: z.string(),
  description: z.string().optional(),
});

const image = z.object({
  type: z.string().optional(),
  uri: z.string(),
  uri150: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

export const discogsRelease = z.object({
  id: z.number(),
  title: z.string().min(1),
  artists: z.array(discogsArtist).optional(),
  labels: z.array(discogsLabel).optional(),
  formats: z.array(discogsFormat).optional(),
  /** Discogs styles; a few name a release type ("Audiobook", "Soundtrack"). */
  styles: z.array(z.string()).optional(),
  identifiers: z.array(identifier).optional(),
  images: z.array(image).optional(),
  tracklist: z.array(discogsTrack),
  country: z.string().nullish(),
  /** "YYYY-MM-DD" with "00" for unknown parts, or just the year. */
  released: z.string().nullish(),
  year: z.number().nullish(),
  master_id: z.number().nullish(),
});
export type DiscogsRelease = z.infer<typeof discogsRelease>;

export const discogsMaster = z.object({ id: z.number(), main_release: z.number() });

export const discogsSearch = z.object({
  results: z.array(
    z.object({
      id: z.number(),
      type: z.string().optional(),
      barcode: z.array(z.string()).optional(),
      // What tells editions with one barcode apart, in the warning that names the others.
      catno: z.string().nullish(),
      country: z.string().nullish(),
      year: z.union([z.string(), z.number()]).nullish(),
    }),
  ),
});
export type DiscogsSearch = z.infer<typeof discogsSearch>;
