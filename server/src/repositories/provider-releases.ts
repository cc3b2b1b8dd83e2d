import type { ProviderName } from '@liner/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { providerReleases } from '../db/schema.ts';
import { sha256, stableStringify } from '../util/hash.ts';
import type { ProviderReleaseRepository, StoredProviderRelease } from './types.ts';

type Row = typeof providerReleases.$inferSelect;

const toStored = (row: Row): StoredProviderRelease => ({
  ...row,
  provider: row.provider as ProviderName,
});

export function providerReleaseRepository(db: Db): ProviderReleaseRepository {
  return {
    async save(release) {
      const contentHash = sha256(stableStringify({ release: release.release, info: release.info }));
      const [row] = await db
        .insert(providerReleases)
        .values({ ...release, contentHash })
        .onConflictDoUpdate({
          target: [
            providerReleases.provider,
            providerReleases.lookupKey,
            providerReleases.contentHash,
          ],
          set: {
            fetchedAt: sql`greatest(${providerReleases.fetchedAt}, excluded.fetched_at)`,
            responseIds: sql`excluded.response_ids`,
          },
        })
        .returning({ id: providerReleases.id });
      return row!.id;
    },

    async get(id) {
      const [row] = await db.select().from(providerReleases).where(eq(providerReleases.id, id));
      return row && toStored(row);
    },

    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(providerReleases)
        .where(inArray(providerReleases.id, [...ids]));
      const byId = new Map(rows.map((row) => [row.id, toStored(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
