import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { lookups } from '../db/schema.ts';
import type { LookupRepository } from './types.ts';

export function lookupRepository(db: Db): LookupRepository {
  // The warm look-up path runs this for every repeated question: prepared once, planned once.
  const latest = db
    .select({ id: lookups.id, result: lookups.result })
    .from(lookups)
    .where(
      and(
        eq(lookups.queryKey, sql.placeholder('key')),
        gt(lookups.reusableUntil, sql`${sql.placeholder('at')}::timestamptz`),
      ),
    )
    .orderBy(desc(lookups.createdAt))
    .limit(1)
    .prepare('liner_latest_lookup');
  return {
    async create(lookup) {
      await db.insert(lookups).values(lookup);
    },
    async get(id) {
      const [row] = await db.select().from(lookups).where(eq(lookups.id, id));
      return row;
    },
    async latestForQuery(queryKey, at) {
      const [row] = await latest.execute({ key: queryKey, at: at.toISOString() });
      return row;
    },
  };
}
