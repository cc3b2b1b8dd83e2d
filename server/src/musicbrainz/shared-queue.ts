/**
 * MusicBrainz requests shared by every look-up waiting at once, on every instance: the keys a
 * look-up needs (URLs for ws/2/url, ISRCs for the recording search) are answered from the
 * database when fresh; the rest join one queue in the database (mb_url_queue, mb_isrc_queue).
 * When the budget next lets a request go, the instance that gets there first takes up to a
 * batch of queued keys, whoever queued them, asks, and stores the answers; every waiting look-up,
 * on any instance, reads its own from the database. N concurrent cold look-ups cost about
 * ceil(their keys / batch) requests, not N.
 */
import { randomUUID } from 'node:crypto';
import type { RequestSpan } from '../http/types.ts';
import type { MbQueueRepository } from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';

/** A stored answer: the value of a key MusicBrainz knows, or `found: false`. */
export interface StoredAnswer<V> {
  key: string;
  found: boolean;
  value: V;
  checkedAt: Date;
}

export interface SharedQueueOptions<V> {
  queue: MbQueueRepository;
  read(keys: readonly string[]): Promise<Map<string, StoredAnswer<V>>>;
  write(answers: StoredAnswer<V>[]): Promise<void>;
  /** Asks MusicBrainz for a batch: the values of the keys it knows; told of each request sent. */
  fetch(batch: readonly string[], note: (span: RequestSpan) => void): Promise<Map<string, V>>;
  /** What is stored for a key MusicBrainz does not know. */
  empty: V;
  /** Keys per request. */
  batchSize: number;
  now: () => Date;
  ttlMs: number;
  notFoundTtlMs: number;
  /**
   * How long until the MusicBrainz budget lets a request go (0: now). The batch is made up only
   * then, so that it takes every key queued while it waited. Default: always now.
   */
  untilFree?: () => Promise<number>;
  /** How long a claimed batch is this instance's before another may take it over. */
  leaseMs?: number;
  /** How often a waiting instance looks for answers another instance stored. */
  pollMs?: number;
  /**
   * When the budget was busy (the batch had to wait for its slot), how much longer a batch of
   * fewer than `batchSize` keys may wait for the look-ups still on their way: under load,
   * requests then carry more keys each (default 0: it goes as soon as the slot is free).
   */
  gatherMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** This instance's ID, in its claims on the queue (default: a new one). */
  owner?: string;
}

/** Values per key; null where MusicBrainz does not know the key. */
export type QueueAnswers<V> = Map<string, V | null>;

export interface AskOptions {
  refresh?: boolean;
  /**
   * Told of each MusicBrainz request (this instance's) that carried some of these keys, with
   * `asked` set to when this look-up asked: the request may have waited for its slot since.
   */
  onRequest?: (span: RequestSpan) => void;
}

export interface SharedQueue<V> {
  ask(keys: readonly string[], options?: AskOptions): Promise<QueueAnswers<V>>;
  /** MusicBrainz batches asked by this process, for benchmarks and metrics. */
  requests(): number;
}

interface Waiter<V> {
  /** The moment (ms) the look-up asked; with refresh, only answers stored since then count. */
  since: number;
  /** The same moment on performance.now's clock, the one request spans are on. */
  askedAt: number;
  refresh: boolean;
  onRequest?: ((span: RequestSpan) => void) | undefined;
  missing: Set<string>;
  answers: QueueAnswers<V>;
  resolve(answers: QueueAnswers<V>): void;
  reject(error: unknown): void;
}

