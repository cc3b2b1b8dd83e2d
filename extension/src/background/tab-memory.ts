/**
 * What the background remembers about each tab, to tie a content script's messages to it: the
 * look-ups the tab asked for (an import must name one of them), the release pages of the artist
 * listings it was answered (a MusicBrainz artist page may look those up), and the Bandcamp page
 * on an artist's own domain that the popup added the button to once. Kept in session storage, which
 * content scripts cannot read (its access level stays trusted contexts) and the browser clears
 * when it closes, because the service worker may be stopped between a look-up and the click
 * that imports it.
 */
import type { Browser } from 'wxt/browser';

type SessionArea = Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;

/** A tab looks up one page at a time; a few dozen covers going back and forth in one tab. */
const LOOKUPS_PER_TAB = 40;

/** Release pages kept from a tab's listings: the last few artists' discographies. */
const LISTED_PER_TAB = 3000;

const lookupsKey = (tabId: number) => `tab-lookups:${tabId}`;
const listedKey = (tabId: number) => `tab-listed:${tabId}`;

/** Where the popup notes that it added the button to a custom Bandcamp domain in this tab. */
export const customSiteKey = (tabId: number) => `tab-site:${tabId}`;

export interface TabMemory {
  /** The tab was answered look-up `permalink` for the store page `url` (canonical form). */
  lookedUp(tabId: number, url: string, permalink: string): Promise<void>;
  /** Whether the tab was answered that look-up for that page. */
  didLookUp(tabId: number, url: string, permalink: string): Promise<boolean>;
  /** The tab was answered an artist listing with these release pages (canonical form). */
  listed(tabId: number, urls: readonly string[]): Promise<void>;
  /** Whether one of the tab's listings held that release page. */
  didList(tabId: number, url: string): Promise<boolean>;
  /** The origin of the custom Bandcamp domain the popup added the button to in this tab. */
  customSite(tabId: number): Promise<string | undefined>;
  forget(tabId: number): Promise<void>;
}

export function createTabMemory(area: SessionArea): TabMemory {
  const lookups = async (tabId: number) =>
    ((await area.get(lookupsKey(tabId)))[lookupsKey(tabId)] as [string, string][] | undefined) ??
    [];
  const listedUrls = async (tabId: number) =>
    ((await area.get(listedKey(tabId)))[listedKey(tabId)] as string[] | undefined) ?? [];
  return {
    async lookedUp(tabId, url, permalink) {
      const kept = (await lookups(tabId)).filter(([u, p]) => u !== url || p !== permalink);
      kept.push([url, permalink]);
      await area.set({ [lookupsKey(tabId)]: kept.slice(-LOOKUPS_PER_TAB) });
    },
    async didLookUp(tabId, url, permalink) {
      return (await lookups(tabId)).some(([u, p]) => u === url && p === permalink);
    },
    async listed(tabId, urls) {
      const fresh = new Set(urls);
      const kept = (await listedUrls(tabId)).filter((url) => !fresh.has(url));
      await area.set({ [listedKey(tabId)]: [...kept, ...fresh].slice(-LISTED_PER_TAB) });
    },
    async didList(tabId, url) {
      return (await listedUrls(tabId)).includes(url);
    },
    async customSite(tabId) {
      const value = (await area.get(customSiteKey(tabId)))[customSiteKey(tabId)];
      return typeof value === 'string' ? value : undefined;
    },
    forget: (tabId) => area.remove([lookupsKey(tabId), listedKey(tabId), customSiteKey(tabId)]),
  };
}
