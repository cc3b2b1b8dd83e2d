/**
 * Per-host request rate limits. Each provider declares its limits; requests to one host share
 * one p-queue, so parallel look-ups together stay within what the store allows. With several
 * instances on one PostgreSQL, a shared budget (`SharedBudget`) also counts every instance's
 * requests in the same windows, so together they stay within one instance's limit.
 */

import { hostMatches } from '@liner/shared';
import PQueue from 'p-queue';
import { sleepUnless } from '../util/deadline.ts';
import { CancelledError } from './errors.ts';
import type { RateLimit, RequestGate, SharedLimits, Transport } from './types.ts';

export type { RateLimit, SharedBudget, SharedLimits } from './types.ts';

/** A request waits at most this long for the shared budget; the local limit still holds after. */
const MAX_SHARED_WAIT_MS = 60_000;

export class HostLimiter {
  private readonly queues = new Map<string, PQueue>();

  constructor(
    private readonly limits: readonly RateLimit[],
    private readonly shared?: SharedLimits,
  ) {}

  /**
   * The shared budget is advice: an unreachable database must not turn every store into a
   * failed provider, so on error the request goes on under this process's own limit.
   */
  private async sharedTurn(rule: RateLimit, signal?: AbortSignal): Promise<void> {
    if (!this.shared) return;
    let waited = 0;
    // A request whose look-up has given up takes no share of the budget, and stops waiting.
    while (waited < MAX_SHARED_WAIT_MS && !signal?.aborted) {
      let wait: number;
      try {
        wait = await this.shared.take(rule);
      } catch (error) {
        this.shared.onError?.(error);
        return;
      }
      if (wait <= 0) return;
      const step = Math.min(wait, MAX_SHARED_WAIT_MS - waited);
      await sleepUnless(step, signal, this.shared.sleep);
      waited += step;
    }
  }

  private ruleFor(host: string): RateLimit | undefined {
    return this.limits.find((limit) => hostMatches(limit.host, host));
  }

  private queueFor(rule: RateLimit): PQueue {
    let queue = this.queues.get(rule.host);
    if (!queue) {
      queue = new PQueue({
        concurrency: rule.concurrency ?? 4,
        intervalCap: rule.requests,
        interval: rule.perMs,
        carryoverIntervalCount: true,
      });
      this.queues.set(rule.host, queue);
    }
    return queue;
  }

  /**
   * Runs `task` when the host's budget allows. Once `signal` aborts, a queued task skips the
   * shared budget and runs at once: it is expected to see the signal and send nothing.
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const rule = this.ruleFor(host);
    if (!rule) return task();
    return this.queueFor(rule).add(async () => {
      await this.sharedTurn(rule, signal);
      return task();
    }) as Promise<T>;
  }

  /** Requests waiting per host rule, for metrics. */
  pending(): Record<string, number> {
    return Object.fromEntries([...this.queues].map(([host, q]) => [host, q.size + q.pending]));
  }
}

/**
 * The limits-and-gates layer: each request waits for its host's budget (local, then shared),
 * then for its provider's gate (the deployment-wide MusicBrainz budget). A request whose look-up
 * gave up while it waited is not sent.
 */
export function limited(
  limiter: HostLimiter,
  gates: readonly RequestGate[],
  next: Transport,
): Transport {
  return (exchange) => {
    const { request, lookup } = exchange;
    return limiter.run(
      exchange.host,
      async () => {
        if (lookup.signal?.aborted) throw new CancelledError(request.provider, request.url);
        const gate = gates.find((g) => g.provider === request.provider);
        if (gate) await gate.acquire();
        if (lookup.signal?.aborted) throw new CancelledError(request.provider, request.url);
        return next({ ...exchange, gate });
      },
      lookup.signal,
    );
  };
}

/** What the shared budget needs of the database: rate-budgets.ts's `take`. */
export interface WindowBudgets {
  take(name: string, limit: number, windowMs: number): Promise<number>;
}

const ERROR_LOG_EVERY_MS = 60_000;

/**
 * Each host rule's declared limit, counted across instances in the database's windows. An
 * unreachable database is said at most once a minute, not on every request.
 */
export function sharedHostLimits(
  budgets: WindowBudgets,
  warn: (message: string) => void,
  now: () => number = Date.now,
): SharedLimits {
  let lastWarned = Number.NEGATIVE_INFINITY;
  return {
    take: (rule) => budgets.take(`host:${rule.host}`, rule.requests, rule.perMs),
    onError(error) {
      if (now() - lastWarned < ERROR_LOG_EVERY_MS) return;
      lastWarned = now();
      warn(
        `the shared request budget is unavailable (${(error as Error).message}); store requests follow this instance's own limits`,
      );
    },
  };
}
