/**
 * What the background remembers about each tab, to tie a content script's messages to it: the
 * look-ups the tab asked for (an import must name one of them), the release pages of the artist
 * listings its MusicBrainz artist pages were answered, by the page's artist (that artist's page
 * may look those up), and the Bandcamp page
 * on an artist's own domain that the popup added the button to once. Kept in session storage, which
 * content scripts cannot read (its access level stays trusted contexts) and the browser clears
 * when it closes, because the service worker may be stopped between a look-up and the click
 * that imports it.
 */
import { tryRecognizeUrl } from '@liner/shared/stores/index';
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
  /**
   * The tab's MusicBrainz page of artist `mbid` was answered a listing with these release pages
   * (canonical form).
   */
  listed(tabId: number, mbid: string, urls: readonly string[]): Promise<void>;
  /** Whether a listing the tab's page of artist `mbid` was answered held that release page. */
  didList(tabId: number, mbid: string, url: string): Promise<boolean>;
  /** The origin of the custom Bandcamp domain the popup added the button to in this tab. */
  customSite(tabId: number): Promise<string | undefined>;
  forget(tabId: number): Promise<void>;
}

export function createTabMemory(area: SessionArea): TabMemory {
  const pairs = async (key: string) =>
    ((await area.get(key))[key] as [string, string][] | undefined) ?? [];
  // A tab's entries are read, changed and written back: one change at a time per key, so two
  // answers arriving together (two listings, two look-ups) do not drop each other's entries.
  const writing = new Map<string, Promise<void>>();
  const update = (key: string, change: (old: [string, string][]) => [string, string][]) => {
    const done = (writing.get(key) ?? Promise.resolve())
      .catch(() => {})
      .then(async () => {
        await area.set({ [key]: change(await pairs(key)) });
      });
    writing.set(key, done);
    void done.finally(() => {
      if (writing.get(key) === done) writing.delete(key);
    });
    return done;
  };
  /** Releases are remembered as their store's canonical URL: any spelling of a page finds it. */
  const release = (url: string) => tryRecognizeUrl(url)?.canonicalUrl ?? url;
  return {
    lookedUp: (tabId, page, permalink) =>
      update(lookupsKey(tabId), (old) => {
        const url = release(page);
        const kept = old.filter(([u, p]) => u !== url || p !== permalink);
        return [...kept, [url, permalink] as [string, string]].slice(-LOOKUPS_PER_TAB);
      }),
    async didLookUp(tabId, page, permalink) {
      const url = release(page);
      return (await pairs(lookupsKey(tabId))).some(([u, p]) => u === url && p === permalink);
    },
    listed: (tabId, mbid, urls) =>
      update(listedKey(tabId), (old) => {
        const fresh = new Set(urls.map(release));
        const kept = old.filter(([m, u]) => m !== mbid || !fresh.has(u));
        const added = [...fresh].map((url) => [mbid, url] as [string, string]);
        return [...kept, ...added].slice(-LISTED_PER_TAB);
      }),
    async didList(tabId, mbid, page) {
      const url = release(page);
      return (await pairs(listedKey(tabId))).some(([m, u]) => m === mbid && u === url);
    },
    async customSite(tabId) {
      const value = (await area.get(customSiteKey(tabId)))[customSiteKey(tabId)];
      return typeof value === 'string' ? value : undefined;
    },
    forget: (tabId) => area.remove([lookupsKey(tabId), listedKey(tabId), customSiteKey(tabId)]),
  };
}
