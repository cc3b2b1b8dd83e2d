/**
 * Cache rules over the database. A "linked" answer holds for days (links are rarely removed);
 * "not linked" and an empty look-up hold for minutes, since the user may be about to add the
 * release. Expired rows are still returned, marked stale, so the extension keeps working from
 * what it has when the server is down.
 */

import type { Discography } from '@liner/shared/contracts';
import type { LookupResult } from '@liner/shared/lookup';
import type { CacheNote, Problem } from '../messages.ts';
import type { Comparison } from './comparison-view.ts';
import type {
  ComparisonRow,
  DiscographyRow,
  HistoryRow,
  LinerDatabase,
  LookupRow,
  UrlRow,
} from './db.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const TTL = {
  linked: 7 * 24 * HOUR,
  notLinked: 10 * MINUTE,
  release: 24 * HOUR,
  noRelease: 10 * MINUTE,
  /** Briefly: MusicBrainz changes as the user works on the release (the server caches too). */
  comparison: 10 * MINUTE,
  /**
   * An artist's listing: long enough to go back and forth between the panel and the releases
   * without asking the store's pages and MusicBrainz again, short enough that releases the user
   * just added show as linked on the next visit (the panel's "Check again" asks at once).
   */
  discography: 30 * MINUTE,
  /**
   * A listing MusicBrainz could not settle (it could not be asked, rows "not checked"): kept
   * to show while the server is down, asked again soon rather than read as MusicBrainz's word.
   */
  unsettledDiscography: MINUTE,
} as const;

/** Whether MusicBrainz answered for every row of a listing (no "not checked", no warning). */
function settledListing(discography: Discography): boolean {
  return (
    discography.releases.every((release) => release.state !== 'unknown') &&
    !discography.messages.some((m) => m.provider === 'musicbrainz' && m.level !== 'info')
  );
}

/** History kept for the popup; older entries are dropped. */
const HISTORY_LIMIT = 200;

/**
 * How long an expired answer is kept for when the server cannot be asked (stale badges, the
 * panel and seeds built here from a cached look-up); after that it is deleted.
 */
export const KEEP_EXPIRED = 30 * 24 * HOUR;
/** Pruning runs at most this often, on the first write after it is due. */
const PRUNE_EVERY = 6 * HOUR;

export interface Cached<T> {
  row: T;
  fresh: boolean;
}

/** The note on an answer shown from a cached row; with the reason when the server failed. */
export function cacheNote(row: { fetchedAt: number }, serverProblem?: Problem): CacheNote {
  return {
    fetchedAt: new Date(row.fetchedAt).toISOString(),
    ...(serverProblem ? { serverProblem: serverProblem.message } : {}),
  };
}

/** What a server answer through the cache comes to: a value (and a note when from the cache). */
export type ThroughCache<V> =
  | { ok: true; value: V; cache?: CacheNote }
  | { ok: false; problem: Problem };

/**
 * The cache-first rule of every server answer the extension keeps: the cached row while fresh
 * (unless refreshed), else the server's answer; when the server fails, the cached row with the
 * failure in its note, or the failure when nothing is cached.
 */
export async function throughCache<R extends { fetchedAt: number }, V>(
  cached: Cached<R> | undefined,
  refresh: boolean,
  fromRow: (row: R) => V,
  ask: () => Promise<V>,
  problemOf: (error: unknown) => Problem,
): Promise<ThroughCache<V>> {
  if (cached?.fresh && !refresh)
    return { ok: true, value: fromRow(cached.row), cache: cacheNote(cached.row) };
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    const problem = problemOf(error);
    if (!cached) return { ok: false, problem };
    return { ok: true, value: fromRow(cached.row), cache: cacheNote(cached.row, problem) };
  }
}

