/**
 * Ties a content script's message to the page it runs on. A store page may only ask about its
 * own store's URLs (a Bandcamp page on an artist's own domain: Bandcamp's, from an https origin
 * the user granted or the popup added the button to in that tab), may import only a look-up
 * the same tab was answered for that page, and "compare" is answered only to the chosen
 * MusicBrainz site's page of that very release. An artist's listing goes to a store page of its
 * own store, or to the chosen MusicBrainz site's page of the artist MusicBrainz links the store
 * page to (one URL check says which, before the server lists anything: the page's sidebar is
 * not taken on trust); that page
 * may then look up and import the releases of the listings its tab was answered, and no others.
 * A compromised or hostile page can then neither open MusicBrainz with another site's seed nor
 * have the server compare a release it does not show. Messages without a tab come from the extension's own contexts: the browsers give every
 * content script's message its tab.
 */

import { storeForHost, tryRecognizeUrl } from '@liner/shared/stores/index';
import type { ParsedRequest, Problem, Sender } from '../messages.ts';
import { type MusicBrainzPage, musicBrainzPage } from '../musicbrainz-pages.ts';
import { musicBrainzUrl } from '../settings/schema.ts';
import { checkUrls } from './check.ts';
import type { BackgroundDeps } from './deps.ts';

/** The store whose URLs the page at `url` may ask about, or undefined for none. */
async function storeOfSender(
  deps: BackgroundDeps,
  url: URL,
  tabId: number,
): Promise<string | undefined> {
  const known = storeForHost(url.hostname);
  if (known) return url.protocol === 'https:' ? known.name : undefined;
  // Not a store's host: only a Bandcamp page on an artist's own domain the user let Liner on.
  return (await deps.customSite(url.origin, tabId)) ? 'bandcamp' : undefined;
}

function parse(url: string | undefined): URL | undefined {
  return url && URL.canParse(url) ? new URL(url) : undefined;
}

async function storeRefusal(
  deps: BackgroundDeps,
  urls: readonly string[],
  page: URL,
  tabId: number,
): Promise<string | undefined> {
  const store = await storeOfSender(deps, page, tabId);
  if (!store) return `Liner does not answer ${page.host} about store pages.`;
  const foreign = urls.find((url) => tryRecognizeUrl(url)?.entity.store !== store);
  if (foreign !== undefined)
    return `A page on ${page.host} asked about ${foreign}, not its own store.`;
  return undefined;
}

/** The sender's page when it is an artist's page on the chosen MusicBrainz site. */
async function artistPageOf(
  deps: BackgroundDeps,
  page: URL,
): Promise<Extract<MusicBrainzPage, { kind: 'artist' }> | undefined> {
  const shown = musicBrainzPage(page.href);
  if (shown?.kind !== 'artist') return undefined;
  return shown.origin === musicBrainzUrl(await deps.settings()) ? shown : undefined;
}

/**
 * A MusicBrainz artist page may look up (and import) only releases its tab was listed on a page
 * of that same artist.
 */
async function listedRefusal(
  deps: BackgroundDeps,
  url: string,
  tabId: number,
  mbid: string,
): Promise<string | undefined> {
  if (await deps.tabs.didList(tabId, mbid, url)) return undefined;
  return `${url} is in none of the listings this MusicBrainz page was shown.`;
}

/** Where a release may be looked up or imported from: its store's pages, or a listing's page. */
async function releaseRefusal(
  deps: BackgroundDeps,
  url: string,
  page: URL,
  tabId: number,
): Promise<string | undefined> {
  const artist = await artistPageOf(deps, page);
  if (artist) return listedRefusal(deps, url, tabId, artist.mbid);
  return storeRefusal(deps, [url], page, tabId);
}

/** An artist listing goes to its store's pages, or to a MusicBrainz artist page (see below). */
async function discographyRefusal(
  deps: BackgroundDeps,
  url: string,
  page: URL,
  tabId: number,
): Promise<string | undefined> {
  if (await artistPageOf(deps, page)) return undefined;
  return storeRefusal(deps, [url], page, tabId);
}

/** The MusicBrainz artist page that sent a message, when it is one (with its tab). */
export function artistPageSender(
  sender: Sender,
): Extract<MusicBrainzPage, { kind: 'artist' }> | undefined {
  if (sender.tab?.id === undefined || !sender.url) return undefined;
  const shown = musicBrainzPage(sender.url);
  return shown?.kind === 'artist' ? shown : undefined;
}

/**
 * Why a store artist page's listing may not go to the MusicBrainz page of artist `mbid`, asked
 * before the server lists anything (a listing reads every page of the store's list and spends
 * the shared MusicBrainz budget): one URL check, from the cache when fresh, must say that
 * MusicBrainz links the store page to that very artist (the page's sidebar is the page's to
 * say; MusicBrainz's link is not). A check that could not be made is said as such, retryable.
 */
export async function linkRefusal(
  deps: BackgroundDeps,
  artistUrl: string,
  mbid: string,
): Promise<Problem | undefined> {
  const answer = await checkUrls(deps, [artistUrl]);
  if (!answer.ok) return answer.problem;
  const state = answer.states[0];
  if (state?.status === 'linked' && state.mbids.includes(mbid)) return undefined;
  // An older "not linked" is no answer while MusicBrainz cannot be asked again.
  if (!state || state.status === 'unknown' || state.stale)
    return {
      kind: 'server-error',
      message: `MusicBrainz could not be asked whether it links ${artistUrl} to this artist (${state?.error ?? state?.stale?.reason ?? 'no answer'}), so Liner does not list it yet: try again later.`,
      retryable: true,
    };
  return {
    kind: 'invalid-request',
    message: `MusicBrainz does not link ${artistUrl} to this artist, so Liner does not list it here.`,
    retryable: false,
  };
}

async function importRefusal(
  deps: BackgroundDeps,
  request: Extract<ParsedRequest, { type: 'import' }>,
  tabId: number,
): Promise<string | undefined> {
  if (await deps.tabs.didLookUp(tabId, request.url, request.permalink)) return undefined;
  return 'This tab did not look that release up: open its panel again, then import.';
}

async function compareRefusal(
  deps: BackgroundDeps,
  mbid: string,
  page: string,
): Promise<string | undefined> {
  const shown = musicBrainzPage(page);
  const site = musicBrainzUrl(await deps.settings());
  if (shown?.kind === 'release' && shown.origin === site && shown.mbid === mbid.toLowerCase())
    return undefined;
  return `Liner compares a release only from its own page on ${site}.`;
}

/** Why a content script's `request` is refused for its sender, or undefined when it is not. */
export async function senderRefusal(
  deps: BackgroundDeps,
  request: ParsedRequest,
  sender: Sender,
): Promise<string | undefined> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const page = parse(sender.url);
  if (!page) return 'Liner does not answer a page without an address.';
  switch (request.type) {
    case 'check':
      return storeRefusal(deps, request.urls, page, tabId);
    case 'lookup':
      return releaseRefusal(deps, request.url, page, tabId);
    case 'import':
      return (
        (await releaseRefusal(deps, request.url, page, tabId)) ??
        (await importRefusal(deps, request, tabId))
      );
    case 'discography':
      return discographyRefusal(deps, request.url, page, tabId);
    case 'compare':
    case 'compare.links':
      return compareRefusal(deps, request.mbid, page.href);
    default:
      return undefined;
  }
}
