/**
 * Answers "which MusicBrainz entities is this URL linked to?" database-first: fresh mappings
 * come from the database; the rest join one queue shared by every instance (mb_url_queue).
 *
 * MusicBrainz allows one request a second, and one request answers up to 100 URLs. So the URLs
 * of every look-up waiting at once share requests: when the budget next lets a request go, the
 * instance that gets there first takes up to 100 queued URLs, whoever queued them, asks, and
 * stores the answers; every waiting look-up, on any instance, reads its own from the database.
 * N concurrent cold look-ups cost about ceil(their URLs / 100) requests, not N.
 */
import { randomUUID } from 'node:crypto';
import type { RequestSpan } from '../http/types.ts';
import type {
  MbRelation,
  MbUrlMapping,
  MbUrlQueueRepository,
  MbUrlRepository,
} from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';
import { MAX_URLS_PER_REQUEST, type UrlLookupClient } from './url-lookup.ts';

export interface MbidResolverOptions {
  repository: MbUrlRepository;
  queue: MbUrlQueueRepository;
  client: UrlLookupClient;
  now: () => Date;
  ttlMs: number;
  notFoundTtlMs: number;
  /**
   * How long until the MusicBrainz budget lets a request go (0: now). The batch is made up only
   * then, so that it takes every URL queued while it waited. Default: always now.
   */
  untilFree?: () => Promise<number>;
  /** How long a claimed batch is this instance's before another may take it over. */
  leaseMs?: number;
  /** How often a waiting instance looks for answers another instance stored. */
  pollMs?: number;
  /**
   * When the budget was busy (the batch had to wait for its slot), how much longer a batch of
   * fewer than 100 URLs may wait for the look-ups still on their way: under load, requests then
   * carry more URLs each (default 0: it goes as soon as the slot is free).
   */
  gatherMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** This instance's ID, in its claims on the queue (default: a new one). */
  owner?: string;
}

/** Relations per URL; null where MusicBrainz does not know the URL. */
export type UrlAnswers = Map<string, MbRelation[] | null>;

export interface ResolveOptions {
  refresh?: boolean;
  /** Told of each MusicBrainz request that carried some of these URLs (this instance's). */
  onRequest?: (span: RequestSpan) => void;
}

export interface MbidResolver {
  resolveUrls(urls: readonly string[], options?: ResolveOptions): Promise<UrlAnswers>;
  /** MusicBrainz requests made by this process, for benchmarks and metrics. */
  requests(): number;
}

interface Waiter {
  /** The moment (ms) the look-up asked; with refresh, only answers stored since then count. */
  since: number;
  refresh: boolean;
  onRequest?: ((span: RequestSpan) => void) | undefined;
  missing: Set<string>;
  answers: UrlAnswers;
  resolve(answers: UrlAnswers): void;
  reject(error: unknown): void;
}

