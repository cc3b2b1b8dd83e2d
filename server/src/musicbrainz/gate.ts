/**
 * The MusicBrainz request budget for the whole deployment: 1 request per second across every
 * request and every server instance on the database. Each request takes the next slot from the
 * database and waits for it; a 503 pushes the next slot back, doubling up to a minute.
 */
import type { RequestGate } from '../http/client.ts';
import type { RateBudgetRepository } from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';

export const MUSICBRAINZ_BUDGET = 'musicbrainz';
const MAX_BACKOFF_MS = 60_000;

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
  let waiting = 0;
  let backoff = 0;
  return {
    provider: 'musicbrainz',
    waiting: () => waiting,
    async acquire() {
      waiting++;
      try {
        const wait = await options.budgets.reserve(MUSICBRAINZ_BUDGET, options.intervalMs);
        options.onWait?.(wait);
        if (wait > 0) await sleep(wait);
      } finally {
        waiting--;
      }
    },
    async observe(status, headers) {
      if (status === 503 || status === 429) {
        backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : 2 * options.intervalMs);
        // The server knows best when its budget refills: wait at least that long.
        const told = serverWait(headers, (options.now ?? Date.now)());
        await options.budgets.pushBack(
          MUSICBRAINZ_BUDGET,
          Math.min(MAX_BACKOFF_MS, Math.max(backoff, told ?? 0)),
        );
      } else if (status < 500) {
        backoff = 0;
      }
    },
  };
}
