/**
 * Answers "which MusicBrainz entities is this URL linked to?" database-first: fresh mappings
 * come from the database; the rest join one queue shared by every instance (mb_url_queue).
 *
 * MusicBrainz allows one request a second, and one request answers up to 100 URLs. So the URLs
 * of every look-up waiting at once share requests (shared-queue.ts): when the budget next lets a
 * request go, the instance that gets there first takes up to 100 queued URLs, whoever queued
 * them, asks, and stores the answers; every waiting look-up, on any instance, reads its own from
 * the database. N concurrent cold look-ups cost about ceil(their URLs / 100) requests, not N.
 */
import type { MbQueueRepository, MbRelation, MbUrlRepository } from '../repositories/types.ts';
import {
  type AskOptions,
  createSharedQueue,
  type QueueAnswers,
  type SharedQueueOptions,
} from './shared-queue.ts';
import { MAX_URLS_PER_REQUEST, type UrlLookupClient } from './url-lookup.ts';

export interface MbidResolverOptions
  extends Omit<
    SharedQueueOptions<MbRelation[]>,
    'read' | 'write' | 'fetch' | 'empty' | 'batchSize' | 'queue'
  > {
  repository: MbUrlRepository;
  queue: MbQueueRepository;
  client: UrlLookupClient;
}

/** Relations per URL; null where MusicBrainz does not know the URL. */
export type UrlAnswers = QueueAnswers<MbRelation[]>;

export type ResolveOptions = AskOptions;

export interface MbidResolver {
  resolveUrls(urls: readonly string[], options?: ResolveOptions): Promise<UrlAnswers>;
  /** MusicBrainz requests made by this process, for benchmarks and metrics. */
  requests(): number;
}

export function createMbidResolver(options: MbidResolverOptions): MbidResolver {
  const { repository, client, ...rest } = options;
  const queue = createSharedQueue<MbRelation[]>({
    ...rest,
    batchSize: MAX_URLS_PER_REQUEST,
    empty: [],
    async read(urls) {
      const rows = await repository.getMany(urls);
      return new Map(
        [...rows].map(([url, { found, relations, checkedAt }]) => [
          url,
          { key: url, found, value: relations, checkedAt },
        ]),
      );
    },
    write: (answers) =>
      repository.upsertMany(
        answers.map(({ key, found, value, checkedAt }) => ({
          url: key,
          found,
          relations: value,
          checkedAt,
        })),
      ),
    fetch: (urls, note) => client.lookup(urls, note),
  });
  return { resolveUrls: queue.ask, requests: queue.requests };
}
