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
}

export interface MbRelation {
  targetType: string;
  mbid: string;
  ended: boolean;
  typeId?: string | undefined;
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

export interface RateBudgetRepository {
  /**
   * Reserves the next slot of the named budget, `intervalMs` after the previous one, and returns
   * how long to wait for it. Atomic across processes sharing the database.
   */
  reserve(name: string, intervalMs: number): Promise<number>;
  /** Moves the next free slot to at least `delayMs` from now (after a 503 from upstream). */
  pushBack(name: string, delayMs: number): Promise<void>;
  /**
   * Counts one request against `limit` per `windowMs` window of the named budget, by the
   * database clock; returns 0 when it fits, else how long until the next window opens (the
   * caller asks again then). Atomic across processes sharing the database.
   */
  take(name: string, limit: number, windowMs: number): Promise<number>;
}

export interface Repositories {
  responses: ResponseRepository;
  providerReleases: ProviderReleaseRepository;
  providerCache: ProviderCacheRepository;
  lookups: LookupRepository;
  mbUrls: MbUrlRepository;
  rateBudgets: RateBudgetRepository;
}
