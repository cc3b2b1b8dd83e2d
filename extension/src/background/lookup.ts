/**
 * The look-up behind a click: from the cache when fresh, else from the server, which asks the
 * stores. When the server cannot be asked, an older cached answer is shown with the reason.
 */
import { lookupResultSchema } from '@liner/shared/lookup';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import { formatArtists } from '../content/ui/format.ts';
import type { Failure, LookupResponse } from '../messages.ts';
import { musicBrainzUrl, type Settings } from '../settings/schema.ts';
import { throughCache } from './cache.ts';
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

/** The part of a look-up's input the options set: a cached answer holds for these only. */
export function lookupQuery(settings: Settings): string {
  return JSON.stringify({ regions: settings.regions, prefer: settings.providerOrder[0] ?? null });
}

/**
 * A store's release page in the canonical form, or the refusal: only those are looked up or
 * imported (the history keeps the URL, and the popup links it).
 */
export function releasePage(url: string): { ok: true; canonicalUrl: string } | Failure {
  const recognized = tryRecognizeUrl(url);
  if (recognized?.entity.type === 'release')
    return { ok: true, canonicalUrl: recognized.canonicalUrl };
  return {
    ok: false,
    problem: {
      kind: 'invalid-request',
      message: `${url} is not a release page Liner knows.`,
      retryable: false,
    },
  };
}

export async function lookupRelease(
  deps: BackgroundDeps,
  url: string,
  refresh: boolean,
): Promise<LookupResponse> {
  const page = releasePage(url);
  if (!page.ok) return page;
  const canonical = page.canonicalUrl;
  const settings = await deps.settings();
  const query = lookupQuery(settings);
  const site = { musicbrainzUrl: musicBrainzUrl(settings) };
  const cached = await deps.cache.lookup(canonical, query);
  const answer = await throughCache(
    cached,
    refresh,
    (row) => row.result,
    async () => {
      const client = deps.client(settings, TIMEOUTS.lookup);
      const raw = await client.lookup.release.mutate(
        lookupInput(settings, { urls: [canonical] }, refresh),
      );
      const result = lookupResultSchema.parse(raw);
      await deps.cache.putLookup(canonical, result, query);
      const artist = formatArtists(result.release?.artists ?? []);
      await deps.cache.addHistory({
        kind: 'lookup',
        url: canonical,
        permalink: result.id,
        ...(result.release ? { title: result.release.title } : {}),
        ...(artist ? { artist } : {}),
      });
      return result;
    },
    (error) => problemFrom(error),
  );
  if (!answer.ok) return answer;
  const { value: result, cache } = answer;
  return { ok: true, result, ...site, ...(cache ? { cache } : {}) };
}
