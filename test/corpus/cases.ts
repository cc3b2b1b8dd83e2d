/** Every store's corpus cases, from its provider folder (`server/src/providers/<name>/corpus.ts`). */
import { STORES } from '@liner/shared';
import type { CorpusCase } from './types.ts';

export async function corpusCases(): Promise<CorpusCase[]> {
  const lists = await Promise.all(
    STORES.filter((store) => store.noProvider === undefined).map(
      async (store) =>
        (
          (await import(`../../server/src/providers/${store.name}/corpus.ts`)) as {
            cases: CorpusCase[];
          }
        ).cases,
    ),
  );
  return lists.flat();
}
