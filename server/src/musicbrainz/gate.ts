/**
 * The MusicBrainz request budget for the whole deployment: one request per interval across
 * every request and every server instance on the database.
 *
 * The slot is taken at the moment of sending, not reserved ahead: a reservation handed out by
 * the database clock is spent later, after the query's answer, a timer that may fire late on a
 * busy event loop and the request's set-up, so two requests reserved one interval apart could
 * arrive closer than that. Here a request may go only once the previous one's claim is an
 * interval old, and the claim is the last thing before the request leaves. The default interval
 * (musicbrainz.requestInterval) is a little over MusicBrainz's one second, for the jitter of the
 * way there. A 503 or 429 moves the next free moment to what the server asked for (Retry-After,
 * else one interval): the queue waits that long once, not a doubling for every refused request.
 */
import type { RequestGate } from '../http/client.ts';
import type { RateBudgetRepository } from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';

export const MUSICBRAINZ_BUDGET = 'musicbrainz';
/** A Retry-After beyond this is not believed: the budget waits at most this long at once. */
const MAX_BLOCK_MS = 60_000;

export interface MusicBrainzGate extends RequestGate {
  /** Requests waiting for their slot in this process. */
  waiting(): number;
}

/** How long MusicBrainz asks us to wait: Retry-After (seconds or a date) or X-RateLimit-Reset (epoch seconds). */
export function serverWait(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}

export interface GateOptions {
  intervalMs: number;
  budgets: RateBudgetRepository;
  sleep?: (ms: number) => Promise<void>;
  /** Told how long each request waited for its slot (metrics). */
  onWait?: (ms: number) => void;
  now?: () => number;
}

export function createMusicBrainzGate(options: GateOptions): MusicBrainzGate {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  let waiting = 0;
  return {
    provider: 'musicbrainz',
    waiting: () => waiting,
    async acquire() {
      waiting++;
      let waited = 0;
      try {
        // Another instance may take the moment first: then the answer is the new wait.
        for (;;) {
          const wait = await options.budgets.claim(MUSICBRAINZ_BUDGET, options.intervalMs);
          if (wait <= 0) break;
          waited += wait;
          await sleep(wait);
        }
      } finally {
        waiting--;
      }
      options.onWait?.(waited);
    },
    async observe(status, headers) {
      if (status !== 503 && status !== 429) return;
      const told = serverWait(headers, now()) ?? options.intervalMs;
      await options.budgets.pushBack(MUSICBRAINZ_BUDGET, Math.min(MAX_BLOCK_MS, told));
    },
  };
}
