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
  type ParsedLookupInput,
  type ProviderName,
  type QueueStatus,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { completeRelease } from '../guess/index.ts';
import { loadLanguageDetector } from '../guess/language.ts';
import { thrownInWords } from '../http/failure.ts';
import { longestChain } from '../http/lookup-context.ts';
import type { RequestSpan } from '../http/types.ts';
import type { Logger } from '../log.ts';
import { mergeReleases } from '../merge/index.ts';
import type { ArtistGroupFinder } from '../musicbrainz/artist-groups.ts';
import { type MusicbrainzQueueState, musicbrainzEtaMs } from '../musicbrainz/queue-estimate.ts';
import type { RecordingFinder } from '../musicbrainz/recordings.ts';
import { applyMbids, releaseUrlsToResolve } from '../musicbrainz/release-ids.ts';
import type { MbidResolver, ResolveOptions } from '../musicbrainz/resolver.ts';
import type { ProviderDeclaration } from '../providers/types.ts';
import type { Repositories } from '../repositories/types.ts';
import { sortedKeys } from '../util/hash.ts';
import { TooManyUrlsError } from './errors.ts';
import { reusableUntil } from './lifetimes.ts';
import { type LookupDeadline, lookupDeadline } from './lookup-deadline.ts';
import { barcodeFromPhaseOne, gtinTasks, type PlanContext, planLookup } from './lookup-plan.ts';
import { isPermalinkId, newPermalinkId, queryKey } from './permalink.ts';
import type { ProviderFetcher, ProviderOutcome, ProviderTask } from './provider-fetch.ts';
import {
  applyRecordings,
  artistGroupStep,
  type RecordingSearch,
  recordingSearch,
} from './recording-step.ts';

export interface LookupServiceOptions {
  config: Config;
  repos: Repositories;
  fetcher: ProviderFetcher;
  resolver: MbidResolver;
  /** Matches tracks to MusicBrainz recordings by ISRC (musicbrainz.matchRecordings). */
  recordings?: RecordingFinder;
  /** The resolved artist's release groups, when no recording matched (with matchRecordings). */
  artistGroups?: ArtistGroupFinder;
  plan: PlanContext;
  declarations: ReadonlyMap<ProviderName, ProviderDeclaration>;
  logger: Logger;
  now: () => Date;
  /**
   * How long until the MusicBrainz budget lets a request go, and how many URLs and ISRCs wait in
   * the shared queues: the estimate said when a look-up answers before its IDs are resolved.
   */
  musicbrainzQueue?: () => Promise<MusicbrainzQueueState>;
  /** Observes each look-up's outcome (metrics). */
  onLookup?: (event: {
    outcome: 'merged' | 'empty';
    providers: number;
    cached: number;
    /** Answered by an earlier identical look-up. */
    stored: boolean;
    /** Upstream requests and the longest chain of them (absent for a stored answer). */
    cost?: LookupResult['cost'];
  }) => void;
}

/**
 * One key order for a result, whatever produced it: JSONB does not keep key order, and a permalink
 * must give back the same bytes it gave the first time.
 */
function canonical(result: unknown): LookupResult {
  return lookupResultSchema.parse(sortedKeys(result));
}

/** MusicBrainz IDs of the release and its parts; a failure is a warning, not a failed look-up. */
async function resolveIds(
  resolver: MbidResolver,
  result: LookupResult,
  options: ResolveOptions,
  deadline: LookupDeadline,
): Promise<{ messages: LookupMessage[]; failed: boolean; pending?: boolean }> {
  if (!result.release) return { messages: [], failed: false };
  try {
    const asking = resolver.resolveUrls(releaseUrlsToResolve(result.release), options);
    const answers = await deadline.settle(asking, () => undefined);
    // Past the deadline: the answer goes out without the IDs; the queue keeps asking, and
    // stores them for the next look-up.
    if (!answers)
      return { messages: [await deadline.musicbrainzPending()], failed: true, pending: true };
    const resolved = applyMbids(result.release, answers);
    result.release = resolved.release;
    result.existing = resolved.existing;
    return { messages: resolved.messages, failed: false };
  } catch (error) {
    const why = thrownInWords(error, 'musicbrainz').message;
    const text = `The MusicBrainz IDs could not be resolved: ${why}.`;
    return { messages: [{ level: 'warning', provider: 'musicbrainz', text }], failed: true };
  }
}

/**
 * Every provider the plan names (database first), then, when phase one agreed on a barcode the
 * user did not give, that barcode at the stores that were not asked yet. Each answer is offered
 * to the recording search as it comes, so that the ISRCs are searched beside the rest.
 */
