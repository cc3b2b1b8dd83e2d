/**
 * MusicBrainz web service (ws/2, JSON) release and search responses, as far as Liner reads them
 * (https://musicbrainz.org/doc/MusicBrainz_API).
 */
import { z } from 'zod';

const artistCredit = z.array(
  z.object({
    name: z.string(),
    joinphrase: z.string().default(''),
    artist: z.object({ id: z.string(), name: z.string() }),
  }),
);
export type MbArtistCredit = z.infer<typeof artistCredit>;

const relations = z
  .array(
    z.object({
      type: z.string(),
      'target-type': z.string().optional(),
      ended: z.boolean().optional(),
      url: z.object({ resource: z.string() }).optional(),
    }),
  )
  .default([]);

export const mbTrack = z.object({
  number: z.string(),
  title: z.string(),
  length: z.number().nullish(),
  'artist-credit': artistCredit.optional(),
  recording: z
    .object({
      id: z.string(),
      length: z.number().nullish(),
      video: z.boolean().optional(),
      isrcs: z.array(z.string()).optional(),
      /** With inc=recording-level-rels+url-rels: the recording's links. */
      relations: relations.optional(),
    })
    .optional(),
});
export type MbTrack = z.infer<typeof mbTrack>;

export const mbRelease = z.object({
  id: z.string(),
  title: z.string().min(1),
  status: z.string().nullish(),
  packaging: z.string().nullish(),
  /** With inc=annotation: its text, null when it has none. */
  annotation: z.string().nullish(),
  barcode: z.string().nullish(),
  date: z.string().nullish(),
  'text-representation': z
    .object({ language: z.string().nullish(), script: z.string().nullish() })
    .optional(),
  'release-events': z
    .array(
      z.object({
        date: z.string().nullish(),
        area: z.object({ 'iso-3166-1-codes': z.array(z.string()).optional() }).nullish(),
      }),
    )
    .optional(),
  'artist-credit': artistCredit.default([]),
  'label-info': z
    .array(
      z.object({
        'catalog-number': z.string().nullish(),
        label: z.object({ id: z.string(), name: z.string() }).nullish(),
      }),
    )
    .default([]),
  'release-group': z
    .object({
      id: z.string(),
      'primary-type': z.string().nullish(),
      'secondary-types': z.array(z.string()).optional(),
    })
    .optional(),
  media: z
    .array(
      z.object({
        format: z.string().nullish(),
        title: z.string().nullish(),
        tracks: z.array(mbTrack).default([]),
      }),
    )
    .default([]),
  relations,
});
export type MbRelease = z.infer<typeof mbRelease>;

export const mbSearch = z.object({
  count: z.number().optional(),
  releases: z.array(
    z.object({
      id: z.string(),
      score: z.number().optional(),
      title: z.string(),
      barcode: z.string().nullish(),
      date: z.string().nullish(),
      country: z.string().nullish(),
    }),
  ),
});
