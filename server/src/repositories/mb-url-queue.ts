import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import { mbUrlQueue } from '../db/schema.ts';
import { holderGone } from './instances.ts';
import type { MbUrlQueueRepository } from './types.ts';

export function mbUrlQueueRepository(db: Db, holderStaleMs: number): MbUrlQueueRepository {
  return {
    async enqueue(urls) {
      if (urls.length === 0) return;
      await db
        .insert(mbUrlQueue)
        .values([...new Set(urls)].map((url) => ({ url })))
        .onConflictDoNothing();
    },
    async claim(owner, limit, leaseMs) {
      const lease = `${Math.max(1, Math.round(leaseMs))} milliseconds`;
      // Oldest first; rows another instance is claiming at this very moment are skipped, not
      // waited for. A crashed instance's claims are taken over at once.
      const result = await db.execute(sql`
        update mb_url_queue set claimed_by = ${owner},
          claimed_until = clock_timestamp() + ${lease}::interval
        where url in (
          select url from mb_url_queue
          where claimed_until is null or claimed_until < clock_timestamp()
            or ${holderGone(sql.raw('claimed_by'), holderStaleMs)}
          order by queued_at, url limit ${limit}
          for update skip locked)
        returning url`);
      return rowsOf<{ url: string }>(result).map((row) => row.url);
    },
    async finish(owner, urls) {
      if (urls.length === 0) return;
      await db
        .delete(mbUrlQueue)
        .where(and(eq(mbUrlQueue.claimedBy, owner), inArray(mbUrlQueue.url, [...urls])));
    },
    async pending() {
      const result = await db.execute(sql`
        select count(*)::int as n from mb_url_queue
        where claimed_until is null or claimed_until < clock_timestamp()
          or ${holderGone(sql.raw('claimed_by'), holderStaleMs)}`);
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },
    async release(owner, urls) {
      if (urls.length === 0) return;
      await db
        .update(mbUrlQueue)
        .set({ claimedBy: null, claimedUntil: null })
        .where(and(eq(mbUrlQueue.claimedBy, owner), inArray(mbUrlQueue.url, [...urls])));
    },
  };
}
