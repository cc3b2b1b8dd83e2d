/**
 * The look-up behind a click: from the cache when fresh, else from the server, which asks the
 * stores. When the server cannot be asked, an older cached answer is shown with the reason.
 */
import { type LookupResult, lookupResultSchema } from '@liner/shared/lookup';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import type { LookupResponse } from '../messages.ts';
import type { Settings } from '../settings/schema.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { problemFrom } from './problems.ts';

/** The look-up input the settings ask for: preferred regions, the most trusted provider. */
export function lookupInput(
  settings: Settings,
  query: { urls: string[] } | { gtin: string },
  refresh: boolean,
) {
  return {
    ...query,
    ...(settings.regions.length ? { regions: settings.regions } : {}),
    ...(settings.providerOrder[0] ? { prefer: settings.providerOrder[0] } : {}),
    refresh,
  };
}

export function artistLine(result: LookupResult): string | undefined {
  const artists = result.release?.artists ?? [];
  if (artists.length === 0) return undefined;
  return artists
    .map(
      (a, i) =>
        `${a.creditedName ?? a.name}${i < artists.length - 1 ? (a.joinPhrase ?? ', ') : ''}`,
    )
    .join('');
}

export async function lookupRelease(
  deps: BackgroundDeps,
  url: string,
  refresh: boolean,
): Promise<LookupResponse> {
  const recognized = tryRecognizeUrl(url);
  if (recognized?.entity.type !== 'release') {
    return {
      ok: false,
      problem: {
        kind: 'invalid-request',
        message: `${url} is not a release page Liner knows.`,
        retryable: false,
      },
    };
  }
  const canonical = recognized.canonicalUrl;
  const settings = await deps.settings();
  const cached = await deps.cache.lookup(canonical);
  if (cached?.fresh && !refresh) {
    return {
      ok: true,
      result: cached.row.result,
      cache: { fetchedAt: new Date(cached.row.fetchedAt).toISOString() },
    };
  }
  try {
    const client = deps.client(settings, TIMEOUTS.lookup);
    const answer = await client.lookup.release.mutate(
      lookupInput(settings, { urls: [canonical] }, refresh),
    );
    const result = lookupResultSchema.parse(answer);
    await deps.cache.putLookup(canonical, result);
    await deps.cache.addHistory({
      kind: 'lookup',
      url: canonical,
      permalink: result.id,
      ...(result.release ? { title: result.release.title } : {}),
      ...(artistLine(result) ? { artist: artistLine(result) } : {}),
    });
    return { ok: true, result };
  } catch (error) {
    const problem = problemFrom(error, settings.serverUrl);
    if (!cached) return { ok: false, problem };
    return {
      ok: true,
      result: cached.row.result,
      cache: {
        fetchedAt: new Date(cached.row.fetchedAt).toISOString(),
        serverProblem: problem.message,
      },
    };
  }
}
