/** The cached answers of MusicBrainz's recording search, one row per ISRC. */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { mbIsrcRecordings } from '../db/schema.ts';
import type { MbIsrcAnswer, MbIsrcRepository, MbRecording } from './types.ts';

export function mbIsrcRepository(db: Db): MbIsrcRepository {
  return {
    async getMany(isrcs) {
      const result = new Map<string, MbIsrcAnswer>();
      if (isrcs.length === 0) return result;
      const rows = await db
        .select()
        .from(mbIsrcRecordings)
        .where(inArray(mbIsrcRecordings.isrc, [...new Set(isrcs)]));
      for (const row of rows)
        result.set(row.isrc, { ...row, recordings: row.recordings as MbRecording[] });
      return result;
    },
    async upsertMany(answers) {
      if (answers.length === 0) return;
      const unique = [...new Map(answers.map((a) => [a.isrc, a])).values()];
      await db
        .insert(mbIsrcRecordings)
        .values(unique)
        .onConflictDoUpdate({
          target: mbIsrcRecordings.isrc,
          set: {
            found: sql`excluded.found`,
            recordings: sql`excluded.recordings`,
            checkedAt: sql`excluded.checked_at`,
          },
        });
    },
  };
}
