/**
 * The API's answers, each declared once: the server checks what it sends against them (tRPC
 * `.output()`), and the extension reads its types from the router and checks what it receives
 * with the same schemas. `LookupResult` lives in lookup.ts, the inputs in api.ts.
 */
import { z } from 'zod';
import { lookupResultSchema, messageSchema } from './lookup.ts';
import {
  imageSchema,
  linkTypeSchema,
  mbidSchema,
  PROVIDER_NAMES,
  providerNameSchema,
} from './model.ts';

const httpUrl = z.url({ protocol: /^https?$/ });

/** A release-editor seed: where the form posts and its ordered (name, value) fields. */
export const seedSchema = z.object({
  action: z.enum(['add', 'edit']),
  url: z.url(),
  fields: z.array(z.tuple([z.string(), z.string()]).readonly()),
});

export const seedProblemSchema = z.object({ field: z.string(), message: z.string() });

/** `seeds.build`: a seed with what the server's own validation found wrong with it. */
export const builtSeedSchema = seedSchema.extend({ problems: z.array(seedProblemSchema) });
export type BuiltSeed = z.output<typeof builtSeedSchema>;

/** An ISRC at its place in MusicBrainz's tracklist (medium and position count from 1). */
export const trackIsrcSchema = z.object({
  medium: z.number().int().positive(),
  position: z.number().int().positive(),
  title: z.string(),
  isrc: z.string(),
  /** The ISRC MusicBrainz has instead, for the ones that differ. */
  musicbrainz: z.string().optional(),
});
export type TrackIsrc = z.output<typeof trackIsrcSchema>;

/** The release fields an edit seed may fill besides links and barcode (docs/architecture.md#edit-seeds). */
export const EDIT_FIELDS = [
  'status',
  'packaging',
  'language',
  'script',
  'events',
  'labels',
  'annotation',
] as const;
export const editFieldSchema = z.enum(EDIT_FIELDS);
export type EditField = z.output<typeof editFieldSchema>;

/**
 * A field the stores know and MusicBrainz's release lacks, as a row the compare panel lists:
 * its words, and the release-editor fields the edit seed carries for it (so a seed built from
 * the listed rows carries exactly these).
 */
export const missingFieldSchema = z.object({
  field: editFieldSchema,
  label: z.string(),
  value: z.string(),
  /** The seed's (name, value) pairs for this row, indexes from 0. */
  seed: z.array(z.tuple([z.string(), z.string()]).readonly()),
});
export type MissingField = z.output<typeof missingFieldSchema>;

/** A field both have with different values: MusicBrainz's is kept, never overwritten. */
export const fieldDisagreementSchema = z.object({
  field: editFieldSchema,
  label: z.string(),
  musicbrainz: z.string(),
  stores: z.string(),
});
export type FieldDisagreement = z.output<typeof fieldDisagreementSchema>;

/** A store's page of one track, with the link types it carries as a recording's link. */
export const trackLinkSchema = z.object({
  url: httpUrl,
  provider: providerNameSchema,
  types: z.array(linkTypeSchema),
});
export type TrackLink = z.output<typeof trackLinkSchema>;

/**
 * One recording's store links MusicBrainz lacks, and its edit page seeded with exactly them
 * (`edit-recording.url.N.text` and `.link_type_id`, recording link types: docs/architecture.md).
 */
export const recordingLinksSchema = z.object({
  mbid: mbidSchema,
  /** Medium and position on the release, both counted from 1. */
  medium: z.number().int().positive(),
  position: z.number().int().positive(),
  title: z.string(),
  links: z.array(trackLinkSchema).min(1),
  editUrl: httpUrl,
});
export type RecordingLinks = z.output<typeof recordingLinksSchema>;

/** A recording of a MusicBrainz release at its place, with the URLs MusicBrainz links to it. */
export const heldRecordingSchema = z.object({
  mbid: mbidSchema,
  medium: z.number().int().positive(),
  position: z.number().int().positive(),
  title: z.string(),
  /** What a store's track at the same place is checked against before its pages are offered. */
  lengthMs: z.number().int().nonnegative().optional(),
  isrcs: z.array(z.string()).default([]),
  links: z.array(z.string()),
});
export type HeldRecording = z.output<typeof heldRecordingSchema>;

