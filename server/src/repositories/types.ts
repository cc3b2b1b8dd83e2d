/**
 * Repository interfaces: what the services need from storage, in their own terms. The Drizzle
 * implementations beside them are the only code that writes SQL.
 */
import type { ProviderName } from '@liner/shared';

export interface NewResponse {
  provider: string;
  url: string;
  status: number;
  contentType?: string | undefined;
  body: string;
  fetchedAt: Date;
}

export interface StoredResponse extends NewResponse {
  id: number;
  hash: string;
  firstFetchedAt: Date;
}

export interface ResponseRepository {
  /** Stores a response; the same body for the same URL is one row with its fetched-at moved on. */
  record(response: NewResponse): Promise<{ id: number; hash: string }>;
  get(id: number): Promise<StoredResponse | undefined>;
  latestForUrl(url: string): Promise<StoredResponse | undefined>;
}

export interface NewProviderRelease {
  provider: ProviderName;
  lookupKey: string;
  release: unknown;
  info: unknown;
  responseIds: number[];
  fetchedAt: Date;
}

export interface StoredProviderRelease extends NewProviderRelease {
  id: number;
  contentHash: string;
}

export interface ProviderReleaseRepository {
  save(release: NewProviderRelease): Promise<number>;
  get(id: number): Promise<StoredProviderRelease | undefined>;
  getMany(ids: readonly number[]): Promise<StoredProviderRelease[]>;
}

export interface CacheEntry {
  releaseId: number | null;
  error: unknown;
  fetchedAt: Date;
}

export type ClaimResult =
  | { state: 'claimed' }
  | { state: 'fresh'; entry: CacheEntry }
  | { state: 'leased'; until: Date };

export interface ProviderCacheRepository {
  /** The cached outcome when it was fetched at or after `freshSince`. */
  getFresh(provider: string, key: string, freshSince: Date): Promise<CacheEntry | undefined>;
  /**
   * Takes the right to fetch (provider, key) for `leaseMs`, unless a fresh entry exists (and
   * `force` is false) or another owner holds an unexpired lease.
   */
  claim(
    provider: string,
    key: string,
    owner: string,
    options: { freshSince: Date; leaseMs: number; force: boolean },
  ): Promise<ClaimResult>;
  /** Stores the outcome and ends the lease, if `owner` still holds it. */
  complete(
    provider: string,
    key: string,
    owner: string,
    outcome: { releaseId: number | null; error: unknown; fetchedAt: Date },
  ): Promise<void>;
  /** Ends a lease without an outcome (the fetch was abandoned). */
  release(provider: string, key: string, owner: string): Promise<void>;
}

/** The instances on this database and their heartbeats (repositories/instances.ts). */
export interface InstanceRepository {
  /** Starts (or restarts) instance `id`, freeing what an earlier process of that ID held. */
  register(id: string): Promise<void>;
  /** Says `id` is alive, by the database clock. */
  beat(id: string): Promise<void>;
  /** A graceful stop: frees what `id` holds and removes it. */
  leave(id: string): Promise<void>;
}

export interface NewLookup {
  id: string;
  query: unknown;
  queryKey: string;
  /** The result as JSON text. */
  result: string;
  sources: number[];
  createdAt: Date;
  reusableUntil: Date;
}

export interface LookupRepository {
  create(lookup: NewLookup): Promise<void>;
  get(id: string): Promise<NewLookup | undefined>;
  /** The newest look-up of this query, as its stored JSON text, if still reusable at `at`. */
  latestForQuery(queryKey: string, at: Date): Promise<{ id: string; result: string } | undefined>;
  /** The newest look-up of this query made at or before `at`, however old (a permalink). */
  madeBy(queryKey: string, at: Date): Promise<{ id: string } | undefined>;
}

export interface MbRelation {
  targetType: string;
  mbid: string;
  ended: boolean;
  typeId?: string | undefined;
  /** The target's title (release, release group, recording) or name (artist, label). */
  title?: string | undefined;
}

export interface MbUrlMapping {
  url: string;
  found: boolean;
  relations: MbRelation[];
  checkedAt: Date;
}

export interface MbUrlRepository {
  getMany(urls: readonly string[]): Promise<Map<string, MbUrlMapping>>;
  upsertMany(mappings: readonly MbUrlMapping[]): Promise<void>;
}

