/**
 * The look-up service: plan, ask providers (database first), a second barcode phase, merge,
 * resolve MusicBrainz IDs, and store the whole result under a permalink. One provider failing is
 * a message in the result; only invalid input or a missing database fail a look-up.
 */
import {
  type LookupInput,
  type LookupMessage,
  type LookupResult,
  lookupInputSchema,
  lookupResultSchema,
  type ProviderName,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { completeRelease } from '../guess/index.ts';
import { loadLanguageDetector } from '../guess/language.ts';
import type { Logger } from '../log.ts';
import { mergeReleases } from '../merge/index.ts';
import { applyMbids, releaseUrlsToResolve } from '../musicbrainz/release-ids.ts';
import type { MbidResolver } from '../musicbrainz/resolver.ts';
import type { ProviderDeclaration } from '../providers/types.ts';
import type { Repositories } from '../repositories/types.ts';
import { sortedKeys } from '../util/hash.ts';
import { TooManyUrlsError } from './errors.ts';
import { reusableUntil } from './lifetimes.ts';
import { barcodeFromPhaseOne, gtinTasks, type PlanContext, planLookup } from './lookup-plan.ts';
import { isPermalinkId, newPermalinkId, queryKey } from './permalink.ts';
import type { ProviderFetcher, ProviderOutcome } from './provider-fetch.ts';

export interface LookupServiceOptions {
  config: Config;
  repos: Repositories;
  fetcher: ProviderFetcher;
  resolver: MbidResolver;
  plan: PlanContext;
  declarations: ReadonlyMap<ProviderName, ProviderDeclaration>;
  logger: Logger;
  now: () => Date;
  /** Observes each look-up's outcome (metrics). */
  onLookup?: (event: {
    outcome: 'merged' | 'empty';
    providers: number;
    cached: number;
    /** Answered by an earlier identical look-up. */
    stored: boolean;
  }) => void;
}

/**
 * One key order for a result, whatever produced it: JSONB does not keep key order, and a permalink
 * must give back the same bytes it gave the first time.
 */
function canonical(result: unknown): LookupResult {
  return lookupResultSchema.parse(sortedKeys(result));
}

export function createLookupService(options: LookupServiceOptions) {
  const { config, repos, fetcher, now } = options;

  async function resolveIds(
    result: LookupResult,
    refresh: boolean,
  ): Promise<{ messages: LookupMessage[]; failed: boolean }> {
    if (!result.release) return { messages: [], failed: false };
    try {
      const answers = await options.resolver.resolveUrls(releaseUrlsToResolve(result.release), {
        refresh,
      });
      const resolved = applyMbids(result.release, answers);
      result.release = resolved.release;
      result.existing = resolved.existing;
      return { messages: resolved.messages, failed: false };
    } catch (error) {
      const text = `MusicBrainz IDs could not be resolved: ${(error as Error).message}`;
      return { messages: [{ level: 'warning', provider: 'musicbrainz', text }], failed: true };
    }
  }

  async function lookup(raw: LookupInput): Promise<LookupResult> {
    const input = lookupInputSchema.parse(raw);
    if (input.urls.length > config.lookup.maxUrls) {
      throw new TooManyUrlsError(config.lookup.maxUrls, input.urls.length);
    }
    const key = queryKey(input);
    if (!input.refresh) {
      // The same question within the cache lifetime gets the same answer and permalink: one
      // indexed read, no provider, no merge.
      const stored = await repos.lookups.latestForQuery(key, now());
      if (stored) {
        const result = JSON.parse(stored.result) as LookupResult;
        const outcome = result.release ? 'merged' : 'empty';
        options.onLookup?.({ outcome, providers: 0, cached: 0, stored: true });
        return result;
      }
    }
    const plan = planLookup(options.plan, input);
    const outcomes = await Promise.all(
      plan.tasks.map((task) => fetcher.fetch(task, input.refresh)),
    );
    const messages = [...plan.messages];
    let gtin = plan.gtin;
    if (!gtin) {
      const found = barcodeFromPhaseOne(outcomes);
      if (found.message) messages.push(found.message);
      if (found.gtin) {
        gtin = found.gtin;
        const second = gtinTasks(options.plan, input, found.gtin, plan.regions, plan.tasks);
        outcomes.push(
          ...(await Promise.all(second.map((task) => fetcher.fetch(task, input.refresh)))),
        );
      }
    }
    const succeeded = outcomes.filter(
      (o): o is ProviderOutcome & { release: NonNullable<ProviderOutcome['release']> } =>
        Boolean(o.release),
    );
    const merged = mergeReleases(
      succeeded.map((o) => {
        const declaration = options.declarations.get(o.task.provider)!;
        return {
          provider: o.task.provider,
          release: o.release,
          features: declaration.features,
          category: declaration.category,
          requested: o.task.requested,
        };
      }),
      { preferences: config.merge.preferences, ...(input.prefer ? { prefer: input.prefer } : {}) },
    );
    for (const outcome of outcomes) messages.push(...outcome.messages);
    messages.push(...merged.messages);
    if (!merged.release)
      messages.push({ level: 'error', text: 'No provider returned this release.' });
    // What no provider stated (script, language, types) is guessed here, on the server.
    const completed = merged.release
      ? completeRelease(merged.release, await loadLanguageDetector())
      : undefined;
    if (completed) messages.push(...completed.messages);
    const createdAt = now();
    const result: LookupResult = {
      id: newPermalinkId(),
      createdAt: createdAt.toISOString(),
      query: {
        urls: input.urls,
        ...(gtin ? { gtin } : {}),
        regions: plan.regions,
        ...(input.providers ? { providers: input.providers } : {}),
      },
      ...(completed ? { release: completed.release } : {}),
      sources: { ...merged.sources, ...completed?.sources },
      conflicts: merged.conflicts,
      incompatible: merged.incompatible,
      providers: outcomes.map((o) => o.info),
      messages,
      existing: [],
    };
    const resolution = await resolveIds(result, input.refresh);
    messages.push(...resolution.messages);
    const checked = canonical(result);
    await repos.lookups.create({
      id: checked.id,
      query: input,
      queryKey: key,
      result: JSON.stringify(checked),
      sources: succeeded.map((o) => o.releaseId!).filter((id) => id !== undefined),
      createdAt,
      reusableUntil: reusableUntil(config, options.declarations, checked, createdAt, {
        resolverFailed: resolution.failed,
      }),
    });
    options.onLookup?.({
      outcome: checked.release ? 'merged' : 'empty',
      providers: outcomes.length,
      cached: outcomes.filter((o) => o.info.cached).length,
      stored: false,
    });
    return checked;
  }

  return {
    lookup,
    /** The stored result of a permalink, exactly as it was first returned. */
    async get(id: string): Promise<LookupResult | undefined> {
      if (!isPermalinkId(id)) return undefined;
      const stored = await repos.lookups.get(id);
      // Validated when stored; parsed from the same text it serializes to the same bytes.
      return stored ? (JSON.parse(stored.result) as LookupResult) : undefined;
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
