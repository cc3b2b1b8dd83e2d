/**
 * The whole look-up's deadline (lookup.deadline), counted from when the request arrived (the
 * edge's first hook), so the stored-answer check and the time a request waits for its turn at the
 * database count too: past it the answer goes out with what has arrived, a message for each
 * provider still being asked and for MusicBrainz IDs still queued. The work itself is not
 * cancelled: the providers' parts (each under lookup.providerTimeout) and the MusicBrainz queue
 * keep filling the cache, so the next look-up has them.
 *
 * Waiting for answers stops a little before the deadline (the reserve); what follows (merging,
 * the permalink's write) is bounded by the deadline less the time to send the answer: a write
 * still queued at the database then finishes after the answer is out.
 */
import type { LookupMessage } from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { UpstreamError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import { type MusicbrainzQueueState, musicbrainzEtaMs } from '../musicbrainz/queue-estimate.ts';
import { formatSeconds } from '../util/deadline.ts';
import {
  baseInfo,
  type Declarations,
  errorOutcome,
  type ProviderOutcome,
  type ProviderTask,
} from './provider-outcomes.ts';

export interface DeadlineOptions {
  config: Config;
  declarations: Declarations;
  logger: Logger;
  now: () => Date;
  musicbrainzQueue?: () => Promise<MusicbrainzQueueState>;
}

export interface LookupDeadline {
  /** `work`'s outcome, or `late()`'s at the deadline; late work runs on, its failure logged. */
  settle<T, U>(work: Promise<T>, late: () => U): Promise<T | U>;
  /**
   * `work`'s outcome, or undefined once only the time to send the answer is left: for the
   * answer's own write, which then finishes after it (its failure logged).
   */
  finish<T>(work: Promise<T>): Promise<T | undefined>;
  passed(): boolean;
  /** The outcome of a provider still being asked at the deadline. */
  pending(task: ProviderTask): ProviderOutcome;
  /** The message for MusicBrainz IDs still queued at the deadline, with how long they may take. */
  musicbrainzPending(): Promise<LookupMessage>;
}

/**
 * About how long until the keys queued now are asked; the look-up's own are among them (or in
 * a request already out), so at least one request is counted.
 */
async function queueEstimate(options: DeadlineOptions): Promise<string> {
  try {
    const queue = await options.musicbrainzQueue?.();
    if (!queue) return '';
    const ms = musicbrainzEtaMs(queue, options.config.musicbrainz.requestInterval, 1);
    const isrcs = queue.queuedIsrcs > 0 ? ` and ${queue.queuedIsrcs} ISRCs` : '';
    return ` (${queue.queuedUrls} URLs${isrcs} queued, about ${formatSeconds(ms)})`;
  } catch {
    return '';
  }
}

/** Time kept at the end for merging, storing and sending what arrived (a tenth, at most 2 s). */
const reserveOf = (limit: number) => Math.min(2000, limit / 10);

/**
 * Time kept for serialising and sending the answer once it is written (a fiftieth, at most
 * 200 ms): a 100-track answer is about 200 kB of JSON, a few milliseconds on loopback.
 */
const sendingOf = (limit: number) => Math.min(200, limit / 50);

/** How long the queue's estimate may take before the message goes without it. */
const ESTIMATE_MS = 250;

/** `work`, or `late()` once the clock reaches `until`; a failure after that is logged. */
function raceUntil<T, U>(
  options: DeadlineOptions,
  until: number,
  work: Promise<T>,
  late: () => U,
): Promise<T | U> {
  const remaining = until - options.now().getTime();
  const running = work.catch((error: unknown) => {
    // Before the deadline the failure is the look-up's to report (a message), not a log line.
    if (options.now().getTime() >= until)
      options.logger.warn({ err: error }, 'part of a look-up failed after its deadline');
    throw error;
  });
  // Work that loses the race, or is not waited for at all (asked after the deadline), is
  // still listened to: a late rejection is logged above, never unhandled (Node would exit).
  running.catch(() => {});
  if (remaining <= 0) return Promise.resolve(late());
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<U>((resolve) => {
    timer = setTimeout(() => resolve(late()), remaining);
  });
  return Promise.race([running, timeUp]).finally(() => clearTimeout(timer));
}

export function lookupDeadline(options: DeadlineOptions, started: Date): LookupDeadline {
  const limit = options.config.lookup.deadline;
  // Waiting stops a little before the deadline, so the answer itself is out by it.
  const at = started.getTime() + limit - reserveOf(limit);
  const end = started.getTime() + limit - sendingOf(limit);
  return {
    settle: (work, late) => raceUntil(options, at, work, late),
    finish: (work) => raceUntil(options, end, work, () => undefined),
    passed: () => options.now().getTime() >= at,
    pending(task) {
      const name = baseInfo(options.declarations, task).displayName;
      const error = new UpstreamError(
        'pending',
        task.provider,
        '',
        `${name} had not answered when the look-up's ${formatSeconds(limit)} were up; it is still being asked`,
      );
      return errorOutcome(options.declarations, task, error, options.now());
    },
    async musicbrainzPending() {
      // The estimate reads the database, which a burst keeps busy: it never delays the answer.
      const estimate = await Promise.race([
        queueEstimate(options),
        new Promise<string>((resolve) => setTimeout(() => resolve(''), ESTIMATE_MS).unref()),
      ]);
      return {
        level: 'warning',
        provider: 'musicbrainz',
        text: `The MusicBrainz IDs were not resolved within the look-up's ${formatSeconds(limit)}: its URLs wait in the queue behind MusicBrainz's rate limit${estimate}. They are still being asked; look the release up again then to get them.`,
      };
    },
  };
}
