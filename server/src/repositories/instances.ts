import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { instances, mbIsrcQueue, mbUrlQueue, providerCache } from '../db/schema.ts';
import type { InstanceRepository } from './types.ts';

/**
 * SQL that is true when `owner` is an instance known to this database whose heartbeat is older
 * than `staleMs` (by the database clock): it crashed or hangs, and what it holds may be taken
 * over. An owner that never registered (a test's fetcher, an older server) is judged by its
 * lease's end alone.
 */
export function holderGone(owner: unknown, staleMs: number) {
  const stale = `${Math.max(1, Math.round(staleMs))} milliseconds`;
  return sql`exists (select 1 from ${instances} where ${instances.id} = ${owner}
    and ${instances.heartbeatAt} < clock_timestamp() - ${stale}::interval)`;
}

/** Frees every fetch lease and claimed MusicBrainz URL or ISRC `id` holds. */
async function freeHeld(db: Db, id: string): Promise<void> {
  await db
    .update(providerCache)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(eq(providerCache.leaseOwner, id));
  for (const queue of [mbUrlQueue, mbIsrcQueue])
    await db
      .update(queue)
      .set({ claimedBy: null, claimedUntil: null })
      .where(eq(queue.claimedBy, id));
}

export function instanceRepository(db: Db): InstanceRepository {
  return {
    async register(id) {
      // A restarted instance (same ID) is not the process that took its old leases: they are
      // freed so its re-look-ups do not wait for fetches nobody runs any more.
      await freeHeld(db, id);
      await db
        .insert(instances)
        .values({ id, startedAt: sql`clock_timestamp()`, heartbeatAt: sql`clock_timestamp()` })
        .onConflictDoUpdate({
          target: instances.id,
          set: { startedAt: sql`clock_timestamp()`, heartbeatAt: sql`clock_timestamp()` },
        });
    },
    async beat(id) {
      const updated = await db
        .update(instances)
        .set({ heartbeatAt: sql`clock_timestamp()` })
        .where(eq(instances.id, id))
        .returning({ id: instances.id });
      // Deleted by an operator or a wiped table: come back, so the leases stay honoured.
      if (updated.length === 0) await db.insert(instances).values({ id }).onConflictDoNothing();
    },
    async leave(id) {
      await freeHeld(db, id);
      await db.delete(instances).where(eq(instances.id, id));
    },
  };
}
