/**
 * The harmonized release model: what every provider's parser returns, what the merge combines,
 * what the seed builder reads and what `liner lookup --json` prints. Field names are a public
 * contract (other tools read this JSON); add fields, never rename them.
 */
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from './entity.ts';
import { isValidGtin, parseIsrc } from './identifiers.ts';
import { STORES } from './stores/all.ts';

export { ENTITY_TYPES, type EntityType };

/** Every store's name, in the registry's order: a provider name is a store name. */
export type ProviderName = (typeof STORES)[number]['name'];
export const PROVIDER_NAMES = STORES.map(
  (store) => store.name,
) as readonly ProviderName[] as readonly [ProviderName, ...ProviderName[]];
export const providerNameSchema = z.enum(PROVIDER_NAMES);

export const entityTypeSchema = z.enum(ENTITY_TYPES);

export const mbidSchema = z.uuid();
const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code');

/** An entity's ID at one store, e.g. Deezer artist 27. */
export const externalIdSchema = z.object({
  provider: providerNameSchema,
  type: entityTypeSchema,
  id: z.string().min(1),
  region: countrySchema.optional(),
  /** Path slug where the store's canonical URL needs one (Bandcamp, Beatport). */
  slug: z.string().optional(),
});
export type ExternalId = z.infer<typeof externalIdSchema>;

export const artistCreditSchema = z.object({
  name: z.string().min(1),
  /** The name as credited on this release when it differs from the artist's own name. */
  creditedName: z.string().optional(),
  /** Text after this artist in the credit, spaces kept (" feat. ", " & ", ", "). */
  joinPhrase: z.string().optional(),
  mbid: mbidSchema.optional(),
  externalIds: z.array(externalIdSchema).default([]),
});
export type ArtistCredit = z.infer<typeof artistCreditSchema>;

export const releaseDateSchema = z.object({
  year: z.number().int().min(1000).max(9999).optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
});
export type ReleaseDate = z.infer<typeof releaseDateSchema>;

export const labelSchema = z.object({
  name: z.string().min(1),
  catalogNumber: z.string().optional(),
  mbid: mbidSchema.optional(),
  externalIds: z.array(externalIdSchema).default([]),
});
export type Label = z.infer<typeof labelSchema>;

/** An ISRC in its normalized form (12 characters, no dashes, upper case), as parseIsrc gives. */
export const isrcSchema = z
  .string()
  .refine((value) => parseIsrc(value) === value, { message: 'not an ISRC in normalized form' });

export const LINK_TYPES = [
  'free streaming',
  'paid streaming',
  'free download',
  'paid download',
  'mail order',
  'discography',
  'license',
] as const;
export const linkTypeSchema = z.enum(LINK_TYPES);
export type LinkType = z.infer<typeof linkTypeSchema>;

export const externalLinkSchema = z.object({
  url: z.url(),
  types: z.array(linkTypeSchema),
  provider: providerNameSchema.optional(),
});
export type ExternalLink = z.infer<typeof externalLinkSchema>;

export const trackSchema = z.object({
  /** Position as printed ("1", "A2"); free text, MusicBrainz strips leading zeros. */
  number: z.string().min(1),
  title: z.string(),
  artists: z.array(artistCreditSchema).optional(),
  lengthMs: z.number().int().nonnegative().optional(),
  isrc: isrcSchema.optional(),
  /** Every ISRC where a source lists several for one recording (MusicBrainz); isrc is the first. */
  isrcs: z.array(isrcSchema).optional(),
  type: z.enum(['audio', 'video']).optional(),
  /** A hidden (pregap) track before track 1. */
  hidden: z.boolean().optional(),
  recordingMbid: mbidSchema.optional(),
  externalIds: z.array(externalIdSchema).optional(),
  availableIn: z.array(countrySchema).optional(),
  /**
   * The recording's URL relationships as MusicBrainz holds them (its own releases only; a store's
   * track pages are its `externalIds` of type "track").
   */
  links: z.array(externalLinkSchema).optional(),
});
export type Track = z.infer<typeof trackSchema>;

export const mediumSchema = z.object({
  format: z.string().optional(),
  title: z.string().optional(),
  tracks: z.array(trackSchema),
});
export type Medium = z.infer<typeof mediumSchema>;

export const imageSchema = z.object({
  url: z.url(),
  thumbUrl: z.url().optional(),
  types: z.array(z.enum(['front', 'back', 'booklet', 'medium', 'other'])).default(['front']),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  provider: providerNameSchema.optional(),
  comment: z.string().optional(),
});
export type Image = z.infer<typeof imageSchema>;

export const RELEASE_STATUSES = ['Official', 'Promotion', 'Bootleg', 'Pseudo-Release'] as const;
export const PRIMARY_TYPES = ['Album', 'Single', 'EP', 'Broadcast', 'Other'] as const;
export const SECONDARY_TYPES = [
  'Compilation',
  'Soundtrack',
  'Spokenword',
  'Interview',
  'Audiobook',
  'Live',
  'Remix',
  'DJ-mix',
  'Mixtape/Street',
  'Demo',
] as const;
export const releaseTypeSchema = z.enum([...PRIMARY_TYPES, ...SECONDARY_TYPES]);
export type ReleaseType = z.infer<typeof releaseTypeSchema>;

export const releaseSchema = z.object({
  title: z.string().min(1),
  artists: z.array(artistCreditSchema),
  gtin: z
    .string()
    .regex(/^\d+$/, 'a GTIN of digits only')
    .refine(isValidGtin, 'a GTIN of 8, 12, 13 or 14 digits with a valid check digit')
    .optional(),
  releaseDate: releaseDateSchema.optional(),
  labels: z.array(labelSchema).default([]),
  status: z.enum(RELEASE_STATUSES).optional(),
  types: z.array(releaseTypeSchema).default([]),
  packaging: z.string().optional(),
  /** ISO 639-3. */
  language: z
    .string()
    .regex(/^[a-z]{3}$/)
    .optional(),
  /** ISO 15924. */
  script: z
    .string()
    .regex(/^[A-Z][a-z]{3}$/)
    .optional(),
  media: z.array(mediumSchema),
  externalLinks: z.array(externalLinkSchema).default([]),
  images: z.array(imageSchema).default([]),
  copyright: z.string().optional(),
  /** Free-text credits (producers, engineers) for the annotation. */
  credits: z.string().optional(),
  availableIn: z.array(countrySchema).optional(),
  excludedFrom: z.array(countrySchema).optional(),
  mbid: mbidSchema.optional(),
  releaseGroupMbid: mbidSchema.optional(),
  externalIds: z.array(externalIdSchema).default([]),
  /**
   * The release's annotation as MusicBrainz holds it (MusicBrainz only, read with
   * inc=annotation): "" when it has none; absent when it was not read.
   */
  annotation: z.string().optional(),
});
export type Release = z.infer<typeof releaseSchema>;
/** What parsers build: defaults may be omitted. */
export type ReleaseInput = z.input<typeof releaseSchema>;

export function trackCount(release: Pick<Release, 'media'>): number {
  return release.media.reduce((sum, medium) => sum + medium.tracks.length, 0);
}

/** "12+10" style summary used to compare tracklists across providers. */
export function trackCountSummary(release: Pick<Release, 'media'>): string {
  return release.media.map((medium) => medium.tracks.length).join('+');
}
