/**
 * A provider's part of a look-up as the look-up service sees it (ProviderOutcome), made from a
 * store's answer, a failure, or a row the database already holds.
 */
import type {
  LookupMessage,
  ProviderInfo,
  ProviderName,
  Release,
  StoreEntity,
} from '@liner/shared';
import { UpstreamError } from '../http/errors.ts';
import { failureInWords } from '../http/failure.ts';
import type { RequestSpan } from '../http/types.ts';
import { redactUrl, redactUrlsIn } from '../log.ts';
import type { ProviderDeclaration } from '../providers/types.ts';
import type { CacheEntry, Repositories } from '../repositories/types.ts';

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
  /** The requests sent for it by this look-up (none when answered from the database). */
  spans?: readonly RequestSpan[];
}

/** What is stored beside a provider's release (provider_releases.info). */
export interface StoredInfo {
  info: ProviderInfo;
  messages: LookupMessage[];
  heldBarcode?: string;
}

export type Declarations = ReadonlyMap<ProviderName, ProviderDeclaration>;

export function baseInfo(declarations: Declarations, task: ProviderTask): ProviderInfo {
  return {
    name: task.provider,
    displayName: declarations.get(task.provider)?.displayName ?? task.provider,
    lookup: { method: task.method, value: task.value },
  };
}

export function errorOutcome(
  declarations: Declarations,
  task: ProviderTask,
  error: UpstreamError,
  fetchedAt?: Date,
  cached = false,
): ProviderOutcome {
  const base = baseInfo(declarations, task);
  // The sentence for people goes to clients; the technical message stays in the log.
  const words = failureInWords(error, base.displayName);
  const info: ProviderInfo = {
    ...base,
    error: {
      kind: error.kind,
      message: words.message,
      ...(words.detail ? { detail: redactUrlsIn(words.detail) } : {}),
      url: redactUrl(error.url),
      ...(error.status ? { status: error.status } : {}),
    },
    ...(fetchedAt ? { fetchedAt: fetchedAt.toISOString() } : {}),
    ...(cached ? { cached, requests: 0, chain: 0 } : {}),
  };
  return {
    task,
    info,
    messages: [{ level: 'error', provider: task.provider, text: words.message }],
    error,
  };
}

/** The outcome a cache row stands for: the stored release, or the stored failure. */
export async function outcomeOfEntry(
  declarations: Declarations,
  repos: Repositories,
  task: ProviderTask,
  entry: CacheEntry,
): Promise<ProviderOutcome> {
  if (entry.releaseId === null) {
    const e = entry.error as {
      kind: UpstreamError['kind'];
      message: string;
      url: string;
      status?: number;
    };
    const error = new UpstreamError(e.kind, task.provider, e.url, e.message, e.status);
    return errorOutcome(declarations, task, error, entry.fetchedAt, true);
  }
  const stored = await repos.providerReleases.get(entry.releaseId);
  if (!stored) throw new Error(`cached provider release ${entry.releaseId} is missing`);
  const { info, messages, heldBarcode } = stored.info as StoredInfo;
  return {
    task,
    info: {
      ...info,
      fetchedAt: stored.fetchedAt.toISOString(),
      cached: true,
      requests: 0,
      chain: 0,
    },
    release: stored.release as Release,
    releaseId: stored.id,
    messages,
    ...(heldBarcode !== undefined ? { heldBarcode } : {}),
  };
}
