/**
 * Answers "which MusicBrainz entities is this URL linked to?" database-first: fresh mappings
 * come from Postgres; the rest are batched into ws/2/url requests. Requests arriving in the same
 * tick share one batch, and a URL already being asked about is not asked twice.
 */
import { randomUUID } from 'node:crypto';
import type {
  MbRelation,
  MbUrlRepository,
  ProviderCacheRepository,
} from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';
import { sha256 } from '../util/hash.ts';
import type { UrlLookupClient } from './url-lookup.ts';

export interface MbidResolverOptions {
  repository: MbUrlRepository;
  client: UrlLookupClient;
  now: () => Date;
  ttlMs: number;
  notFoundTtlMs: number;
  /**
   * Fetch leases shared by all instances: of several instances missing the same URLs, one asks
   * MusicBrainz and the others read its answers from the database.
   */
  leases?: ProviderCacheRepository;
  leaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const LEASE_NAME = 'musicbrainz:url';

/** Relations per URL; null where MusicBrainz does not know the URL. */
export type UrlAnswers = Map<string, MbRelation[] | null>;

export interface MbidResolver {
  resolveUrls(urls: readonly string[], options?: { refresh?: boolean }): Promise<UrlAnswers>;
  /** MusicBrainz requests made by this process, for benchmarks and metrics. */
  requests(): number;
}

export function createMbidResolver(options: MbidResolverOptions): MbidResolver {
  const owner = randomUUID();
  const sleep = options.sleep ?? defaultSleep;
  const leaseMs = options.leaseMs ?? 30_000;
  const inFlight = new Map<string, Promise<MbRelation[] | null>>();
  let queue: {
    url: string;
    resolve: (v: MbRelation[] | null) => void;
    reject: (e: unknown) => void;
  }[] = [];
  let scheduled = false;
  let requestCount = 0;

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue;
    queue = [];
    const urls = [...new Set(batch.map((item) => item.url))];
    try {
      requestCount += Math.ceil(urls.length / 100);
      const found = await options.client.lookup(urls);
      const checkedAt = options.now();
      await options.repository.upsertMany(
        urls.map((url) => ({
          url,
          found: found.has(url),
          relations: found.get(url) ?? [],
          checkedAt,
        })),
      );
      for (const item of batch) item.resolve(found.get(item.url) ?? null);
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      for (const url of urls) inFlight.delete(url);
    }
  }

  function ask(url: string): Promise<MbRelation[] | null> {
    const pending = inFlight.get(url);
    if (pending) return pending;
    const promise = new Promise<MbRelation[] | null>((resolve, reject) =>
      queue.push({ url, resolve, reject }),
    );
    inFlight.set(url, promise);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
    return promise;
  }

  /** Fresh answers from the database for all of `urls`, or undefined while any is missing. */
  async function readBack(urls: readonly string[], since: number): Promise<UrlAnswers | undefined> {
    const rows = await options.repository.getMany(urls);
    if (urls.some((url) => (rows.get(url)?.checkedAt.getTime() ?? -1) < since)) return undefined;
    return new Map(
      urls.map((url) => [url, rows.get(url)!.found ? rows.get(url)!.relations : null]),
    );
  }

  /**
   * Asks MusicBrainz for `urls` unless another instance is already asking; then waits for its
   * answers, which count when stored after `since` (the moment this caller read the cache).
   */
  async function fetchShared(urls: string[], since: number, refresh: boolean): Promise<UrlAnswers> {
    const leases = options.leases;
    const ask_ = async () => {
      const fetched = await Promise.all(urls.map((url) => ask(url)));
      return new Map(urls.map((url, i) => [url, fetched[i]!]));
    };
    if (!leases) return ask_();
    const key = sha256([...urls].sort().join('\n'));
    for (;;) {
      const claim = await leases.claim(LEASE_NAME, key, owner, {
        freshSince: new Date(0),
        leaseMs,
        force: true,
      });
      if (claim.state === 'claimed') {
        try {
          // The previous holder may have stored the answers just before letting go; a refresh
          // asks anyway.
          return (!refresh && (await readBack(urls, since))) || (await ask_());
        } finally {
          await leases.release(LEASE_NAME, key, owner);
        }
      }
      const until = claim.state === 'leased' ? claim.until.getTime() : 0;
      while (options.now().getTime() <= until) {
        await sleep(100);
        const answers = await readBack(urls, since);
        if (answers) return answers;
      }
    }
  }

  return {
    requests: () => requestCount,
    async resolveUrls(urls, { refresh = false } = {}) {
      const since = options.now().getTime();
      const unique = [...new Set(urls)];
      const answers: UrlAnswers = new Map();
      const cached = refresh ? new Map() : await options.repository.getMany(unique);
      const now = options.now().getTime();
      const missing: string[] = [];
      for (const url of unique) {
        const mapping = cached.get(url);
        const ttl = mapping?.found ? options.ttlMs : options.notFoundTtlMs;
        if (mapping && now - mapping.checkedAt.getTime() < ttl) {
          answers.set(url, mapping.found ? mapping.relations : null);
        } else missing.push(url);
      }
      if (missing.length === 0) return answers;
      const fetched = await fetchShared(missing, since, refresh);
      for (const [url, relations] of fetched) answers.set(url, relations);
      return answers;
    },
  };
}
