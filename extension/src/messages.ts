/**
 * The messages the extension's pages and content scripts send to the background, and what it
 * answers. Requests are checked with zod where they arrive (the background): a content script
 * runs beside a page it cannot trust, so nothing it sends is used unchecked. Answers come from
 * the background, which already checked the server's; their types per message are its handlers'
 * (background/listener.ts AnswerOf, carried by messaging.ts).
 */
import {
  type Discography,
  type DiscographyProgress,
  pageProgressIdSchema,
  type TrackIsrc,
} from '@liner/shared/contracts';
import type { LookupResult } from '@liner/shared/lookup';
import { mbidSchema } from '@liner/shared/model';
import type { Seed, SeedProblem } from '@liner/shared/seed/index';
import type { SeedTarget } from '@liner/shared/seed/validate';
import { z } from 'zod';
import type { ComparisonView } from './background/comparison-view.ts';
import { MAX_URLS_TO_CHECK } from './limits.ts';

const url = z.string().min(1).max(2048);
const mbid = mbidSchema;
const progressId = pageProgressIdSchema;

export const requestSchema = z.discriminatedUnion('type', [
  /** Badge state: which of the page's store URLs MusicBrainz already links. */
  z.object({ type: z.literal('check'), urls: z.array(url).min(1).max(MAX_URLS_TO_CHECK) }),
  /** The merged release of one store page. */
  z.object({ type: z.literal('lookup'), url, refresh: z.boolean().default(false) }),
  /** Build, validate and post the seed of a look-up in a new tab. */
  z.object({
    type: z.literal('import'),
    url,
    permalink: z.string().min(1).max(64),
    existing: mbid.optional(),
  }),
  /** The post page collecting the seed it was opened for. */
  z.object({ type: z.literal('seed.take'), id: z.string().min(1).max(64) }),
  /** The popup: recent look-ups and imports, and whether the server answers. */
  z.object({ type: z.literal('recent') }),
  /** The MusicBrainz site the options choose: the MusicBrainz script works there only. */
  z.object({ type: z.literal('mb.site') }),
  /** A MusicBrainz release beside what the stores say. */
  z.object({ type: z.literal('compare'), mbid, refresh: z.boolean().default(false) }),
  /** Post the compared release's missing store links as an edit seed, in a new tab. */
  z.object({ type: z.literal('compare.links'), mbid }),
  /**
   * The release editor's paste box: look a store URL or barcode up, and post its seed into the
   * editor tab that asked (which release, if any, is read from that tab's address).
   */
  z.object({
    type: z.literal('editor.import'),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('url'), url }),
      z.object({ kind: z.literal('gtin'), gtin: z.string().regex(/^\d{8,14}$/) }),
    ]),
  }),
  /**
   * A store artist's releases, each with its state in MusicBrainz (from the store's artist page,
   * or from a MusicBrainz artist page for one of the artist's store links). `progressId` names
   * the listing for "discography.progress"; the background ties it to the asking tab.
   */
  z.object({
    type: z.literal('discography'),
    url,
    progressId,
    refresh: z.boolean().default(false),
  }),
  /** How far the tab's listing with this progress ID is. */
  z.object({ type: z.literal('discography.progress'), progressId }),
  /** While a look-up runs: what it waits for at the server (MusicBrainz's queue, an estimate). */
  z.object({ type: z.literal('lookup.queue') }),
  /** The options page's "test connection". */
  z.object({
    type: z.literal('server.test'),
    serverUrl: z.url(),
    token: z.string().max(512).optional(),
  }),
]);
export type Request = z.input<typeof requestSchema>;
export type ParsedRequest = z.output<typeof requestSchema>;

/** Who sent a message: the page's URL and tab (handlers keep it, to tie a message to its tab). */
export interface Sender {
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export type ProblemKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'bad-answer'
  | 'not-found'
  | 'invalid-request'
  | 'disabled';

/** Something that went wrong, in words a user can act on. */
export interface Problem {
  kind: ProblemKind;
  message: string;
  /** The technical detail behind it, shown folded away. */
  detail?: string;
  /** Whether trying again may help (a retry button is offered). */
  retryable: boolean;
}

export type Failure = { ok: false; problem: Problem };

export interface UrlState {
  /** The URL as the page gave it. */
  url: string;
  canonicalUrl: string;
  /** "unknown": the server could not ask MusicBrainz just now (`error` says why). */
  status: 'linked' | 'not-linked' | 'unknown';
  mbids: string[];
  /** MusicBrainz's titles of the linked releases, by MBID (answers cached before 0.1 lack them). */
  titles?: Record<string, string>;
  error?: string;
  /**
   * The status is an older answer from the cache: MusicBrainz could not be asked again just now
   * (`reason`). A server that cannot be reached at all is said once, in the answer's CacheNote.
   */
  stale?: { checkedAt: string; reason: string };
}

/** Where an answer came from when it was not fresh from the server. */
export interface CacheNote {
  fetchedAt: string;
  /** The server could not be asked; this says why. */
  serverProblem?: string;
}

export type CheckResponse =
  | { ok: true; states: UrlState[]; musicbrainzUrl: string; cache?: CacheNote }
  | Failure;

export type LookupResponse =
  | {
      ok: true;
      result: LookupResult;
      /** The chosen MusicBrainz site, where the panel's links go. */
      musicbrainzUrl: string;
      cache?: CacheNote;
    }
  | Failure;

export type ImportResponse =
  | { ok: true; action: Seed['action']; builtLocally: boolean }
  | { ok: false; problem: Problem; seedProblems?: SeedProblem[] };

/** The seed, with the site and release it was validated for (the post page checks it again). */
export type SeedTakeResponse = { ok: true; seed: Seed; target: SeedTarget } | Failure;

export interface RecentEntry {
  kind: 'lookup' | 'import' | 'edit';
  at: string;
  url: string;
  title?: string;
  artist?: string;
  permalink?: string;
  mbid?: string;
}

export interface RecentResponse {
  ok: true;
  entries: RecentEntry[];
  serverUrl: string;
  server: { up: true; version: string } | { up: false; problem: Problem };
}

export type ServerTestResponse =
  | { ok: true; version: string; musicbrainz: string; database: string }
  | Failure;

export interface SiteResponse {
  ok: true;
  /** The chosen MusicBrainz site's origin. */
  musicbrainzUrl: string;
}

export type { ComparisonView } from './background/comparison-view.ts';

/** An ISRC at its place in MusicBrainz's tracklist (medium and position count from 1). */
export type PlacedIsrc = TrackIsrc;

/** How a provider's part of a look-up went: its failure in one sentence, the detail folded. */
export interface ProviderOutcome {
  name: string;
  displayName: string;
  error?: { message: string; detail?: string } | undefined;
}

export type CompareResponse = { ok: true; comparison: ComparisonView; cache?: CacheNote } | Failure;

export type DiscographyResponse =
  | {
      ok: true;
      discography: Discography;
      /** The chosen MusicBrainz site, where the panel's links go. */
      musicbrainzUrl: string;
      cache?: CacheNote;
    }
  | Failure;

/** null: the server knows no listing by that ID (not started yet, or long done). */
export type DiscographyProgressResponse =
  | { ok: true; progress: DiscographyProgress | null }
  | Failure;
