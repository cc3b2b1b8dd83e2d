/**
 * Asking a store for a provider's part of a look-up, under the part's one deadline, and keeping
 * the answer: the release (checked against the model) with the responses it came from, or the
 * failure, written where the fetch lease said to.
 */
import { type ProviderInfo, releaseSchema } from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { internalError, ProviderDataError, UpstreamError } from '../http/errors.ts';
import { createLookupContext, longestChain } from '../http/lookup-context.ts';
import type { LookupContext, RequestSpan } from '../http/types.ts';
import { type Logger, redactUrl } from '../log.ts';
import type { ProviderSet } from '../providers/setup.ts';
import type { ProviderLookup } from '../providers/types.ts';
import type { Repositories } from '../repositories/types.ts';
import { formatSeconds, withDeadline } from '../util/deadline.ts';
import {
  baseInfo,
  type Declarations,
  errorOutcome,
  type ProviderOutcome,
  type ProviderTask,
  type StoredInfo,
} from './provider-outcomes.ts';

export interface AskDeps {
  config: Config;
  repos: Repositories;
  providers: Pick<ProviderSet, 'clientFor'>;
  declarations: Declarations;
  logger: Logger;
  now: () => Date;
  /** Identifies this process in fetch leases. */
  owner: string;
}

/**
 * The store's answer within lookup.providerTimeout (every request, retry and wait, shorter than
 * the lease): past it the caller gets its answer without this provider, and the look-up's
 * context cancels its requests.
 */
async function askWithin(deps: AskDeps, task: ProviderTask, lookup: LookupContext) {
  const limit = deps.config.lookup.providerTimeout;
  const client = deps.providers.clientFor(task.provider, lookup)!;
  const ask = async (): Promise<ProviderLookup> => {
    if (task.method === 'id') return client.lookupById(task.entity!, task.regions);
    if (!client.lookupByGtin) throw new Error(`${task.provider} cannot look up barcodes`);
    return client.lookupByGtin(task.value, task.regions);
  };
  const timedOut = () =>
    new UpstreamError(
      'timeout',
      task.provider,
      '',
      `${baseInfo(deps.declarations, task).displayName} took longer than ${formatSeconds(limit)} for this look-up; its unfinished requests were cancelled`,
    );
  return withDeadline(ask(), lookup.signal!, timedOut);
}

/** What the look-up sent for this part: the count and the longest chain, and the spans. */
function cost(spans: readonly RequestSpan[]) {
  return { requests: spans.length, chain: longestChain(spans), spans: [...spans] };
}

/** Asks the store and keeps what it said; a failure is kept too, and becomes the outcome. */
export async function askProvider(
  deps: AskDeps,
  task: ProviderTask,
  key: string,
): Promise<ProviderOutcome> {
  const { repos, owner } = deps;
  const fetchedAt = deps.now();
  const lookup = createLookupContext(AbortSignal.timeout(deps.config.lookup.providerTimeout));
  try {
    const result = await askWithin(deps, task, lookup);
    const responseIds = [...lookup.responseIds];
    const parsed = releaseSchema.safeParse(result.release);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const detail = `built an invalid release (${issue.path.join('.')}: ${issue.message})`;
      throw new ProviderDataError(task.provider, result.apiUrl, detail);
    }
    const info: ProviderInfo = {
      ...baseInfo(deps.declarations, task),
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
    const { requests, chain, spans } = cost(lookup.spans);
    const outcomeInfo = { ...info, fetchedAt: fetchedAt.toISOString(), requests, chain };
    const release = parsed.data;
    return {
      task,
      info: outcomeInfo,
      release,
      releaseId,
      messages: result.messages,
      spans,
      ...held,
    };
  } catch (error) {
    const upstream = internalError(error, task.provider);
    if (!(error instanceof UpstreamError))
      deps.logger.error({ provider: task.provider, err: error }, 'provider failed unexpectedly');
    // A failure is known when it ended: a store that hung for the whole deadline is
    // remembered for cache.errorTtl from then, not from when it was first asked.
    const failedAt = deps.now();
    await repos.providerCache.complete(task.provider, key, owner, {
      releaseId: null,
      error: upstream.toJSON(),
      fetchedAt: failedAt,
    });
    const failed = errorOutcome(deps.declarations, task, upstream, failedAt);
    const { requests, chain, spans } = cost(lookup.spans);
    return { ...failed, info: { ...failed.info, requests, chain }, spans };
  }
}
