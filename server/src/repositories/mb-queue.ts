/**
 * The queues of keys waiting for a MusicBrainz request, shared by every instance: URLs for
 * ws/2/url (mb_url_queue), ISRCs for the recording search (mb_isrc_queue). Both tables have the
 * same shape but for the key's name, so one repository serves both.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import { holderGone } from './instances.ts';
import type { MbQueueRepository } from './types.ts';

/** Each queue's table and key column. */
export const MB_QUEUES = {
  url: { table: 'mb_url_queue', key: 'url' },
  isrc: { table: 'mb_isrc_queue', key: 'isrc' },
} as const;

export type MbQueueName = keyof typeof MB_QUEUES;

const list = (keys: readonly string[]) =>
  sql.join(
    [...new Set(keys)].map((key) => sql`${key}`),
    sql`, `,
  );

export function mbQueueRepository(
  db: Db,
  name: MbQueueName,
  holderStaleMs: number,
): MbQueueRepository {
  const table = sql.identifier(MB_QUEUES[name].table);
  const key = sql.identifier(MB_QUEUES[name].key);
  /** Unclaimed, or claimed by a holder whose lease lapsed or who stopped beating. */
  const free: SQL = sql`(claimed_until is null or claimed_until < clock_timestamp()
    or ${holderGone(sql.raw('claimed_by'), holderStaleMs)})`;
  return {
    async enqueue(keys) {
      if (keys.length === 0) return [];
      const rows = sql.join(
        [...new Set(keys)].map((k) => sql`(${k})`),
        sql`, `,
      );
      const result = await db.execute(
        sql`insert into ${table} (${key}) values ${rows} on conflict do nothing
          returning ${key} as key`,
      );
      return rowsOf<{ key: string }>(result).map((row) => row.key);
    },
    async withdraw(keys) {
      if (keys.length === 0) return;
      await db.execute(
        sql`delete from ${table} where claimed_by is null and ${key} in (${list(keys)})`,
      );
    },
    async claim(owner, limit, leaseMs) {
      const lease = `${Math.max(1, Math.round(leaseMs))} milliseconds`;
      // One claim at a time across instances: two at the same moment would split the queue
      // between them (each skipping the rows the other is locking), two requests of the
      // 1 request/s budget for what one could ask. The lock lasts the claim's transaction only.
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${MB_QUEUES[name].table}))`);
        // Oldest first; a crashed instance's claims are taken over at once.
        const result = await tx.execute(sql`
          update ${table} set claimed_by = ${owner},
            claimed_until = clock_timestamp() + ${lease}::interval
          where ${key} in (
            select ${key} from ${table} where ${free}
            order by queued_at, ${key} limit ${limit}
            for update skip locked)
          returning ${key} as key`);
        return rowsOf<{ key: string }>(result).map((row) => row.key);
      });
    },
    async finish(owner, keys) {
      if (keys.length === 0) return;
      await db.execute(
        sql`delete from ${table} where claimed_by = ${owner} and ${key} in (${list(keys)})`,
      );
    },
    async pending() {
      const result = await db.execute(sql`select count(*)::int as n from ${table} where ${free}`);
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },
    async release(owner, keys) {
      if (keys.length === 0) return;
      await db.execute(
        sql`update ${table} set claimed_by = null, claimed_until = null
          where claimed_by = ${owner} and ${key} in (${list(keys)})`,
      );
    },
  };
}
