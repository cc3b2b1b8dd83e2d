/**
 * A store artist's releases with their MusicBrainz states (the server's discography.artist), for
 * the panel on the store's artist page and on the MusicBrainz artist page. Answers are cached
 * like look-ups: fresh for TTL.discography, older ones shown with the reason when the server
 * cannot be asked. While the server pages through the listing, the panel asks how far it is with
 * a progress ID of its own choosing, which the background makes the tab's (a page can follow
 * only its own tab's listings).
 */
import {
  type Discography,
  discographyProgressSchema,
  discographySchema,
} from '@liner/shared/contracts';
import type {
  DiscographyProgressResponse,
  DiscographyResponse,
  Failure,
  Sender,
} from '../messages.ts';
import { musicBrainzUrl, type Settings, storeEnabled } from '../settings/schema.ts';
import { artistPanelPage } from '../sites.ts';
import { throughCache } from './cache.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { disabledProblem, problemFrom } from './problems.ts';
import { artistPageSender, linkRefusal } from './sender-scope.ts';

const refused = (message: string): Failure => ({
  ok: false,
  problem: { kind: 'invalid-request', message, retryable: false },
});

/** The server's progress ID: the page's own, under its tab (or "x" for the extension's pages). */
export function tabProgressId(sender: Sender, progressId: string): string {
  return `${sender.tab?.id ?? 'x'}-${progressId}`;
}

export interface DiscographyRequest {
  url: string;
  progressId: string;
  refresh: boolean;
}

/**
 * The server's listings under way, by canonical artist URL, per background: a panel reopened
 * (or another tab asking for the same artist) joins the one running instead of having the
 * server read every page of the store's list again; the joiner's progress ID follows it.
 */
interface Running {
  listings: Map<string, { answer: Promise<Discography>; progressId: string }>;
  /** A joiner's server progress ID -> the running listing's. */
  aliases: Map<string, string>;
}
const running = new WeakMap<BackgroundDeps, Running>();

function runningOf(deps: BackgroundDeps): Running {
  const known = running.get(deps);
  if (known) return known;
  const fresh: Running = { listings: new Map(), aliases: new Map() };
  running.set(deps, fresh);
  return fresh;
}

/** The server's listing of `artistUrl`, cached; joined when one is already under way. */
function listFromServer(
  deps: BackgroundDeps,
  settings: Settings,
  artistUrl: string,
  refresh: boolean,
  progressId: string,
): Promise<Discography> {
  const { listings, aliases } = runningOf(deps);
  const under = listings.get(artistUrl);
  if (under) {
    aliases.set(progressId, under.progressId);
    return under.answer.finally(() => aliases.delete(progressId));
  }
  const answer = (async () => {
    const client = deps.client(settings, TIMEOUTS.discography);
    const raw = await client.discography.artist.query({ url: artistUrl, refresh, progressId });
    const discography = discographySchema.parse(raw);
    await deps.cache.putDiscography(artistUrl, discography);
    return discography;
  })().finally(() => listings.delete(artistUrl));
  listings.set(artistUrl, { answer, progressId });
  return answer;
}

/** The listing from the cache when fresh, else from the server; an older one when it is down. */
async function fetchDiscography(
  deps: BackgroundDeps,
  artistUrl: string,
  request: DiscographyRequest,
  sender: Sender,
): Promise<DiscographyResponse> {
  const settings = await deps.settings();
  const site = { musicbrainzUrl: musicBrainzUrl(settings) };
  const cached = await deps.cache.discography(artistUrl);
  const answer = await throughCache(
    cached,
    request.refresh,
    (row) => row.discography,
    () =>
      listFromServer(
        deps,
        settings,
        artistUrl,
        request.refresh,
        tabProgressId(sender, request.progressId),
      ),
    (error) => problemFrom(error),
  );
  if (!answer.ok) return answer;
  const { value: discography, cache } = answer;
  return { ok: true, discography, ...site, ...(cache ? { cache } : {}) };
}

/**
 * The listing for the tab that asked, unless the tab may not have it (sender-scope.ts); for a
 * MusicBrainz artist page remembered under the tab and the page's artist, so that page may then
 * look its releases up and import them.
 */
export async function artistDiscography(
  deps: BackgroundDeps,
  request: DiscographyRequest,
  sender: Sender,
): Promise<DiscographyResponse> {
  const artist = artistPanelPage(request.url);
  if (!artist) return refused(`${request.url} is not an artist page Liner lists.`);
  if (!storeEnabled(await deps.settings(), artist.entity.store))
    return { ok: false, problem: disabledProblem() };
  const mbPage = artistPageSender(sender);
  if (mbPage) {
    const problem = await linkRefusal(deps, artist.canonicalUrl, mbPage.mbid);
    if (problem) return { ok: false, problem };
  }
  const answer = await fetchDiscography(deps, artist.canonicalUrl, request, sender);
  if (!answer.ok) return answer;
  const tabId = sender.tab?.id;
  if (mbPage && tabId !== undefined)
    await deps.tabs.listed(
      tabId,
      mbPage.mbid,
      answer.discography.releases.map((release) => release.url),
    );
  return answer;
}

export async function discographyProgress(
  deps: BackgroundDeps,
  progressId: string,
  sender: Sender,
): Promise<DiscographyProgressResponse> {
  const settings = await deps.settings();
  try {
    const client = deps.client(settings, TIMEOUTS.status);
    const own = tabProgressId(sender, progressId);
    const answer = await client.discography.progress.query({
      progressId: runningOf(deps).aliases.get(own) ?? own,
    });
    return { ok: true, progress: discographyProgressSchema.nullable().parse(answer) };
  } catch (error) {
    return { ok: false, problem: problemFrom(error) };
  }
}
