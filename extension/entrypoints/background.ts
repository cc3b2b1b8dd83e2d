import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCache } from '../src/background/cache.ts';
import { relayCommands } from '../src/background/commands.ts';
import { LinerDatabase } from '../src/background/db.ts';
import { clientFactory } from '../src/background/deps.ts';
import { registerMessageHandlers } from '../src/background/listener.ts';
import { createSeedStore } from '../src/background/seed-store.ts';
import { createTabMemory } from '../src/background/tab-memory.ts';
import { isCustomSite, updateSiteScripts } from '../src/pages/custom-site.ts';
import { cachedSettings } from '../src/settings/storage.ts';
import { tokenStore } from '../src/settings/token.ts';

export default defineBackground(() => {
  const tabs = createTabMemory(browser.storage.session);
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(() => {}));
  const db = new LinerDatabase();
  registerMessageHandlers({
    cache: createCache(db),
    seeds: createSeedStore(browser.storage.session),
    tabs,
    customSite: (origin, tabId) => isCustomSite(tabs, origin, tabId),
    settings: cachedSettings(tokenStore(db)),
    client: clientFactory(),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    updateTab: async (tabId, url) => {
      await browser.tabs.update(tabId, { url });
    },
    pageUrl: (path) => browser.runtime.getURL(path as '/'),
    version: browser.runtime.getManifest().version,
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // `scripting` is optional: without it there is nothing registered to update.
    if (reason === 'update' && browser.scripting) void updateSiteScripts().catch(() => {});
  });
  relayCommands(browser);
});
