/**
 * Database-first provider results. A result fresher than its TTL is served from Postgres with no
 * request. Otherwise one caller in the whole deployment takes the fetch lease and asks the store;
 * identical callers in this process share its promise, those in other processes wait for the
 * row it writes. Failures are kept briefly too, so a failing store is not hammered.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderName } from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { UpstreamError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import { type ProviderSet, providerTtl } from '../providers/setup.ts';
import type { ProviderDeclaration } from '../providers/types.ts';
import type { CacheEntry, Repositories } from '../repositories/types.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';
import { failureTtl } from './lifetimes.ts';
import { type AskDeps, askProvider } from './provider-ask.ts';
import {
  type Declarations,
  errorOutcome,
  outcomeOfEntry,
  type ProviderOutcome,
  type ProviderTask,
} from './provider-outcomes.ts';

export type { ProviderOutcome, ProviderTask } from './provider-outcomes.ts';

export interface ProviderFetcherOptions {
  config: Config;
  repos: Repositories;
  /** The running providers: a client per look-up, bound to its context. */
  providers: Pick<ProviderSet, 'clientFor' | 'clients'>;
  declarations: Declarations;
  logger: Logger;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this process in fetch leases. */
  owner?: string;
  /** Told whether each result came from the database, the store, or failed (metrics). */
  onResult?: (event: { provider: ProviderName; result: 'hit' | 'miss' | 'error' }) => void;
}

export function lookupKey(task: ProviderTask, declaration: ProviderDeclaration): string {
  const regional = declaration.regions !== 'worldwide';
  return `${task.method}:${task.value}${regional ? `@${task.regions.join(',')}` : ''}`;
}

/** How often a caller waiting on another's lease asks whether that holder is still alive. */
const RECLAIM_EVERY_MS = 1000;

type RunDeps = AskDeps & { sleep: (ms: number) => Promise<void> };

function unavailable(deps: RunDeps, task: ProviderTask): ProviderOutcome {
  const name = deps.declarations.get(task.provider)?.displayName ?? task.provider;
  const error = new UpstreamError(
    'credentials',
    task.provider,
    '',
    `${name} is not available on this server (disabled or not configured)`,
  );
  return errorOutcome(deps.declarations, task, error);
}

function errorFresh(deps: RunDeps, entry: CacheEntry): boolean {
  const kind = (entry.error as { kind?: string } | null)?.kind;
  return deps.now().getTime() - entry.fetchedAt.getTime() < failureTtl(deps.config, kind);
}

/**
 * The fetch lease: a fresh row is the answer; else this caller claims the lease and asks the
 * store, or waits for the row of the instance that holds it (newer than its start when
 * refreshing), and claims the lease itself should that instance never write it.
 */
async function run(
  deps: RunDeps & { hasClient: (name: ProviderName) => boolean },
  task: ProviderTask,
  refresh: boolean,
): Promise<ProviderOutcome> {
  if (!deps.hasClient(task.provider)) return unavailable(deps, task);
  const { config, repos, now } = deps;
  const declaration = deps.declarations.get(task.provider)!;
  const key = lookupKey(task, declaration);
  const started = now();
  const ttl = providerTtl(config, declaration);
  let force = refresh;
  for (;;) {
    const freshSince = new Date(now().getTime() - ttl);
    const claim = await repos.providerCache.claim(task.provider, key, deps.owner, {
      freshSince,
      leaseMs: config.lookup.fetchLease,
      force,
    });
    if (claim.state === 'claimed') return askProvider(deps, task, key);
    if (claim.state === 'fresh') {
      if (claim.entry.releaseId !== null || errorFresh(deps, claim.entry))
        return outcomeOfEntry(deps.declarations, repos, task, claim.entry);
      force = true;
      continue;
    }
    // Waits for the holder's row; every second it tries the lease again, which it gets at once
    // should the holder have stopped beating (crashed) or its lease have run out.
    const deadline = Math.min(claim.until.getTime(), now().getTime() + RECLAIM_EVERY_MS);
    while (now().getTime() < deadline) {
      await deps.sleep(100);
      const since = refresh ? started : freshSince;
      const entry = await repos.providerCache.getFresh(task.provider, key, since);
      if (entry) return outcomeOfEntry(deps.declarations, repos, task, entry);
    }
  }
}

export function createProviderFetcher(options: ProviderFetcherOptions) {
  const deps = {
    ...options,
    sleep: options.sleep ?? defaultSleep,
    owner: options.owner ?? randomUUID(),
    hasClient: (name: ProviderName) => options.providers.clients.has(name),
  };
  const inFlight = new Map<string, Promise<ProviderOutcome>>();

  async function observed(task: ProviderTask, refresh: boolean): Promise<ProviderOutcome> {
    const outcome = await run(deps, task, refresh);
    const result = outcome.error ? 'error' : outcome.info.cached ? 'hit' : 'miss';
    options.onResult?.({ provider: task.provider, result });
    return outcome;
  }

  return {
    /** One provider's part of a look-up; identical concurrent calls share one promise. */
    fetch(task: ProviderTask, refresh = false): Promise<ProviderOutcome> {
      const dedupeKey = `${task.provider}|${task.method}:${task.value}|${task.regions.join(',')}|${refresh}`;
      let pending = inFlight.get(dedupeKey);
      if (!pending) {
        pending = observed(task, refresh).finally(() => inFlight.delete(dedupeKey));
        inFlight.set(dedupeKey, pending);
      }
      return pending;
    },
  };
}

export type ProviderFetcher = ReturnType<typeof createProviderFetcher>;