export function createCache(db: LinerDatabase, now: () => number = Date.now) {
  const mark = <T extends { expiresAt: number }>(row: T): Cached<T> => ({
    row,
    fresh: row.expiresAt > now(),
  });

  let lastPrune = Number.NEGATIVE_INFINITY;
  /** Drops the rows that expired more than KEEP_EXPIRED ago (each table has an expiresAt index). */
  const prune = async () => {
    const at = now();
    if (at - lastPrune < PRUNE_EVERY) return;
    lastPrune = at;
    const before = at - KEEP_EXPIRED;
    await Promise.all(
      [db.urls, db.lookups, db.comparisons, db.discographies].map((table) =>
        table.where('expiresAt').below(before).delete(),
      ),
    );
  };

  return {
    prune,

    async urlStates(urls: readonly string[]): Promise<Map<string, Cached<UrlRow>>> {
      const rows = await db.urls.bulkGet([...urls]);
      return new Map(rows.flatMap((row) => (row ? [[row.url, mark(row)] as const] : [])));
    },

    async putUrlStates(answers: readonly Pick<UrlRow, 'url' | 'status' | 'mbids' | 'titles'>[]) {
      await prune();
      const at = now();
      await db.urls.bulkPut(
        answers.map((answer) => ({
          ...answer,
          checkedAt: at,
          expiresAt: at + (answer.status === 'linked' ? TTL.linked : TTL.notLinked),
        })),
      );
    },

    /**
     * After an import the answer is about to change: ask again on the next visit, but keep the
     * old answer for when the server cannot be asked.
     */
    async expireUrlState(url: string) {
      await db.urls.update(url, { expiresAt: now() });
    },

    /**
     * The look-up cached for a page. `query` says what else was asked (regions, preferred
     * provider): a row asked otherwise is still returned, for when the server is down, but as
     * stale, so changed options apply at the next click instead of a day later.
     */
    async lookup(url: string, query?: string): Promise<Cached<LookupRow> | undefined> {
      const row = await db.lookups.get(url);
      if (!row) return undefined;
      const cached = mark(row);
      return query === undefined || row.query === query ? cached : { ...cached, fresh: false };
    },

    async putLookup(url: string, result: LookupResult, query = ''): Promise<LookupRow> {
      await prune();
      const at = now();
      const row: LookupRow = {
        url,
        query,
        permalink: result.id,
        result,
        fetchedAt: at,
        expiresAt: at + (result.release ? TTL.release : TTL.noRelease),
      };
      await db.lookups.put(row);
      return row;
    },

    async comparison(mbid: string): Promise<Cached<ComparisonRow> | undefined> {
      const row = await db.comparisons.get(mbid);
      return row ? mark(row) : undefined;
    },

    async putComparison(comparison: Comparison): Promise<ComparisonRow> {
      await prune();
      const at = now();
      const row = {
        mbid: comparison.mbid,
        comparison,
        fetchedAt: at,
        expiresAt: at + TTL.comparison,
      };
      await db.comparisons.put(row);
      return row;
    },

    async discography(url: string): Promise<Cached<DiscographyRow> | undefined> {
      const row = await db.discographies.get(url);
      return row ? mark(row) : undefined;
    },

    async putDiscography(url: string, discography: Discography): Promise<DiscographyRow> {
      await prune();
      const at = now();
      const ttl = settledListing(discography) ? TTL.discography : TTL.unsettledDiscography;
      const row = { url, discography, fetchedAt: at, expiresAt: at + ttl };
      await db.discographies.put(row);
      return row;
    },

    /** An edit was posted: the next comparison asks MusicBrainz itself, past every cache. */
    async comparisonEdited(mbid: string) {
      await db.comparisons.update(mbid, { expiresAt: now(), edited: true });
    },

    async addHistory(entry: Omit<HistoryRow, 'id' | 'at'>) {
      await db.history.add({ ...entry, at: now() });
      const count = await db.history.count();
      if (count > HISTORY_LIMIT) {
        const old = await db.history
          .orderBy('at')
          .limit(count - HISTORY_LIMIT)
          .primaryKeys();
        await db.history.bulkDelete(old);
      }
    },

    async recent(limit = 30): Promise<HistoryRow[]> {
      return db.history.orderBy('at').reverse().limit(limit).toArray();
    },
  };
}

export type Cache = ReturnType<typeof createCache>;
