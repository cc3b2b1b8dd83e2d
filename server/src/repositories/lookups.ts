import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { lookups } from '../db/schema.ts';
import type { LookupRepository } from './types.ts';

export function lookupRepository(db: Db): LookupRepository {
  // The warm look-up path runs this for every repeated question: prepared once, planned once.
  // Only the newest answer counts: after a refresh, an older answer must not come back when
  // the new one lapses.
  const latest = db
    .select({ id: lookups.id, result: lookups.result, reusableUntil: lookups.reusableUntil })
    .from(lookups)
    .where(eq(lookups.queryKey, sql.placeholder('key')))
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
      const [row] = await latest.execute({ key: queryKey });
      if (!row || row.reusableUntil.getTime() <= at.getTime()) return undefined;
      return { id: row.id, result: row.result };
    },
    async madeBy(queryKey, at) {
      const [row] = await db
        .select({ id: lookups.id })
        .from(lookups)
        .where(and(eq(lookups.queryKey, queryKey), lte(lookups.createdAt, at)))
        .orderBy(desc(lookups.createdAt))
        .limit(1);
      return row;
    },
  };
}