export function createSharedQueue<V>(options: SharedQueueOptions<V>): SharedQueue<V> {
  const owner = options.owner ?? randomUUID();
  const sleep = options.sleep ?? defaultSleep;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const gatherMs = options.gatherMs ?? 0;
  const untilFree = options.untilFree ?? (async () => 0);
  const waiters = new Set<Waiter<V>>();
  let pumping = false;
  /** The last batch had to wait for its slot; this one may gather until `gatherUntil`. */
  let busy = false;
  let gatherUntil: number | undefined;
  let requestCount = 0;

  /** Whether a stored answer may serve a look-up that asked at `since`. */
  function usable(row: StoredAnswer<V> | undefined, since: number, refresh: boolean): boolean {
    if (!row) return false;
    const checked = row.checkedAt.getTime();
    // Stored after the look-up asked; its own instance's answers reach it directly.
    if (refresh) return checked > since;
    return since - checked < (row.found ? options.ttlMs : options.notFoundTtlMs);
  }

  function answer(waiter: Waiter<V>, key: string, value: V | null) {
    if (!waiter.missing.delete(key)) return;
    waiter.answers.set(key, value);
    if (waiter.missing.size === 0) {
      waiters.delete(waiter);
      waiter.resolve(waiter.answers);
    }
  }

  const missingKeys = () => [...new Set([...waiters].flatMap((w) => [...w.missing]))];
  const holding = (batch: readonly string[]) =>
    [...waiters].filter((waiter) => batch.some((key) => waiter.missing.has(key)));

  /** Answers this instance's waiters from what any instance has stored since they asked. */
  async function readStored(): Promise<void> {
    const keys = missingKeys();
    if (keys.length === 0) return;
    const rows = await options.read(keys);
    for (const waiter of [...waiters]) {
      for (const key of [...waiter.missing]) {
        const row = rows.get(key);
        if (row && usable(row, waiter.since, waiter.refresh))
          answer(waiter, key, row.found ? row.value : null);
      }
    }
  }

  /**
   * Queues keys this instance's look-ups miss. Another instance may store answers and empty
   * their queue rows between this instance's read and its insert: rows put back then would be
   * asked again for nothing (a slot of the 1 request/s budget) and counted by pending(). A key
   * this insert queued can only have left the queue before it, after its answer was stored, so
   * the answers are read again: such a key no look-up here still misses is taken back out.
   */
  async function enqueue(keys: readonly string[]): Promise<void> {
    const queued = await options.queue.enqueue(keys);
    if (queued.length === 0) return;
    await readStored();
    const missing = new Set(missingKeys());
    await options.queue.withdraw(queued.filter((key) => !missing.has(key)));
  }

  /** One request for a claimed batch; its answers are stored for every instance. */
  async function ask(batch: string[]): Promise<void> {
    requestCount += Math.ceil(batch.length / options.batchSize);
    const spans: RequestSpan[] = [];
    const waiting = holding(batch);
    const tell = () => {
      for (const waiter of waiting)
        for (const span of spans)
          waiter.onRequest?.({ ...span, asked: Math.min(waiter.askedAt, span.start) });
    };
    let found: Map<string, V>;
    try {
      found = await options.fetch(batch, (span) => spans.push(span));
      tell();
    } catch (error) {
      tell();
      // Any instance may try these again; the look-ups waiting here get the failure.
      await options.queue.release(owner, batch).catch(() => {});
      for (const waiter of holding(batch)) {
        waiters.delete(waiter);
        waiter.reject(error);
      }
      return;
    }
    const checkedAt = options.now();
    await options.write(
      batch.map((key) => ({
        key,
        found: found.has(key),
        value: found.get(key) ?? options.empty,
        checkedAt,
      })),
    );
    await options.queue.finish(owner, batch);
    for (const waiter of [...waiters])
      for (const key of batch)
        if (waiter.missing.has(key)) answer(waiter, key, found.get(key) ?? null);
  }

  /** Whether a batch that waited for its slot should wait a little longer for more keys. */
  async function gathering(): Promise<boolean> {
    if (!busy || gatherMs <= 0) return false;
    gatherUntil ??= performance.now() + gatherMs;
    const room = (await options.queue.pending()) < options.batchSize;
    return room && performance.now() < gatherUntil;
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
        if (await gathering()) {
          await sleep(pollMs);
          continue;
        }
        busy = false;
        gatherUntil = undefined;
        const batch = await options.queue.claim(owner, options.batchSize, leaseMs);
        if (batch.length > 0) {
          await ask(batch);
          continue;
        }
        // Nothing to claim: what is still missing here is being asked by another instance. Its
        // answers are read back; a key neither answered nor queued any more (its answer was
        // stored before a refresh asked) is queued again, so no look-up waits for nothing.
        await sleep(pollMs);
        await readStored();
        await enqueue(missingKeys());
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
    async ask(keys, { refresh = false, onRequest } = {}) {
      const since = options.now().getTime();
      const askedAt = performance.now();
      const unique = [...new Set(keys)];
      const answers: QueueAnswers<V> = new Map();
      const cached = refresh ? new Map() : await options.read(unique);
      const missing = new Set<string>();
      for (const key of unique) {
        const row = cached.get(key);
        if (usable(row, since, false)) answers.set(key, row!.found ? row!.value : null);
        else missing.add(key);
      }
      if (missing.size === 0) return answers;
      // Waiting before it queues, so that answers stored meanwhile reach it (see enqueue).
      let waiter!: Waiter<V>;
      const done = new Promise<QueueAnswers<V>>((resolve, reject) => {
        waiter = { since, askedAt, refresh, onRequest, missing, answers, resolve, reject };
        waiters.add(waiter);
      });
      try {
        await enqueue([...missing]);
      } catch (error) {
        waiters.delete(waiter);
        throw error;
      }
      void pump();
      return done;
    },
  };
}
