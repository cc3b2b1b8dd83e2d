/**
 * What Liner keeps of an OTOTOY release page (extract.ts reads it from the page; it is the
 * shape of the recorded corpus): cover thumbnail, title, artists and label with their OTOTOY
 * pages, the dates, and the track list with discs, per-track artists and lengths in seconds.
 */
import { z } from 'zod';

const linked = z.object({ name: z.string().min(1), url: z.string() });
export type OtotoyLinked = z.infer<typeof linked>;

export const ototoyPage = z.object({
  thumbUrl: z.string().optional(),
  albumMeta: z.object({
    title: z.string().min(1),
    artists: z.array(linked),
    /** OTOTOY's own release date of this (digital) edition. */
    releaseDate: z.string().optional(),
    /** The release date of the original edition. */
    originalReleaseDate: z.string().optional(),
    label: linked.extend({ catalogNumber: z.string().optional() }).optional(),
  }),
  trackList: z.array(
    z.object({
      title: z.string(),
      artists: z.array(linked).optional(),
      discNumber: z.number().int().positive().optional(),
      trackNumber: z.number().int().positive(),
      /** Seconds. */
      duration: z.number().nonnegative().optional(),
    }),
  ),
});
export type OtotoyPage = z.infer<typeof ototoyPage>;
