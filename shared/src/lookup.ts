/**
 * What a look-up returns: the merged release, where each value came from, where providers
 * disagree, and what each provider said. Shared so the extension and the CLI read one shape.
 */
import { z } from 'zod';
import { mbidSchema, providerNameSchema, releaseSchema } from './model.ts';

export const messageSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  provider: providerNameSchema.optional(),
  text: z.string(),
});
export type LookupMessage = z.infer<typeof messageSchema>;

/** One provider's part in a look-up. */
export const providerInfoSchema = z.object({
  name: providerNameSchema,
  displayName: z.string(),
  /** The store's own ID of the release, when found. */
  id: z.string().optional(),
  /** The release page at the store (canonical form). */
  url: z.string().optional(),
  /** The API request that returned the release. */
  apiUrl: z.string().optional(),
  region: z.string().optional(),
  lookup: z.object({ method: z.enum(['id', 'gtin']), value: z.string() }),
  fetchedAt: z.string().optional(),
  cached: z.boolean().optional(),
  /** Requests this look-up sent to the store for this part (0 when answered from the cache). */
  requests: z.number().int().nonnegative().optional(),
  /** The longest run of those requests that went one after another (round trips waited for). */
  chain: z.number().int().nonnegative().optional(),
  error: z
    .object({
      kind: z.string(),
      /** One sentence for people, naming the provider. */
      message: z.string(),
      /** The technical detail, to fold away under the sentence. */
      detail: z.string().optional(),
      status: z.number().optional(),
      url: z.string().optional(),
    })
    .optional(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

/** A field where providers gave different values, with every alternative and its providers. */
export const conflictSchema = z.object({
  field: z.string(),
  chosen: providerNameSchema,
  alternatives: z.array(z.object({ providers: z.array(providerNameSchema), value: z.unknown() })),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Providers whose releases could not be merged with the chosen group, and why. */
export const incompatibilitySchema = z.object({
  providers: z.array(providerNameSchema),
  reason: z.string(),
  gtin: z.string().optional(),
  tracks: z.string(),
  title: z.string(),
});
export type Incompatibility = z.infer<typeof incompatibilitySchema>;

/**
 * A value no provider stated and Liner guessed (language, script, a release type, a placeholder
 * track), with what it was guessed from: the editor sees it is a guess and can judge the reason.
 */
export const guessSourceSchema = z.object({ guess: z.literal(true), reason: z.string().min(1) });
export type GuessSource = z.infer<typeof guessSourceSchema>;
/** Where a value came from: a provider, or a guess. */
export const valueSourceSchema = z.union([providerNameSchema, guessSourceSchema]);
export type ValueSource = z.infer<typeof valueSourceSchema>;

/**
 * The merged fields that have a provider order (merge.preferences): the merge ranks providers
 * per field, and the configuration names fields by these keys.
 */
export const MERGED_FIELDS = [
  'title',
  'artists',
  'gtin',
  'releaseDate',
  'labels',
  'types',
  'status',
  'packaging',
  'language',
  'script',
  'copyright',
  'media',
  'tracks.isrc',
  'tracks.length',
  'images',
  'availability',
] as const;
export type MergedField = (typeof MERGED_FIELDS)[number];

/**
 * One track's recording as matched by ISRC in MusicBrainz: the recording seeded for it, or why
 * none was (no ISRC, unknown ISRC, length or title differ, several fit equally).
 */
export const recordingMatchSchema = z.object({
  /** Medium and position, both counted from 1. */
  medium: z.number().int().positive(),
  position: z.number().int().positive(),
  title: z.string(),
  isrc: z.string().optional(),
  matched: z.boolean(),
  mbid: mbidSchema.optional(),
  /** The recording's title in MusicBrainz. */
  recordingTitle: z.string().optional(),
  reason: z.string(),
});
export type RecordingMatch = z.infer<typeof recordingMatchSchema>;

/** The existing release group seeded for this release (another edition), and why. */
export const releaseGroupChoiceSchema = z.object({
  mbid: mbidSchema,
  title: z.string(),
  reason: z.string(),
});
export type ReleaseGroupChoice = z.infer<typeof releaseGroupChoiceSchema>;

export const lookupResultSchema = z.object({
  /** Permalink ID. */
  id: z.string(),
  createdAt: z.string(),
  query: z.object({
    urls: z.array(z.string()),
    gtin: z.string().optional(),
    regions: z.array(z.string()),
    providers: z.array(providerNameSchema).optional(),
  }),
  /** Undefined only when no provider returned a release. */
  release: releaseSchema.optional(),
  /**
   * Field path ("title", "media", "labels", "tracks.isrc", "tracks.artists", "mbid") -> provider
   * that gave it. A field assembled from several providers (externalLinks, images, externalIds,
   * availableIn, excludedFrom) has one entry per item ("externalLinks.2": the first provider that
   * gave that link) besides the field's own entry, the provider of its first item. Per-track
   * values that come from their own provider have the track's path
   * ("media.0.tracks.3.recordingMbid"). A guessed value's source is `{guess: true, reason}`
   * (`types.1`: one guessed type; `language`, `script`; `media.0.tracks.4`: a placeholder track;
   * `releaseGroupMbid`: a release group chosen by a guessed type).
   */
  sources: z.record(z.string(), valueSourceSchema),
  conflicts: z.array(conflictSchema),
  incompatible: z.array(incompatibilitySchema),
  providers: z.array(providerInfoSchema),
  messages: z.array(messageSchema),
  /** MusicBrainz releases any of the release's store URLs are already linked to. */
  existing: z.array(z.object({ mbid: mbidSchema, url: z.string() })).default([]),
  /** Each track's MusicBrainz recording matched by ISRC, or why none (when matching ran). */
  recordings: z.array(recordingMatchSchema).optional(),
  /** The release group chosen from the matched recordings. */
  releaseGroup: releaseGroupChoiceSchema.optional(),
  /**
   * What the look-up cost upstream: store requests, MusicBrainz requests that carried its URLs
   * (shared with the look-ups waiting beside it), and the longest chain of requests that went one
   * after another over all of them.
   */
  cost: z
    .object({
      requests: z.number().int().nonnegative(),
      musicbrainzRequests: z.number().int().nonnegative(),
      chain: z.number().int().nonnegative(),
    })
    .optional(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;