async function askProviders(
  options: LookupServiceOptions,
  input: ParsedLookupInput,
  deadline: LookupDeadline,
  recordings: RecordingSearch,
) {
  const { fetcher } = options;
  const plan = planLookup(options.plan, input);
  const fetched = async (task: ProviderTask) => {
    const outcome = await fetcher.fetch(task, input.refresh);
    recordings.offer(outcome.release);
    return outcome;
  };
  const ask = (task: ProviderTask) => deadline.settle(fetched(task), () => deadline.pending(task));
  const outcomes = await Promise.all(plan.tasks.map(ask));
  const messages = [...plan.messages];
  let gtin = plan.gtin;
  if (!gtin) {
    const found = barcodeFromPhaseOne(
      outcomes,
      plan.regions,
      (provider) => options.declarations.get(provider)?.regions === 'worldwide',
    );
    if (found.message) messages.push(found.message);
    if (found.gtin && !deadline.passed()) {
      gtin = found.gtin;
      // Narrowed to the storefronts the release was found in, or where it is sold.
      const regions = found.regions ?? plan.regions;
      const second = gtinTasks(options.plan, input, found.gtin, regions, plan.tasks);
      outcomes.push(...(await Promise.all(second.map(ask))));
    }
  }
  return { outcomes, messages, gtin, regions: plan.regions };
}

/** When the request asking arrived, and whether the answer waits for its permalink's write. */
export interface LookupTiming {
  arrivedAt?: Date;
  written?: boolean;
}

type Succeeded = ProviderOutcome & { release: NonNullable<ProviderOutcome['release']> };

function merge(options: LookupServiceOptions, input: ParsedLookupInput, succeeded: Succeeded[]) {
  return mergeReleases(
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
    {
      preferences: options.config.merge.preferences,
      ...(input.prefer ? { prefer: input.prefer } : {}),
    },
  );
}

/**
 * The merged result of the providers' answers, with what no provider stated (script, language,
 * types) guessed here, on the server; before MusicBrainz IDs are resolved.
 */
