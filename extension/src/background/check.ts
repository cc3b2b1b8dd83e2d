/**
 * Badge answers for every store URL of a page in one batched server call. URLs are compared in
 * the canonical form from the shared store table (the server also asks MusicBrainz about the
 * older forms), answers are cached, and only the URLs without a fresh answer go to the server.
 */
import { urlCheckSchema } from '@liner/shared/api';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import { z } from 'zod';
import type { CheckResponse, UrlState } from '../messages.ts';
import { musicBrainzUrl, storeEnabled } from '../settings/schema.ts';
import type { UrlRow } from './db.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { problemFrom } from './problems.ts';

const answersSchema = z.array(urlCheckSchema);

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
    const message = pages.length
      ? 'Liner is switched off for this store in its options.'
      : 'None of these URLs is a store page Liner knows.';
    return { ok: false, problem: { kind: 'disabled', message, retryable: false } };
  }
  const canonical = [...new Set(enabled.map((page) => page.canonicalUrl))];
  const cached = await deps.cache.urlStates(canonical);
  const missing = canonical.filter((url) => !cached.get(url)?.fresh);
  const known = new Map<string, Pick<UrlRow, 'status' | 'mbids'>>();
  for (const [url, entry] of cached) known.set(url, entry.row);
  const unsettled = new Map<string, string>();
  let serverProblem: string | undefined;
  if (missing.length > 0) {
    try {
      const client = deps.client(settings, TIMEOUTS.check);
      const answers = answersSchema.parse(
        await client.musicbrainz.checkUrls.query({ urls: missing }),
      );
      const settled: Pick<UrlRow, 'url' | 'status' | 'mbids'>[] = [];
      for (const answer of answers) {
        const url = answer.canonicalUrl ?? answer.url;
        const status: string = answer.status;
        if (status === 'linked' || status === 'not-linked')
          settled.push({ url, status, mbids: answer.mbids });
        // The server could not ask MusicBrainz just now: say so, and cache nothing.
        else if (status !== 'invalid')
          unsettled.set(url, answer.error ?? 'MusicBrainz did not answer');
      }
      await deps.cache.putUrlStates(settled);
      for (const state of settled) known.set(state.url, state);
    } catch (error) {
      const problem = problemFrom(error, settings.serverUrl);
      // Stale answers are better than none while the server is away; no answer at all is not.
      if (missing.some((url) => !cached.has(url))) return { ok: false, problem };
      serverProblem = problem.message;
    }
  }
  const states: UrlState[] = enabled.flatMap((page): UrlState[] => {
    const row = known.get(page.canonicalUrl);
    const base = { url: page.url, canonicalUrl: page.canonicalUrl };
    if (row) return [{ ...base, status: row.status, mbids: row.mbids }];
    const error = unsettled.get(page.canonicalUrl);
    return error === undefined ? [] : [{ ...base, status: 'unknown', mbids: [], error }];
  });
  const fromCache = missing.length === 0 || serverProblem !== undefined;
  const oldest = Math.min(...[...cached.values()].map((entry) => entry.row.checkedAt));
  return {
    ok: true,
    states,
    musicbrainzUrl: musicBrainzUrl(settings),
    ...(fromCache
      ? {
          cache: {
            fetchedAt: new Date(oldest).toISOString(),
            ...(serverProblem ? { serverProblem } : {}),
          },
        }
      : {}),
  };
}
