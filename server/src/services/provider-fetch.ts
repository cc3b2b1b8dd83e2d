/**
 * Database-first provider results. A result fresher than its TTL is served from Postgres with no
 * request. Otherwise one caller in the whole deployment takes the fetch lease and asks the store;
 * identical callers in this process share its promise, those in other processes wait for the
 * row it writes. Failures are kept briefly too, so a failing store is not hammered.
 */
import { randomUUID } from 'node:crypto';
import {
  type LookupMessage,
  type ProviderInfo,
  type ProviderName,
  type Release,
  releaseSchema,
  type StoreEntity,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { ProviderDataError, toUpstreamError, UpstreamError } from '../http/errors.ts';
import { traceResponses } from '../http/trace.ts';
import { type Logger, redactUrl } from '../log.ts';
import { providerTtl } from '../providers/setup.ts';
import type { ProviderClient, ProviderDeclaration } from '../providers/types.ts';
import type { CacheEntry, Repositories } from '../repositories/types.ts';
import { sleep as defaultSleep, formatSeconds, withDeadline } from '../util/deadline.ts';
import { failureTtl } from './lifetimes.ts';

export interface ProviderTask {
  provider: ProviderName;
  method: 'id' | 'gtin';
  /** Store ID or GTIN. */
  value: string;
  entity?: StoreEntity;
  regions: string[];
  /** The user gave this provider's URL. */
  requested: boolean;
}

export interface ProviderOutcome {
  task: ProviderTask;
  info: ProviderInfo;
  release?: Release;
  releaseId?: number;
  messages: LookupMessage[];
  error?: UpstreamError;
  /** ProviderLookup.heldBarcode, kept with the stored result. */
  heldBarcode?: string;
}

interface StoredInfo {
  info: ProviderInfo;
  messages: LookupMessage[];
  heldBarcode?: string;
}

export interface ProviderFetcherOptions {
  config: Config;
  repos: Repositories;
  clients: ReadonlyMap<ProviderName, ProviderClient>;
  declarations: ReadonlyMap<ProviderName, ProviderDeclaration>;
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

export function createProviderFetcher(options: ProviderFetcherOptions) {
  const { config, repos, now } = options;
  const sleep = options.sleep ?? defaultSleep;
  const owner = options.owner ?? randomUUID();
  const inFlight = new Map<string, Promise<ProviderOutcome>>();

  const baseInfo = (task: ProviderTask): ProviderInfo => ({
    name: task.provider,
    displayName: options.declarations.get(task.provider)?.displayName ?? task.provider,
    lookup: { method: task.method, value: task.value },
  });

  function errorOutcome(
    task: ProviderTask,
    error: UpstreamError,
    fetchedAt?: Date,
    cached = false,
  ): ProviderOutcome {
    const info: ProviderInfo = {
      ...baseInfo(task),
      error: {
        kind: error.kind,
        message: error.message,
        url: redactUrl(error.url),
        ...(error.status ? { status: error.status } : {}),
      },
      ...(fetchedAt ? { fetchedAt: fetchedAt.toISOString() } : {}),
      ...(cached ? { cached } : {}),
    };
    return {
      task,
      info,
      messages: [{ level: 'error', provider: task.provider, text: error.message }],
      error,
    };
  }

  function errorFresh(entry: CacheEntry): boolean {
    const kind = (entry.error as { kind?: string } | null)?.kind;
    return now().getTime() - entry.fetchedAt.getTime() < failureTtl(config, kind);
  }

  async function fromEntry(task: ProviderTask, entry: CacheEntry): Promise<ProviderOutcome> {
    if (entry.releaseId === null) {
      const e = entry.error as {
        kind: UpstreamError['kind'];
        message: string;
        url: string;
        status?: number;
      };
      return errorOutcome(
        task,
        new UpstreamError(e.kind, task.provider, e.url, e.message, e.status),
        entry.fetchedAt,
        true,
      );
    }
    const stored = await repos.providerReleases.get(entry.releaseId);
    if (!stored) throw new Error(`cached provider release ${entry.releaseId} is missing`);
    const { info, messages, heldBarcode } = stored.info as StoredInfo;
    return {
      task,
      info: { ...info, fetchedAt: stored.fetchedAt.toISOString(), cached: true },
      release: stored.release as Release,
      releaseId: stored.id,
      messages,
      ...(heldBarcode !== undefined ? { heldBarcode } : {}),
    };
  }

  async function fetchFresh(task: ProviderTask, key: string): Promise<ProviderOutcome> {
    const client = options.clients.get(task.provider)!;
    const fetchedAt = now();
    // One deadline for the whole part (every request, retry and wait), shorter than the lease:
    // past it the caller gets its answer without this provider, and its requests are cancelled.
    const limit = config.lookup.providerTimeout;
    const deadline = AbortSignal.timeout(limit);
    try {
      const { result, responseIds } = await withDeadline(
        traceResponses(
          () => {
            if (task.method === 'id') return client.lookupById(task.entity!, task.regions);
            if (!client.lookupByGtin) throw new Error(`${task.provider} cannot look up barcodes`);
            return client.lookupByGtin(task.value, task.regions);
          },
          { signal: deadline },
        ),
        deadline,
        () =>
          new UpstreamError(
            'timeout',
            task.provider,
            '',
            `${baseInfo(task).displayName} took longer than ${formatSeconds(limit)} for this look-up; its unfinished requests were cancelled`,
          ),
      );
      const parsed = releaseSchema.safeParse(result.release);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ProviderDataError(
          task.provider,
          result.apiUrl,
          `built an invalid release (${issue.path.join('.')}: ${issue.message})`,
        );
      }
      const info: ProviderInfo = {
        ...baseInfo(task),
        id: result.id,
        url: result.url,
        // Results are stored, shown and put into edit notes: no credential may ride along.
        apiUrl: redactUrl(result.apiUrl),
        ...(result.region ? { region: result.region } : {}),
      };
      const held = result.heldBarcode !== undefined ? { heldBarcode: result.heldBarcode } : {};
      const releaseId = await repos.providerReleases.save({
        provider: task.provider,
        lookupKey: key,
        release: parsed.data,
        info: { info, messages: result.messages, ...held } satisfies StoredInfo,
        responseIds,
        fetchedAt,
      });
      await repos.providerCache.complete(task.provider, key, owner, {
        releaseId,
        error: null,
        fetchedAt,
      });
      return {
        task,
        info: { ...info, fetchedAt: fetchedAt.toISOString() },
        release: parsed.data,
        releaseId,
        messages: result.messages,
        ...held,
      };
    } catch (error) {
      const upstream = toUpstreamError(error, task.provider, '');
      if (!(error instanceof UpstreamError))
        options.logger.error(
          { provider: task.provider, err: error },
          'provider failed unexpectedly',
        );
      await repos.providerCache.complete(task.provider, key, owner, {
        releaseId: null,
        error: upstream.toJSON(),
        fetchedAt,
      });
      return errorOutcome(task, upstream, fetchedAt);
    }
  }

  async function run(task: ProviderTask, refresh: boolean): Promise<ProviderOutcome> {
    if (!options.clients.has(task.provider)) {
      const name = options.declarations.get(task.provider)?.displayName ?? task.provider;
      return errorOutcome(
        task,
        new UpstreamError(
          'credentials',
          task.provider,
          '',
          `${name} is not available on this server (disabled or not configured)`,
        ),
      );
    }
    const declaration = options.declarations.get(task.provider)!;
    const key = lookupKey(task, declaration);
    const started = now();
    const ttl = providerTtl(config, declaration);
    let force = refresh;
    for (;;) {
      const freshSince = new Date(now().getTime() - ttl);
      const claim = await repos.providerCache.claim(task.provider, key, owner, {
        freshSince,
        leaseMs: config.lookup.fetchLease,
        force,
      });
      if (claim.state === 'claimed') return fetchFresh(task, key);
      if (claim.state === 'fresh') {
        if (claim.entry.releaseId !== null || errorFresh(claim.entry))
          return fromEntry(task, claim.entry);
        force = true;
        continue;
      }
      // Another instance is fetching: wait for its row (newer than our start when refreshing).
      const deadline = Math.min(claim.until.getTime(), now().getTime() + config.lookup.fetchLease);
      while (now().getTime() < deadline) {
        await sleep(100);
        const entry = await repos.providerCache.getFresh(
          task.provider,
          key,
          refresh ? started : freshSince,
        );
        if (entry) return fromEntry(task, entry);
      }
    }
  }

  async function observed(task: ProviderTask, refresh: boolean): Promise<ProviderOutcome> {
    const outcome = await run(task, refresh);
    const result = outcome.error ? 'error' : outcome.info.cached ? 'hit' : 'miss';
    options.onResult?.({ provider: task.provider, result });
    return outcome;
  }

  return {
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
