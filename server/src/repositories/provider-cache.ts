import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { providerCache } from '../db/schema.ts';
import { holderGone } from './instances.ts';
import type { CacheEntry, ProviderCacheRepository } from './types.ts';

type Row = typeof providerCache.$inferSelect;

function toEntry(row: Row): CacheEntry | undefined {
  if (!row.fetchedAt) return undefined;
  return { releaseId: row.releaseId, error: row.error, fetchedAt: row.fetchedAt };
}

/**
 * The lease is a row lock by convention: `claim` is one upsert whose WHERE clause only lets it
 * take a row with no live lease and no fresh result, so of N concurrent callers on any number of
 * instances exactly one gets "claimed" and the rest wait for its outcome.
 */
export function providerCacheRepository(
  db: Db,
  now: () => Date,
  holderStaleMs: number,
): ProviderCacheRepository {
  // A lease ends when it runs out or when its holder stops beating (a crash, kill -9).
  const leaseOver = (current: Date) =>
    or(
      isNull(providerCache.leaseUntil),
      lt(providerCache.leaseUntil, current),
      holderGone(providerCache.leaseOwner, holderStaleMs),
    );
  const key = (provider: string, lookupKey: string) =>
    and(eq(providerCache.provider, provider), eq(providerCache.lookupKey, lookupKey));

  return {
    async getFresh(provider, lookupKey, freshSince) {
      const [row] = await db
        .select()
        .from(providerCache)
        .where(and(key(provider, lookupKey), gte(providerCache.fetchedAt, freshSince)));
      return row && toEntry(row);
    },

    async claim(provider, lookupKey, owner, { freshSince, leaseMs, force }) {
      const current = now();
      const leaseUntil = new Date(current.getTime() + leaseMs);
      const claimed = await db
        .insert(providerCache)
        .values({ provider, lookupKey, leaseOwner: owner, leaseUntil })
        .onConflictDoUpdate({
          target: [providerCache.provider, providerCache.lookupKey],
          set: { leaseOwner: owner, leaseUntil },
          setWhere: and(
            leaseOver(current),
            force
              ? sql`true`
              : or(isNull(providerCache.fetchedAt), lt(providerCache.fetchedAt, freshSince)),
          ),
        })
        .returning({ owner: providerCache.leaseOwner });
      if (claimed.length > 0) return { state: 'claimed' };
      const [row] = await db
        .select({ row: providerCache, over: sql<boolean>`${leaseOver(current)}` })
        .from(providerCache)
        .where(key(provider, lookupKey));
      const entry = row && toEntry(row.row);
      if (row && !row.over && row.row.leaseUntil)
        return { state: 'leased', until: row.row.leaseUntil };
      if (entry) return { state: 'fresh', entry };
      // The lease ended between the two statements: report it as leased-until-now so the
      // caller simply tries again.
      return { state: 'leased', until: current };
    },

    async complete(provider, lookupKey, owner, outcome) {
      await db
        .update(providerCache)
        .set({
          releaseId: outcome.releaseId,
          error: outcome.error ?? null,
          fetchedAt: outcome.fetchedAt,
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(
          and(
            key(provider, lookupKey),
            or(eq(providerCache.leaseOwner, owner), isNull(providerCache.leaseOwner)),
          ),
        );
    },

    async release(provider, lookupKey, owner) {
      await db
        .update(providerCache)
        .set({ leaseOwner: null, leaseUntil: null })
        .where(and(key(provider, lookupKey), eq(providerCache.leaseOwner, owner)));
    },
  };
}
