import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { providerResponses, responseBodies } from '../db/schema.ts';
import { sha256 } from '../util/hash.ts';
import type { NewResponse, ResponseRepository, StoredResponse } from './types.ts';

export function responseRepository(db: Db): ResponseRepository {
  const select = () =>
    db
      .select({
        id: providerResponses.id,
        provider: providerResponses.provider,
        url: providerResponses.url,
        status: providerResponses.status,
        contentType: providerResponses.contentType,
        hash: providerResponses.hash,
        body: responseBodies.body,
        fetchedAt: providerResponses.fetchedAt,
        firstFetchedAt: providerResponses.firstFetchedAt,
      })
      .from(providerResponses)
      .innerJoin(responseBodies, eq(responseBodies.hash, providerResponses.hash));

  const toStored = (row: Awaited<ReturnType<typeof select>>[number]): StoredResponse => ({
    ...row,
    contentType: row.contentType ?? undefined,
  });

  return {
    async record(response: NewResponse) {
      const hash = sha256(response.body);
      return db.transaction(async (tx) => {
        await tx
          .insert(responseBodies)
          .values({ hash, body: response.body, size: Buffer.byteLength(response.body) })
          .onConflictDoNothing();
        const [row] = await tx
          .insert(providerResponses)
          .values({
            provider: response.provider,
            url: response.url,
            status: response.status,
            contentType: response.contentType ?? null,
            hash,
            firstFetchedAt: response.fetchedAt,
            fetchedAt: response.fetchedAt,
          })
          .onConflictDoUpdate({
            target: [providerResponses.url, providerResponses.hash],
            set: { fetchedAt: sql`greatest(${providerResponses.fetchedAt}, excluded.fetched_at)` },
          })
          .returning({ id: providerResponses.id });
        return { id: row!.id, hash };
      });
    },

    async get(id) {
      const [row] = await select().where(eq(providerResponses.id, id));
      return row && toStored(row);
    },

    async latestForUrl(url) {
      const [row] = await select()
        .where(eq(providerResponses.url, url))
        .orderBy(desc(providerResponses.fetchedAt))
        .limit(1);
      return row && toStored(row);
    },
  };
}