/** A release a recording is on, as MusicBrainz's recording search lists it. */
export interface MbRecordingRelease {
  mbid: string;
  title: string;
  /** The release's credit: artist MBIDs and names (the recording's when the search omits it). */
  artists: { mbid: string; name: string }[];
  releaseGroup?: { mbid: string; title: string; primaryType?: string | undefined } | undefined;
}

/** A MusicBrainz recording found by one of its ISRCs. */
export interface MbRecording {
  mbid: string;
  title: string;
  lengthMs?: number | undefined;
  video?: boolean | undefined;
  artists: { mbid: string; name: string }[];
  isrcs: string[];
  releases: MbRecordingRelease[];
}

export interface MbIsrcAnswer {
  isrc: string;
  found: boolean;
  recordings: MbRecording[];
  checkedAt: Date;
}

export interface MbIsrcRepository {
  getMany(isrcs: readonly string[]): Promise<Map<string, MbIsrcAnswer>>;
  upsertMany(answers: readonly MbIsrcAnswer[]): Promise<void>;
}

/**
 * Keys (URLs, ISRCs) waiting for a MusicBrainz request, shared by every instance (see
 * mb_url_queue, mb_isrc_queue).
 */
export interface MbQueueRepository {
  /**
   * Queues keys to be asked; a key already queued keeps its place. Returns the keys this call
   * put in the queue (not there before).
   */
  enqueue(keys: readonly string[]): Promise<string[]>;
  /**
   * Takes keys back out of the queue while nobody has claimed them: the caller queued them and
   * has found their answers stored meanwhile (by another instance, between its read and its
   * enqueue), so no request need carry them.
   */
  withdraw(keys: readonly string[]): Promise<void>;
  /** Takes up to `limit` unclaimed (or lapsed) keys, oldest first, for `leaseMs`. */
  claim(owner: string, limit: number, leaseMs: number): Promise<string[]>;
  /** Removes answered keys that `owner` claimed. */
  finish(owner: string, keys: readonly string[]): Promise<void>;
  /** Gives claimed keys back unanswered (the request failed), for any instance to ask again. */
  release(owner: string, keys: readonly string[]): Promise<void>;
  /** How many queued keys nobody has claimed (or whose claim lapsed). */
  pending(): Promise<number>;
}

export interface RateBudgetRepository {
  /**
   * Takes the named budget's moment to send now, if it has come (the next one is then
   * `intervalMs` later), and returns 0; else returns how long until it comes. Atomic across the
   * processes sharing the database.
   */
  claim(name: string, intervalMs: number): Promise<number>;
  /** How long until the named budget lets a request go (0: now); takes nothing. */
  nextFree(name: string): Promise<number>;
  /** Moves the next free moment to at least `delayMs` from now (after a 503 from upstream). */
  pushBack(name: string, delayMs: number): Promise<void>;
  /**
   * Counts one request against `limit` per `windowMs` window of the named budget, by the
   * database clock; returns 0 when it fits, else how long until the next window opens (the
   * caller asks again then). Atomic across processes sharing the database.
   */
  take(name: string, limit: number, windowMs: number): Promise<number>;
}

/** An open circuit breaker as the database has it (see host_breakers). */
export interface SharedBreakerState {
  /** Tries in a row without an answer when it opened. */
  failures: number;
  /** How long until its cool-down is over (0: a probe may go). */
  waitMs: number;
  /** Another instance's probe is out. */
  probing: boolean;
}

export interface BreakerRepository {
  /** The breaker of `key` ("provider host") if it is open, or undefined when it is closed. */
  state(key: string): Promise<SharedBreakerState | undefined>;
  /** Opens it (again) for `coolDownMs` from now; a probe that was out is over. */
  open(key: string, failures: number, coolDownMs: number): Promise<void>;
  /** Past its cool-down, makes this caller the one probe for `windowMs`; false if not. */
  claimProbe(key: string, windowMs: number): Promise<boolean>;
  close(key: string): Promise<void>;
}

export interface Repositories {
  responses: ResponseRepository;
  providerReleases: ProviderReleaseRepository;
  providerCache: ProviderCacheRepository;
  instances: InstanceRepository;
  lookups: LookupRepository;
  mbUrls: MbUrlRepository;
  mbUrlQueue: MbQueueRepository;
  mbIsrcQueue: MbQueueRepository;
  mbIsrcs: MbIsrcRepository;
  rateBudgets: RateBudgetRepository;
  breakers: BreakerRepository;
}
