import { and, desc, eq, gte, sql } from 'drizzle-orm';
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
        gte(lookups.createdAt, sql`${sql.placeholder('since')}::timestamptz`),
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
    async latestForQuery(queryKey, since = new Date(0)) {
      const [row] = await latest.execute({ key: queryKey, since: since.toISOString() });
      return row;
    },
  };
}