/** `musicbrainz.compare`: a release in MusicBrainz beside what the stores say of it. */
export const comparisonSchema = z.object({
  mbid: mbidSchema,
  musicbrainz: z.object({
    title: z.string(),
    gtin: z.string().optional(),
    links: z.array(z.string()),
    tracks: z.number().int().nonnegative(),
    /** Its recordings and their links (inc=recording-level-rels), in tracklist order. */
    recordings: z.array(heldRecordingSchema).default([]),
  }),
  lookup: lookupResultSchema.optional(),
  /** Store links MusicBrainz lacks, with the link types the store's data gives them. */
  missingLinks: z.array(
    z.object({
      url: httpUrl,
      provider: providerNameSchema.optional(),
      types: z.array(linkTypeSchema),
    }),
  ),
  /** Recordings whose store track pages MusicBrainz does not link, each with its edit page. */
  recordingLinks: z.array(recordingLinksSchema).default([]),
  missingIsrcs: z.array(trackIsrcSchema),
  differentIsrcs: z.array(trackIsrcSchema),
  barcode: z.object({
    musicbrainz: z.string().optional(),
    stores: z.string().optional(),
    agrees: z.boolean().optional(),
  }),
  /** Largest first. */
  coverArt: z.array(imageSchema),
  /** Release fields MusicBrainz lacks that the stores state; each is in the edit seed. */
  missingFields: z.array(missingFieldSchema).default([]),
  /** Release fields where MusicBrainz and the stores differ: not seeded, shown. */
  disagreements: z.array(fieldDisagreementSchema).default([]),
  /** The missing links (and a missing barcode) as an edit seed; absent when nothing is missing. */
  editSeed: builtSeedSchema.optional(),
  magicIsrcUrl: httpUrl
    .refine((url) => new URL(url).origin === 'https://magicisrc.kepstin.ca', {
      error: 'a MagicISRC link goes to magicisrc.kepstin.ca',
    })
    .optional(),
  messages: z.array(messageSchema),
});
export type Comparison = z.output<typeof comparisonSchema>;

/** `seeds.followUps`: what to do after an import. */
export const followUpActionsSchema = z.object({
  magicIsrcUrl: z.string().optional(),
  isrcCount: z.number().int().nonnegative(),
  entityLinks: z.array(
    z.object({
      entity: z.enum(['artist', 'label']),
      mbid: mbidSchema,
      name: z.string(),
      /** The GET-seeded edit page with the missing links filled in. */
      editUrl: z.string(),
      urls: z.array(z.string()),
    }),
  ),
  coverArt: z.array(imageSchema),
  releaseUrl: z.string(),
  /** Matched recordings whose store track pages MusicBrainz does not link to them. */
  recordingLinks: z.array(recordingLinksSchema).default([]),
});
export type FollowUpActions = z.output<typeof followUpActionsSchema>;
export type EntityLinkAction = FollowUpActions['entityLinks'][number];

/** `providers.list`: every registered provider, whether it runs, and why not. */
export const providerStatusSchema = z.object({
  name: z.enum(PROVIDER_NAMES),
  displayName: z.string(),
  enabled: z.boolean(),
  /** Why it is disabled. */
  reason: z.string().optional(),
  category: z.enum(['streaming', 'download', 'database']),
  gtinLookup: z.boolean(),
  hosts: z.array(z.string()),
});
export type ProviderStatus = z.output<typeof providerStatusSchema>;

/** `system.info`: what the options page's "test connection" shows. */
export const systemInfoSchema = z.object({
  name: z.literal('liner', { error: 'this server does not say it is Liner' }),
  version: z.string(),
  database: z.enum(['pglite', 'postgres', 'embedded']),
  /** The MusicBrainz site seeds go to. */
  musicbrainz: z.string(),
  /** The API token's name the request used, or "anonymous". */
  client: z.string(),
});
export type SystemInfo = z.output<typeof systemInfoSchema>;

/** A name the caller picks to ask `discography.progress` how far its listing is. */
export const progressIdSchema = z
  .string()
  .regex(/^[\w-]{8,64}$/, { error: 'a progress ID of 8-64 letters, digits, - or _' });

