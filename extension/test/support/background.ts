/**
 * The background's real parts (Dexie cache on fake-indexeddb, seed store on the fake browser's
 * session storage, settings through storage.local) wired to a stand-in companion server, and
 * its message listener registered with the fake browser.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCache } from '../../src/background/cache.ts';
import { LinerDatabase } from '../../src/background/db.ts';
import { type BackgroundDeps, clientFactory } from '../../src/background/deps.ts';
import { answerMessage, registerMessageHandlers } from '../../src/background/listener.ts';
import { createSeedStore } from '../../src/background/seed-store.ts';
import type { FetchLike } from '../../src/background/server.ts';
import { createTabMemory } from '../../src/background/tab-memory.ts';
import type { SeedTakeResponse, Sender } from '../../src/messages.ts';
import { loadSettings } from '../../src/settings/storage.ts';
import { tokenStore } from '../../src/settings/token.ts';
import { type CompanionAnswers, fakeCompanion } from './companion.ts';

export const EXTENSION_ORIGIN = 'chrome-extension://liner-test-id';

let databases = 0;

export interface TestBackground {
  deps: BackgroundDeps;
  db: LinerDatabase;
  opened: string[];
  /** [tab, extension page] for every tab the background navigated. */
  navigated: [number, string][];
  /** Moves the cache's clock forward. */
  advance(ms: number): void;
}

function testBackground(fetch: FetchLike): TestBackground {
  let offset = 0;
  const now = () => Date.now() + offset;
  const db = new LinerDatabase(`liner-test-${++databases}-${Math.random()}`);
  const opened: string[] = [];
  const navigated: [number, string][] = [];
  const deps: BackgroundDeps = {
    cache: createCache(db, now),
    seeds: createSeedStore(fakeBrowser.storage.session),
    tabs: createTabMemory(fakeBrowser.storage.session),
    customSite: async (origin, tabId) =>
      origin.startsWith('https://') &&
      (await createTabMemory(fakeBrowser.storage.session).customSite(tabId)) === origin,
    settings: () => loadSettings(tokenStore(db)),
    client: clientFactory(fetch),
    openTab: async (url) => {
      opened.push(url);
    },
    updateTab: async (tabId, url) => {
      navigated.push([tabId, url]);
    },
    pageUrl: (path) => `${EXTENSION_ORIGIN}${path}`,
    version: '0.1.0-test',
  };
  return {
    deps,
    db,
    opened,
    navigated,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** The background's answer to `message` from `sender`, handed to `sendResponse`. */
type Listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => true;

/** What the post page at `postUrl` gets when it asks for the seed in its URL's fragment. */
function seedTaker(listener: Listener) {
  return (postUrl: string) =>
    new Promise<SeedTakeResponse>((resolve) =>
      listener(
        { type: 'seed.take', id: new URL(postUrl).hash.slice(1) },
        { url: postUrl },
        resolve as never,
      ),
    );
}

/**
 * A background answering the fake browser's messages (sendToBackground reaches it) on a
 * stand-in companion server with these answers.
 */
export function listeningBackground(answers: Partial<CompanionAnswers> = {}) {
  const companion = fakeCompanion(answers);
  const background = testBackground(companion.fetch);
  registerMessageHandlers(background.deps);
  // A message from a sender the test names (an extension page, a tab), answered as the
  // registered handlers answer it.
  const listener: Listener = (message, sender, sendResponse) => {
    void answerMessage(background.deps, message, sender).then(sendResponse);
    return true;
  };
  return { companion, background, listener, take: seedTaker(listener) };
}
