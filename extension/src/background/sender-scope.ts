/**
 * Ties a content script's message to the page it runs on. A store page may only ask about its
 * own store's URLs (a Bandcamp page on an artist's own domain: Bandcamp's, from an https origin
 * the user granted or the popup added the button to in that tab), may import only a look-up
 * the same tab was answered for that page, and "compare" is answered only to the chosen
 * MusicBrainz site's page of that very release. A compromised or hostile page can then neither
 * open MusicBrainz with another site's seed nor have the server compare a release it does not
 * show. Messages without a tab come from the extension's own contexts: the browsers give every
 * content script's message its tab.
 */
import { storeForHost, tryRecognizeUrl } from '@liner/shared/stores/index';
import type { ParsedRequest, Sender } from '../messages.ts';
import { musicBrainzPage } from '../musicbrainz-pages.ts';
import { musicBrainzUrl } from '../settings/schema.ts';
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

async function importRefusal(
  deps: BackgroundDeps,
  request: Extract<ParsedRequest, { type: 'import' }>,
  tabId: number,
): Promise<string | undefined> {
  const canonical = tryRecognizeUrl(request.url)?.canonicalUrl ?? request.url;
  if (await deps.tabs.didLookUp(tabId, canonical, request.permalink)) return undefined;
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
      return storeRefusal(deps, [request.url], page, tabId);
    case 'import':
      return (
        (await storeRefusal(deps, [request.url], page, tabId)) ??
        (await importRefusal(deps, request, tabId))
      );
    case 'compare':
    case 'compare.links':
      return compareRefusal(deps, request.mbid, page.href);
    default:
      return undefined;
  }
}
