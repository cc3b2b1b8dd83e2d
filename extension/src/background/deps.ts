/** What the background's handlers need, injected so tests run them on fakes of the edges only. */
import type { Settings } from '../settings/schema.ts';
import type { Cache } from './cache.ts';
import type { SeedStore } from './seed-store.ts';
import { type FetchLike, type ServerClient, serverClient } from './server.ts';
import type { TabMemory } from './tab-memory.ts';

/**
 * Time-outs per kind of call: a badge must not wait long, a look-up asks every store, and a
 * comparison reads MusicBrainz (in the server's turn of its one request per second) and then
 * asks every store.
 */
export const TIMEOUTS = {
  check: 10_000,
  lookup: 60_000,
  compare: 60_000,
  seed: 20_000,
  /**
   * An artist's listing reads every page of the store's list, then asks MusicBrainz about its
   * URLs 100 at a time in the server's one request per second: minutes for the largest.
   */
  discography: 180_000,
  status: 4_000,
} as const;

export interface BackgroundDeps {
  cache: Cache;
  seeds: SeedStore;
  /** Each tab's look-ups and custom site, to tie content scripts' messages to their tab. */
  tabs: TabMemory;
  /**
   * Whether the page origin is a Bandcamp site on an artist's own domain that Liner may serve in
   * this tab: https, and registered by "Always on <host>" or added once from the popup there.
   */
  customSite(origin: string, tabId: number): Promise<boolean>;
  settings(): Promise<Settings>;
  client(settings: Pick<Settings, 'serverUrl' | 'token'>, timeoutMs: number): ServerClient;
  /** Opens an extension page (the seed poster) in a new tab. */
  openTab(url: string): Promise<void>;
  /** Navigates an existing tab (the editor the user pasted into) to an extension page. */
  updateTab(tabId: number, url: string): Promise<void>;
  /** The absolute URL of an extension page. */
  pageUrl(path: string): string;
  version: string;
}

export function clientFactory(fetchImpl?: FetchLike): BackgroundDeps['client'] {
  return (settings, timeoutMs) =>
    serverClient({
      serverUrl: settings.serverUrl,
      token: settings.token,
      timeoutMs,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
}
