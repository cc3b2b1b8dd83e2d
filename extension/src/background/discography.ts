/**
 * A store artist's releases with their MusicBrainz states (the server's discography.artist), for
 * the panel on the store's artist page and on the MusicBrainz artist page. Answers are cached
 * like look-ups: fresh for TTL.discography, older ones shown with the reason when the server
 * cannot be asked. While the server pages through the listing, the panel asks how far it is with
 * a progress ID of its own choosing, which the background makes the tab's (a page can follow
 * only its own tab's listings).
 */
import { discographyProgressSchema, discographySchema } from '@liner/shared/contracts';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import type {
  DiscographyProgressResponse,
  DiscographyResponse,
  Failure,
  Sender,
} from '../messages.ts';
import { musicBrainzUrl, storeEnabled } from '../settings/schema.ts';
import { artistPanelPage } from '../sites.ts';
import { cacheNote } from './cache.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { problemFrom } from './problems.ts';
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
  if (cached?.fresh && !request.refresh)
    return { ok: true, discography: cached.row.discography, ...site, cache: cacheNote(cached.row) };
  try {
    const client = deps.client(settings, TIMEOUTS.discography);
    const answer = await client.discography.artist.query({
      url: artistUrl,
      refresh: request.refresh,
      progressId: tabProgressId(sender, request.progressId),
    });
    const discography = discographySchema.parse(answer);
    await deps.cache.putDiscography(artistUrl, discography);
    return { ok: true, discography, ...site };
  } catch (error) {
    const problem = problemFrom(error);
    if (!cached) return { ok: false, problem };
    const { discography } = cached.row;
    return { ok: true, discography, ...site, cache: cacheNote(cached.row, problem) };
  }
}

/**
 * The listing for the tab that asked, remembered for it (a MusicBrainz artist page may then look
 * its releases up and import them), unless the tab may not have it (sender-scope.ts).
 */
export async function artistDiscography(
  deps: BackgroundDeps,
  request: DiscographyRequest,
  sender: Sender,
): Promise<DiscographyResponse> {
  const artist = artistPanelPage(request.url);
  if (!artist) return refused(`${request.url} is not an artist page Liner lists.`);
  if (!storeEnabled(await deps.settings(), artist.entity.store))
    return {
      ok: false,
      problem: {
        kind: 'disabled',
        message: 'Liner is switched off for this store in its options.',
        retryable: false,
      },
    };
  const mbPage = artistPageSender(sender);
  if (mbPage) {
    const problem = await linkRefusal(deps, artist.canonicalUrl, mbPage.mbid);
    if (problem) return { ok: false, problem };
  }
  const answer = await fetchDiscography(deps, artist.canonicalUrl, request, sender);
  if (!answer.ok) return answer;
  const tabId = sender.tab?.id;
  if (tabId !== undefined)
    await deps.tabs.listed(
      tabId,
      answer.discography.releases.map(
        (release) => tryRecognizeUrl(release.url)?.canonicalUrl ?? release.url,
      ),
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
    const answer = await client.discography.progress.query({
      progressId: tabProgressId(sender, progressId),
    });
    return { ok: true, progress: discographyProgressSchema.nullable().parse(answer) };
  } catch (error) {
    return { ok: false, problem: problemFrom(error) };
  }
}
