/**
 * Finds the MusicBrainz recordings of a release's ISRCs, database-first like the URL answers:
 * fresh answers come from mb_isrc_recordings, the rest are searched in batches
 * (recording-search.ts) through the HTTP client, so every request takes its slot of the one
 * MusicBrainz budget that the URL look-ups share, and stored for every instance. Within a
 * process, each ISRC is asked once however many look-ups wait for it, and the ISRCs asked while
 * a search waits for its slot go together in the next one: concurrent look-ups share requests.
 * (Instances do not share a queue of ISRCs as they do of URLs; each shares the stored answers.)
 */
import type { RequestSpan } from '../http/types.ts';
import type { MbIsrcRepository, MbRecording } from '../repositories/types.ts';
import { ISRC_BATCH, type RecordingSearchClient } from './recording-search.ts';

export interface RecordingFinderOptions {
  repository: MbIsrcRepository;
  client: RecordingSearchClient;
  now: () => Date;
  ttlMs: number;
  notFoundTtlMs: number;
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
}

export function createRecordingFinder(options: RecordingFinderOptions): RecordingFinder {
  let requestCount = 0;
  /** ISRCs asked and not yet answered, each asked once however many look-ups wait for it. */
  const asks = new Map<string, Ask>();
  const queue: string[] = [];
  let pumping = false;

  function ask(isrc: string): Ask {
    let entry = asks.get(isrc);
    if (entry) return entry;
    let resolve!: Ask['resolve'];
    let reject!: Ask['reject'];
    const promise = new Promise<MbRecording[]>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // A look-up that gave up (its own failure elsewhere) must not leave an unhandled rejection.
    promise.catch(() => {});
    entry = { promise, resolve, reject, listeners: new Set() };
    asks.set(isrc, entry);
    queue.push(isrc);
    return entry;
  }

  /** One batch at a time: what is asked while a search waits for its slot joins the next one. */
  async function searchBatch(batch: string[]): Promise<void> {
    const spans: RequestSpan[] = [];
    const tell = () => {
      const listeners = new Set(batch.flatMap((isrc) => [...(asks.get(isrc)?.listeners ?? [])]));
      for (const span of spans) for (const listener of listeners) listener(span);
    };
    try {
      const found = await options.client.search(batch, (span) => {
        requestCount++;
        spans.push(span);
      });
      tell();
      const checkedAt = options.now();
      const rows = batch.map((isrc) => {
        const recordings = found.get(isrc) ?? [];
        return { isrc, found: recordings.length > 0, recordings, checkedAt };
      });
      await options.repository.upsertMany(rows);
      for (const row of rows) {
        asks.get(row.isrc)?.resolve(row.recordings);
        asks.delete(row.isrc);
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
        const entry = ask(isrc);
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