/**
 * The progress ID a page may choose: the extension's background puts the page's tab before it
 * (its number and a dash: at most 11 characters, browsers' tab IDs being 32-bit), and the whole must still be a progress ID.
 */
export const pageProgressIdSchema = progressIdSchema.max(40, {
  error: 'a progress ID of 8-40 letters, digits, - or _',
});

/** `discography.artist`'s input: a store's artist page. */
export const discographyInputSchema = z.object({
  url: z.string().max(2048, { error: 'a URL of at most 2048 characters' }),
  refresh: z.boolean().default(false),
  progressId: progressIdSchema.optional(),
});
export type DiscographyInput = z.input<typeof discographyInputSchema>;

/** `discography.progress`'s input. */
export const discographyProgressInputSchema = z.object({ progressId: progressIdSchema });

/**
 * Where a listed release stands in MusicBrainz: a release links its URL; only a release group of
 * the artist has its title (or links a Discogs master); nothing; or MusicBrainz could not be asked.
 */
export const DISCOGRAPHY_STATES = ['linked', 'release-group', 'missing', 'unknown'] as const;
export const discographyStateSchema = z.enum(DISCOGRAPHY_STATES);
export type DiscographyState = z.output<typeof discographyStateSchema>;

/** One release of an artist's listing at a store, with its state in MusicBrainz. */
export const listedReleaseSchema = z.object({
  /** The release's page at the store, in the form MusicBrainz keeps (the import's URL). */
  url: httpUrl,
  title: z.string(),
  /** The store's own type for it ("album", "single", "compile", "master"...), as it says it. */
  type: z.string().optional(),
  /** Release date as the store gives it (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: z.string().optional(),
  /** The credited artist, where the store lists it (appearances on others' releases). */
  artist: z.string().optional(),
  state: discographyStateSchema,
  /** The MusicBrainz releases linking the URL, or the release group matched. */
  mbids: z.array(mbidSchema).default([]),
  /** What MusicBrainz calls the linked release or matched release group. */
  musicbrainzTitle: z.string().optional(),
});
export type ListedRelease = z.output<typeof listedReleaseSchema>;

/** `discography.artist`: an artist's releases at one store, each with its MusicBrainz state. */
export const discographySchema = z.object({
  store: providerNameSchema,
  artist: z.object({
    url: httpUrl,
    name: z.string().optional(),
    /** The MusicBrainz artist linked to the store's artist page. */
    mbid: mbidSchema.optional(),
  }),
  releases: z.array(listedReleaseSchema),
  /** Pages of the store's listing read. */
  pages: z.number().int().nonnegative(),
  /** MusicBrainz requests this listing made (its URLs' batches and the artist's release groups). */
  musicbrainzRequests: z.number().int().nonnegative(),
  messages: z.array(messageSchema),
});
export type Discography = z.output<typeof discographySchema>;

/** `discography.progress`: how far a listing is (the store's pages, then MusicBrainz). */
export const discographyProgressSchema = z.object({
  phase: z.enum(['store', 'musicbrainz', 'done']),
  pages: z.number().int().nonnegative(),
  releases: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
});
export type DiscographyProgress = z.output<typeof discographyProgressSchema>;

/**
 * What look-ups are waiting for right now (lookup.queue): the MusicBrainz URLs queued behind its
 * rate limit, shared by every instance, and about how long until the last of them is asked.
 */
export const queueStatusSchema = z.object({
  /** Look-ups this server is working on. */
  lookupsRunning: z.number().int().nonnegative(),
  /** Whole-look-up deadline (lookup.deadline), in ms: no look-up waits longer for its answer. */
  deadlineMs: z.number().int().nonnegative(),
  musicbrainz: z.object({
    queuedUrls: z.number().int().nonnegative(),
    /** Until the next MusicBrainz request may go, in ms. */
    untilFreeMs: z.number().nonnegative(),
    /** About when the URLs queued now will all have been asked, in ms from now. */
    etaMs: z.number().nonnegative(),
  }),
});
export type QueueStatus = z.output<typeof queueStatusSchema>;
