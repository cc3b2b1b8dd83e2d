/**
 * Finds the MusicBrainz recordings of a release's ISRCs, database-first like the URL answers:
 * fresh answers come from mb_isrc_recordings, the rest join one queue shared by every instance
 * (mb_isrc_queue, shared-queue.ts) and are searched in batches of up to 50 ISRCs
 * (recording-search.ts) through the HTTP client, so every request takes its slot of the one
 * MusicBrainz budget that the URL look-ups share. A batch waiting for its slot takes the ISRCs
 * of every look-up waiting then, on any instance: N concurrent cold look-ups cost about
 * ceil(their ISRCs / 50) searches, not N.
 */
import type { MbIsrcRepository, MbQueueRepository, MbRecording } from '../repositories/types.ts';
import { ISRC_BATCH, type RecordingSearchClient } from './recording-search.ts';
import { type AskOptions, createSharedQueue, type SharedQueueOptions } from './shared-queue.ts';

export interface RecordingFinderOptions
  extends Omit<
    SharedQueueOptions<MbRecording[]>,
    'read' | 'write' | 'fetch' | 'empty' | 'batchSize' | 'queue'
  > {
  repository: MbIsrcRepository;
  queue: MbQueueRepository;
  client: RecordingSearchClient;
}

export type FindOptions = AskOptions;

/** Recordings per ISRC; an empty list where MusicBrainz knows none. */
export type IsrcAnswers = Map<string, MbRecording[]>;

export interface RecordingFinder {
  find(isrcs: readonly string[], options?: FindOptions): Promise<IsrcAnswers>;
  /** Search batches asked by this process, for benchmarks and metrics. */
  requests(): number;
}

export function createRecordingFinder(options: RecordingFinderOptions): RecordingFinder {
  const { repository, client, ...rest } = options;
  const queue = createSharedQueue<MbRecording[]>({
    ...rest,
    batchSize: ISRC_BATCH,
    empty: [],
    async read(isrcs) {
      const rows = await repository.getMany(isrcs);
      return new Map(
        [...rows].map(([isrc, { found, recordings, checkedAt }]) => [
          isrc,
          { key: isrc, found, value: recordings, checkedAt },
        ]),
      );
    },
    write: (answers) =>
      repository.upsertMany(
        answers.map(({ key, found, value, checkedAt }) => ({
          isrc: key,
          found,
          recordings: value,
          checkedAt,
        })),
      ),
    // The search lists every ISRC asked; one with no recording is one MusicBrainz does not know.
    fetch: async (isrcs, note) =>
      new Map([...(await client.search(isrcs, note))].filter(([, found]) => found.length > 0)),
  });
  return {
    requests: queue.requests,
    async find(isrcs, findOptions) {
      const answers = await queue.ask(
        isrcs.map((isrc) => isrc.toUpperCase()),
        findOptions,
      );
      return new Map(isrcs.map((isrc) => [isrc, answers.get(isrc.toUpperCase()) ?? []]));
    },
  };
}