async function mergedResult(
  options: LookupServiceOptions,
  input: ParsedLookupInput,
  asked: Awaited<ReturnType<typeof askProviders>>,
  succeeded: Succeeded[],
  createdAt: Date,
): Promise<LookupResult> {
  const { outcomes, messages, gtin } = asked;
  const merged = merge(options, input, succeeded);
  for (const outcome of outcomes) messages.push(...outcome.messages);
  messages.push(...merged.messages);
  if (!merged.release)
    messages.push({ level: 'error', text: 'No provider returned this release.' });
  const completed = merged.release
    ? completeRelease(merged.release, await loadLanguageDetector())
    : undefined;
  if (completed) messages.push(...completed.messages);
  return {
    id: newPermalinkId(),
    createdAt: createdAt.toISOString(),
    query: {
      urls: input.urls,
      ...(gtin ? { gtin } : {}),
      regions: asked.regions,
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
}

/**
 * The release's MusicBrainz IDs and the recordings of its ISRCs (their search started with the
 * first store answer that gave them), applied to the result. Both wait for slots of the one
 * MusicBrainz budget; the recordings need no MBIDs. Past the deadline the answer goes out
 * without them; the searches go on and fill the cache.
 */
async function askMusicBrainz(
  options: LookupServiceOptions,
  result: LookupResult,
  asking: ResolveOptions,
  search: RecordingSearch,
  deadline: LookupDeadline,
) {
  const [resolution, recordings] = await Promise.all([
    resolveIds(options.resolver, result, asking, deadline),
    deadline.settle(search.find(result.release), () => ({ messages: [], failed: true })),
  ]);
  result.messages.push(...resolution.messages, ...recordings.messages);
  applyRecordings(result, recordings);
  await artistGroupStep(result, options.artistGroups, {
    refresh: asking.refresh ?? false,
    onRequest: asking.onRequest ?? (() => {}),
    settle: (work) => deadline.settle(work, () => undefined),
  });
  return { resolution, recordings };
}

/** What look-ups wait for now: the MusicBrainz queues and about how long they will take. */
async function queueStatus(options: LookupServiceOptions, running: number): Promise<QueueStatus> {
  const { config } = options;
  const queue = (await options.musicbrainzQueue?.()) ?? {
    untilFreeMs: 0,
    queuedUrls: 0,
    queuedIsrcs: 0,
  };
  return {
    lookupsRunning: running,
    deadlineMs: config.lookup.deadline,
    musicbrainz: {
      untilFreeMs: queue.untilFreeMs,
      queuedUrls: queue.queuedUrls,
      etaMs: musicbrainzEtaMs(queue, config.musicbrainz.requestInterval),
    },
  };
}

/**
 * The answer under its permalink. It does not wait past the deadline for the write (writes queue
 * at the database under a burst): the write goes on, and the permalink answers once it is done.
 */
async function storeAnswer(
  options: LookupServiceOptions,
  answer: {
    input: ParsedLookupInput;
    checked: LookupResult;
    succeeded: Succeeded[];
    createdAt: Date;
    failed: boolean;
    pending: boolean | undefined;
  },
  deadline: LookupDeadline,
  when: LookupTiming,
): Promise<void> {
  const { input, checked, createdAt } = answer;
  const writing = options.repos.lookups.create({
    id: checked.id,
    query: input,
    queryKey: queryKey(input),
    result: JSON.stringify(checked),
    sources: answer.succeeded.map((o) => o.releaseId!).filter((id) => id !== undefined),
    createdAt,
    reusableUntil: reusableUntil(options.config, options.declarations, checked, createdAt, {
      resolverFailed: answer.failed,
      resolverPending: answer.pending ?? false,
    }),
  });
  if (when.written) await writing;
  else if (!(await deadline.finish(writing.then(() => true))))
    options.logger.info(
      { permalink: checked.id },
      "answered at the look-up's deadline before its permalink was written; the write goes on",
    );
}

export function createLookupService(options: LookupServiceOptions) {
  const { config, repos, now } = options;

  /**
   * The stored answer to the same question within the cache lifetime, as the exact JSON text
   * first sent: one indexed read, no provider, no merge. The API's warm path sends these bytes
   * as they are; `lookup` parses them.
   */
  async function storedAnswer(input: ParsedLookupInput): Promise<string | undefined> {
    if (input.refresh || input.urls.length > config.lookup.maxUrls) return undefined;
    const stored = await repos.lookups.latestForQuery(queryKey(input), now());
    if (!stored) return undefined;
    const outcome = stored.result.includes('"release":') ? 'merged' : 'empty';
    options.onLookup?.({ outcome, providers: 0, cached: 0, stored: true });
    return stored.result;
  }

  let running = 0;

  /** What look-ups wait for now: the MusicBrainz queues and about how long they will take. */
  const queue = () => queueStatus(options, running);

  /**
   * `arrivedAt`: when the request that asks arrived (the API's edge), from which the deadline
   * counts, so that what happened before the call (the edge's own stored-answer check, a wait
   * for the database) is inside it; a call without a request (the CLI) counts from now.
   * `written`: the answer waits for its permalink's write however long it takes (for a caller
   * that opens the permalink next).
   */
  async function lookup(raw: LookupInput, when: LookupTiming = {}): Promise<LookupResult> {
    running++;
    try {
      return await lookupOnce(raw, lookupDeadline(options, when.arrivedAt ?? now()), when);
    } finally {
      running--;
    }
  }

  async function lookupOnce(
    raw: LookupInput,
    deadline: LookupDeadline,
    when: LookupTiming,
  ): Promise<LookupResult> {
    const input = lookupInputSchema.parse(raw);
    if (input.urls.length > config.lookup.maxUrls) {
      throw new TooManyUrlsError(config.lookup.maxUrls, input.urls.length);
    }
    // Under a burst this read waits its turn at the database: past the deadline the look-up
    // goes on as a cold one, whose parts then answer at once as pending.
    const stored = await deadline.settle(storedAnswer(input), () => undefined);
    if (stored) return JSON.parse(stored) as LookupResult;
    const musicbrainz: RequestSpan[] = [];
    const asking = { refresh: input.refresh, onRequest: (s: RequestSpan) => musicbrainz.push(s) };
    const search = recordingSearch(options.recordings, asking);
    const asked = await askProviders(options, input, deadline, search);
    const succeeded = asked.outcomes.filter((o): o is Succeeded => Boolean(o.release));
    const createdAt = now();
    const result = await mergedResult(options, input, asked, succeeded, createdAt);
    const { resolution, recordings } = await askMusicBrainz(
      options,
      result,
      asking,
      search,
      deadline,
    );
    const stores = asked.outcomes.flatMap((o) => o.spans ?? []);
    result.cost = {
      requests: stores.length,
      musicbrainzRequests: musicbrainz.length,
      chain: longestChain([...stores, ...musicbrainz]),
    };
    const checked = canonical(result);
    const failed = { failed: resolution.failed || recordings.failed, pending: resolution.pending };
    await storeAnswer(options, { input, checked, succeeded, createdAt, ...failed }, deadline, when);
    options.onLookup?.({
      outcome: checked.release ? 'merged' : 'empty',
      providers: asked.outcomes.length,
      cached: asked.outcomes.filter((o) => o.info.cached).length,
      stored: false,
      cost: result.cost,
    });
    return checked;
  }

  return {
    lookup,
    queue,
    storedAnswer,
    /** The permalink of this question as asked at or before `at` (a Harmony `ts`), if any. */
    async madeBy(raw: LookupInput, at: Date): Promise<string | undefined> {
      const input = lookupInputSchema.parse(raw);
      return (await repos.lookups.madeBy(queryKey(input), at))?.id;
    },
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
