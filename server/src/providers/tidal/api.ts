/**
 * Tidal OpenAPI v2 (https://developer.tidal.com): JSON:API documents of
 * resources (`data`, `included`) joined by relationships, paged by `links.next`. The document
 * is validated as a whole; each resource's attributes are validated by kind when they are read,
 * so a changed field is named with the resource it belongs to.
 */
import { z } from 'zod';

export const tidalIdentifier = z.object({
  id: z.string(),
  type: z.string(),
  meta: z
    .object({
      volumeNumber: z.number().int().positive().optional(),
      trackNumber: z.number().int().positive().optional(),
    })
    .optional(),
});
export type TidalIdentifier = z.infer<typeof tidalIdentifier>;

const links = z.object({ self: z.string().optional(), next: z.string().nullish() }).optional();

const relationship = z.object({ data: z.array(tidalIdentifier).optional(), links });

export const tidalResource = z.object({
  id: z.string(),
  type: z.string(),
  attributes: z.record(z.string(), z.unknown()).default({}),
  relationships: z.record(z.string(), relationship).default({}),
});
export type TidalResource = z.infer<typeof tidalResource>;

/** A filtered list (`/albums?filter[id]=...`): the matches and what they include. */
export const tidalDocument = z.object({
  data: z.array(tidalResource),
  included: z.array(tidalResource).default([]),
  links,
});

/** A page of a relationship (`/albums/{id}/relationships/items`): identifiers plus includes. */
export const tidalRelationshipPage = z.object({
  data: z.array(tidalIdentifier),
  included: z.array(tidalResource).default([]),
  links,
});

const image = z.object({
  href: z.string(),
  meta: z.object({ width: z.number().optional(), height: z.number().optional() }).optional(),
});
export type TidalImage = z.infer<typeof image>;

/** Older documents have a string, newer ones `{ text }`. */
const copyright = z.union([z.string(), z.object({ text: z.string() })]).nullish();

export const albumAttributes = z.object({
  title: z.string().min(1),
  barcodeId: z.string().nullish(),
  numberOfVolumes: z.number().int().optional(),
  numberOfItems: z.number().int().optional(),
  releaseDate: z.string().nullish(),
  copyright,
  type: z.string().optional(),
  albumType: z.string().optional(),
  imageLinks: z.array(image).optional(),
});

/** Tracks and videos alike. */
export const itemAttributes = z.object({
  title: z.string(),
  version: z.string().nullish(),
  isrc: z.string().nullish(),
  duration: z.string().nullish(),
  copyright,
  releaseDate: z.string().nullish(),
});

export const nameAttributes = z.object({ name: z.string().min(1) });

export const artworkAttributes = z.object({ files: z.array(image).default([]) });
