/**
 * Per-host request rate limits. Each provider declares its limits; requests to one host share
 * one p-queue, so parallel look-ups together stay within what the store allows.
 */

import { hostMatches } from '@liner/shared';
import PQueue from 'p-queue';

export interface RateLimit {
  /** Host pattern ("api.deezer.com", "*.bandcamp.com"). */
  host: string;
  requests: number;
  perMs: number;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
}

export class HostLimiter {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly limits: readonly RateLimit[]) {}

  private queueFor(host: string): PQueue | undefined {
    const rule = this.limits.find((limit) => hostMatches(limit.host, host));
    if (!rule) return undefined;
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

  /** Runs `task` when the host's budget allows. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const queue = this.queueFor(host);
    return queue ? (queue.add(task) as Promise<T>) : task();
  }

  /** Requests waiting per host rule, for metrics. */
  pending(): Record<string, number> {
    return Object.fromEntries([...this.queues].map(([host, q]) => [host, q.size + q.pending]));
  }
}
