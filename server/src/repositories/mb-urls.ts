import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { mbUrlMappings } from '../db/schema.ts';
import type { MbRelation, MbUrlMapping, MbUrlRepository } from './types.ts';

export function mbUrlRepository(db: Db): MbUrlRepository {
  return {
    async getMany(urls) {
      const result = new Map<string, MbUrlMapping>();
      if (urls.length === 0) return result;
      const rows = await db
        .select()
        .from(mbUrlMappings)
        .where(inArray(mbUrlMappings.url, [...new Set(urls)]));
      for (const row of rows) {
        result.set(row.url, { ...row, relations: row.relations as MbRelation[] });
      }
      return result;
    },
    async upsertMany(mappings) {
      if (mappings.length === 0) return;
      // One statement may not touch a row twice: keep the last mapping per URL.
      const unique = [...new Map(mappings.map((m) => [m.url, m])).values()];
      await db
        .insert(mbUrlMappings)
        .values(unique)
        .onConflictDoUpdate({
          target: mbUrlMappings.url,
          set: {
            found: sql`excluded.found`,
            relations: sql`excluded.relations`,
            checkedAt: sql`excluded.checked_at`,
          },
        });
    },
  };
}
