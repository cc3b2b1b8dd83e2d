/**
 * The stores the extension works on, from the shared store table: every store that declares a
 * site (`site` in its store.ts: title anchors, single-page navigation, list pages). One content
 * script serves them all and picks the site by the page's host.
 */
import type { ProviderName } from '@liner/shared/model';
import {
  hasSite,
  type RecognizedUrl,
  STORES,
  type StoreDefinition,
  type StoreSite,
  storeByName,
  storeForHost,
  storeMatchPatterns,
  tryRecognizeUrl,
} from '@liner/shared/stores/index';

/** A store with a site (the type cannot tell which stores declare one; SITE_NAMES can). */
export type SiteName = ProviderName;

export interface Site extends StoreSite {
  store: SiteName;
}

const SITE_LIST: readonly Site[] = (STORES as readonly StoreDefinition[])
  .filter(hasSite)
  .map((store) => ({ store: store.name, ...store.site }));

export const SITES: ReadonlyMap<SiteName, Site> = new Map(SITE_LIST.map((s) => [s.store, s]));
export const SITE_NAMES: readonly SiteName[] = SITE_LIST.map((s) => s.store);

export function site(name: SiteName): Site {
  const found = SITES.get(name);
  if (!found) throw new Error(`the store "${name}" declares no site for the extension`);
  return found;
}

/**
 * The site of a page, by its host; on a host of no store, the site whose pages also live on an
 * artist's own domain (Bandcamp), since the content script runs there only when the user added
 * it from the popup.
 */
export function siteForHost(host: string): Site | undefined {
  const store = storeForHost(host);
  if (store) return SITES.get(store.name);
  return SITE_LIST.find((s) => s.ownDomains);
}

/** The manifest match patterns of a store's pages, from the shared store table. */
export function siteMatches(name: SiteName): string[] {
  return storeMatchPatterns(storeByName(name));
}

/** Every store site's match patterns: the one content script's matches. */
export function allSiteMatches(): string[] {
  return SITE_NAMES.flatMap(siteMatches);
}

/**
 * A store's artist page whose releases the server lists (its store declares `site.artistPanel`),
 * recognized by the store declarations alone: the discography panel's pages, and the only store
 * links a MusicBrainz artist page's sidebar is taken for.
 */
export function artistPanelPage(href: string): RecognizedUrl | undefined {
  const recognized = tryRecognizeUrl(href);
  if (recognized?.entity.type !== 'artist') return undefined;
  return SITES.get(recognized.entity.store)?.artistPanel ? recognized : undefined;
}
