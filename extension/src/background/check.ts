/**
 * Badge answers for every store URL of a page. URLs are compared in the canonical form from the
 * shared store table (the server also asks MusicBrainz about the older forms), answers are
 * cached, and only the URLs without a fresh answer go to the server, batched with the other
 * tabs' questions (url-batch.ts).
 *
 * Every URL the page asked about gets a state. What the server could not settle is "unknown"
 * with the reason, or, where an older answer is cached, that answer marked stale; only when
 * nothing at all can be said (the server is away and nothing is cached) is the whole check a
 * failure, so a list page keeps the marks it has when one new release cannot be checked.
 */
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import type { CheckResponse, Problem, UrlState } from '../messages.ts';
import { musicBrainzUrl, storeEnabled } from '../settings/schema.ts';
import { type Cached, cacheNote } from './cache.ts';
import type { UrlRow } from './db.ts';
import type { BackgroundDeps } from './deps.ts';
import { disabledProblem } from './problems.ts';
import { batcherOf, type Outcome } from './url-batch.ts';

type State = Omit<UrlState, 'url' | 'canonicalUrl'>;

/** The settled part of an answer: the status, the MBIDs and their titles. */
const answerOf = ({ status, mbids, titles }: Pick<UrlRow, 'status' | 'mbids' | 'titles'>) => ({
  status,
  mbids,
  ...(titles ? { titles } : {}),
});

/** One URL's state from its cached row and what the server said, if it was asked. */
function stateOf(cached: Cached<UrlRow> | undefined, outcome: Outcome | undefined): State {
  const row = cached?.row;
  if (outcome?.status === 'linked' || outcome?.status === 'not-linked') return answerOf(outcome);
  if (!outcome && row) return answerOf(row);
  const reason =
    outcome?.status === 'unknown'
      ? outcome.error
      : outcome?.status === 'failed'
        ? outcome.problem.message
        : 'not checked';
  if (!row) return { status: 'unknown', mbids: [], error: reason };
  // The server being away is said once for the whole answer (its CacheNote).
  if (outcome?.status === 'failed') return answerOf(row);
  return { ...answerOf(row), stale: { checkedAt: new Date(row.checkedAt).toISOString(), reason } };
}

export async function checkUrls(
  deps: BackgroundDeps,
  urls: readonly string[],
): Promise<CheckResponse> {
  const settings = await deps.settings();
  const pages = urls.flatMap((url) => {
    const recognized = tryRecognizeUrl(url);
    return recognized
      ? [{ url, canonicalUrl: recognized.canonicalUrl, store: recognized.entity.store }]
      : [];
  });
  const enabled = pages.filter((page) => storeEnabled(settings, page.store));
  if (enabled.length === 0) {
    const problem = pages.length
      ? disabledProblem()
      : disabledProblem('None of these URLs is a store page Liner knows.');
    return { ok: false, problem };
  }
  const canonical = [...new Set(enabled.map((page) => page.canonicalUrl))];
  const cached = await deps.cache.urlStates(canonical);
  const missing = canonical.filter((url) => !cached.get(url)?.fresh);
  const outcomes: Map<string, Outcome> =
    missing.length > 0 ? await batcherOf(deps).ask(missing) : new Map();

  let serverProblem: Problem | undefined;
  for (const outcome of outcomes.values())
    if (outcome.status === 'failed') serverProblem ??= outcome.problem;
  const byUrl = new Map(canonical.map((url) => [url, stateOf(cached.get(url), outcomes.get(url))]));
  // Nothing to show at all: the page says so with Retry.
  if (serverProblem && [...byUrl.values()].every((state) => state.status === 'unknown'))
    return { ok: false, problem: serverProblem };

  const states: UrlState[] = enabled.map((page) => ({
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    ...byUrl.get(page.canonicalUrl)!,
  }));
  const settled = (url: string) => {
    const status = outcomes.get(url)?.status;
    return status === 'linked' || status === 'not-linked';
  };
  const shownFromCache = canonical.filter((url) => cached.has(url) && !settled(url));
  const fromCache = missing.length === 0 || serverProblem !== undefined;
  const oldest = Math.min(...shownFromCache.map((url) => cached.get(url)!.row.checkedAt));
  return {
    ok: true,
    states,
    musicbrainzUrl: musicBrainzUrl(settings),
    ...(fromCache && shownFromCache.length > 0
      ? { cache: cacheNote({ fetchedAt: oldest }, serverProblem) }
      : {}),
  };
}