export function createMbidResolver(options: MbidResolverOptions): MbidResolver {
  const owner = options.owner ?? randomUUID();
  const sleep = options.sleep ?? defaultSleep;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const untilFree = options.untilFree ?? (async () => 0);
  const waiters = new Set<Waiter>();
  let pumping = false;
  /** The last batch had to wait for its slot; this one may gather until `gatherUntil`. */
  let busy = false;
  let gatherUntil: number | undefined;
  const gatherMs = options.gatherMs ?? 0;
  let requestCount = 0;

  /** Whether a stored answer may serve a look-up that asked at `since`. */
  function usable(row: MbUrlMapping | undefined, since: number, refresh: boolean): boolean {
    if (!row) return false;
    const checked = row.checkedAt.getTime();
    // Stored after the look-up asked; its own instance's answers reach it directly.
    if (refresh) return checked > since;
    return since - checked < (row.found ? options.ttlMs : options.notFoundTtlMs);
  }

  function answer(waiter: Waiter, url: string, relations: MbRelation[] | null) {
    if (!waiter.missing.delete(url)) return;
    waiter.answers.set(url, relations);
    if (waiter.missing.size === 0) {
      waiters.delete(waiter);
      waiter.resolve(waiter.answers);
    }
  }

  /** Answers this instance's waiters from what any instance has stored since they asked. */
  async function readStored(): Promise<void> {
    const urls = [...new Set([...waiters].flatMap((w) => [...w.missing]))];
    if (urls.length === 0) return;
    const rows = await options.repository.getMany(urls);
    for (const waiter of [...waiters]) {
      for (const url of [...waiter.missing]) {
        const row = rows.get(url);
        if (row && usable(row, waiter.since, waiter.refresh))
          answer(waiter, url, row.found ? row.relations : null);
      }
    }
  }

  /** One request for up to 100 queued URLs; its answers are stored for every instance. */
  async function ask(batch: string[]): Promise<void> {
    requestCount += Math.ceil(batch.length / MAX_URLS_PER_REQUEST);
    let found: Map<string, MbRelation[]>;
    const start = performance.now();
    const carried = () => {
      const span = { start, end: performance.now() };
      for (const waiter of waiters)
        if (batch.some((url) => waiter.missing.has(url))) waiter.onRequest?.(span);
    };
    try {
      found = await options.client.lookup(batch);
      carried();
    } catch (error) {
      carried();
      // Any instance may try these again; the look-ups waiting here get the failure.
      await options.queue.release(owner, batch).catch(() => {});
      for (const waiter of [...waiters]) {
        if (batch.some((url) => waiter.missing.has(url))) {
          waiters.delete(waiter);
          waiter.reject(error);
        }
      }
      return;
    }
    const checkedAt = options.now();
    await options.repository.upsertMany(
      batch.map((url) => ({
        url,
        found: found.has(url),
        relations: found.get(url) ?? [],
        checkedAt,
      })),
    );
    await options.queue.finish(owner, batch);
    for (const waiter of [...waiters])
      for (const url of batch)
        if (waiter.missing.has(url)) answer(waiter, url, found.get(url) ?? null);
  }

  /** Runs while this instance has look-ups waiting; one at a time per process. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.size > 0) {
        await readStored();
        if (waiters.size === 0) break;
        const wait = await untilFree();
        if (wait > 0) {
          // Meanwhile, answers another instance stores are picked up.
          busy = true;
          await sleep(Math.min(wait, pollMs));
          continue;
        }
        if (busy && gatherMs > 0) {
          gatherUntil ??= performance.now() + gatherMs;
          const room = (await options.queue.pending()) < MAX_URLS_PER_REQUEST;
          if (room && performance.now() < gatherUntil) {
            await sleep(pollMs);
            continue;
          }
        }
        busy = false;
        gatherUntil = undefined;
        const batch = await options.queue.claim(owner, MAX_URLS_PER_REQUEST, leaseMs);
        if (batch.length > 0) {
          await ask(batch);
          continue;
        }
        // Nothing to claim: what is still missing here is being asked by another instance. Its
        // answers are read back; a URL neither answered nor queued any more (its answer was
        // stored before a refresh asked) is queued again, so no look-up waits for nothing.
        await sleep(pollMs);
        await readStored();
        await options.queue.enqueue([...new Set([...waiters].flatMap((w) => [...w.missing]))]);
      }
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      waiters.clear();
    } finally {
      pumping = false;
    }
  }

  return {
    requests: () => requestCount,
    async resolveUrls(urls, { refresh = false, onRequest } = {}) {
      const since = options.now().getTime();
      const unique = [...new Set(urls)];
      const answers: UrlAnswers = new Map();
      const cached = refresh ? new Map() : await options.repository.getMany(unique);
      const missing = new Set<string>();
      for (const url of unique) {
        const mapping = cached.get(url);
        if (usable(mapping, since, false))
          answers.set(url, mapping!.found ? mapping!.relations : null);
        else missing.add(url);
      }
      if (missing.size === 0) return answers;
      await options.queue.enqueue([...missing]);
      const done = new Promise<UrlAnswers>((resolve, reject) =>
        waiters.add({ since, refresh, onRequest, missing, answers, resolve, reject }),
      );
      void pump();
      return done;
    },
  };
}
