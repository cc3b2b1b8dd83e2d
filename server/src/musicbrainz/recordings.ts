/**
 * Finds the MusicBrainz recordings of a release's ISRCs, database-first like the URL answers:
 * fresh answers come from mb_isrc_recordings, the rest are searched in batches
 * (recording-search.ts) through the HTTP client, so every request takes its slot of the one
 * MusicBrainz budget that the URL look-ups share, and stored for every instance. Within a
 * process, each ISRC is asked once however many look-ups wait for it, and the ISRCs asked while
 * a search waits for its slot go together in the next one: concurrent look-ups share requests.
 * Instances share the stored answers, and a lease per batch (provider_cache) lets identical
 * look-ups on several instances search once; they do not share a queue of ISRCs as of URLs.
 */
import { randomUUID } from 'node:crypto';
import type { RequestSpan } from '../http/types.ts';
import type {
  MbIsrcRepository,
  MbRecording,
  ProviderCacheRepository,
} from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';
import { ISRC_BATCH, type RecordingSearchClient } from './recording-search.ts';

export interface RecordingFinderOptions {
  repository: MbIsrcRepository;
  client: RecordingSearchClient;
  now: () => Date;
  ttlMs: number;
  notFoundTtlMs: number;
  /** Leases shared by the instances (provider_cache), so that they search a batch once. */
  leases?: ProviderCacheRepository;
  leaseMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FindOptions {
  refresh?: boolean;
  /** Told of each search request this look-up made. */
  onRequest?: (span: RequestSpan) => void;
}

/** Recordings per ISRC; an empty list where MusicBrainz knows none. */
export type IsrcAnswers = Map<string, MbRecording[]>;

export interface RecordingFinder {
  find(isrcs: readonly string[], options?: FindOptions): Promise<IsrcAnswers>;
  /** Search requests made by this process, for benchmarks and metrics. */
  requests(): number;
}

interface Ask {
  promise: Promise<MbRecording[]>;
  resolve(recordings: MbRecording[]): void;
  reject(error: unknown): void;
  /** The look-ups waiting for this ISRC, told of the request that carries it. */
  listeners: Set<(span: RequestSpan) => void>;
  /** One of them asked past the caches. */
  refresh: boolean;
}

/** The lease name of ISRC batches in provider_cache. */
const LEASE_NAME = 'musicbrainz-isrc';

export function createRecordingFinder(options: RecordingFinderOptions): RecordingFinder {
  let requestCount = 0;
  const owner = randomUUID();
  const sleep = options.sleep ?? defaultSleep;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  /** ISRCs asked and not yet answered, each asked once however many look-ups wait for it. */
  const asks = new Map<string, Ask>();
  const queue: string[] = [];
  let pumping = false;

  function ask(isrc: string, refresh: boolean): Ask {
    let entry = asks.get(isrc);
    if (entry) {
      entry.refresh ||= refresh;
      return entry;
    }
    let resolve!: Ask['resolve'];
    let reject!: Ask['reject'];
    const promise = new Promise<MbRecording[]>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // A look-up that gave up (its own failure elsewhere) must not leave an unhandled rejection.
    promise.catch(() => {});
    entry = { promise, resolve, reject, listeners: new Set(), refresh };
    asks.set(isrc, entry);
    queue.push(isrc);
    return entry;
  }

  /** Searches and stores a batch; told of each request it made. */
  async function searchAndStore(batch: string[], spans: RequestSpan[]): Promise<IsrcAnswers> {
    const found = await options.client.search(batch, (span) => {
      requestCount++;
      spans.push(span);
    });
    const checkedAt = options.now();
    const rows = batch.map((isrc) => {
      const recordings = found.get(isrc) ?? [];
      return { isrc, found: recordings.length > 0, recordings, checkedAt };
    });
    await options.repository.upsertMany(rows);
    return new Map(rows.map((row) => [row.isrc, row.recordings]));
  }

  /** The batch's answers stored at or after `since`, when all of them are. */
  async function storedSince(batch: string[], since: Date): Promise<IsrcAnswers | undefined> {
    const rows = await options.repository.getMany(batch);
    const fresh = batch.every((isrc) => (rows.get(isrc)?.checkedAt ?? 0) >= since);
    return fresh ? new Map(batch.map((isrc) => [isrc, rows.get(isrc)!.recordings])) : undefined;
  }

  /**
   * The same batch asked on several instances at once (identical look-ups) is searched once:
   * a lease on the batch's key, as store fetches have; the others read what it stored.
   */
  async function shared(
    batch: string[],
    spans: RequestSpan[],
    refresh: boolean,
  ): Promise<IsrcAnswers> {
    const leases = options.leases;
    if (!leases) return searchAndStore(batch, spans);
    const key = [...batch].sort().join(' ');
    const since = options.now();
    for (;;) {
      const claim = await leases.claim(LEASE_NAME, key, owner, {
        freshSince: since,
        leaseMs,
        // A refresh searches again, whatever another instance stored a moment ago.
        force: refresh,
      });
      if (claim.state === 'claimed') {
        try {
          const answers = await searchAndStore(batch, spans);
          await leases.complete(LEASE_NAME, key, owner, {
            releaseId: null,
            error: null,
            fetchedAt: options.now(),
          });
          return answers;
        } catch (error) {
          await leases.release(LEASE_NAME, key, owner).catch(() => {});
          throw error;
        }
      }
      const stored = await storedSince(batch, since);
      if (stored) return stored;
      if (claim.state === 'leased') await sleep(pollMs);
      else return searchAndStore(batch, spans);
    }
  }

  /** One batch at a time: what is asked while a search waits for its slot joins the next one. */
  async function searchBatch(batch: string[]): Promise<void> {
    const spans: RequestSpan[] = [];
    const tell = () => {
      const listeners = new Set(batch.flatMap((isrc) => [...(asks.get(isrc)?.listeners ?? [])]));
      for (const span of spans) for (const listener of listeners) listener(span);
    };
    try {
      const refresh = batch.some((isrc) => asks.get(isrc)?.refresh);
      const answers = await shared(batch, spans, Boolean(refresh));
      tell();
      for (const isrc of batch) {
        asks.get(isrc)?.resolve(answers.get(isrc) ?? []);
        asks.delete(isrc);
      }
    } catch (error) {
      tell();
      for (const isrc of batch) {
        asks.get(isrc)?.reject(error);
        asks.delete(isrc);
      }
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) await searchBatch(queue.splice(0, ISRC_BATCH));
    } finally {
      pumping = false;
    }
  }

  return {
    requests: () => requestCount,
    async find(isrcs, { refresh = false, onRequest } = {}) {
      const unique = [...new Set(isrcs)];
      const answers: IsrcAnswers = new Map();
      const now = options.now();
      const cached = refresh ? new Map() : await options.repository.getMany(unique);
      const waiting: [string, Promise<MbRecording[]>][] = [];
      for (const isrc of unique) {
        const row = cached.get(isrc);
        const ttl = row?.found ? options.ttlMs : options.notFoundTtlMs;
        if (row && now.getTime() - row.checkedAt.getTime() < ttl) {
          answers.set(isrc, row.recordings);
          continue;
        }
        const entry = ask(isrc, refresh);
        if (onRequest) entry.listeners.add(onRequest);
        waiting.push([isrc, entry.promise]);
      }
      if (waiting.length === 0) return answers;
      void pump();
      for (const [isrc, recordings] of waiting) answers.set(isrc, await recordings);
      return answers;
    },
  };
}
