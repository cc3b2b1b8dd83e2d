/**
 * Liner on a Bandcamp artist's own domain, from the popup. Opening the popup grants `activeTab`
 * for the current tab (its URL, and access to it while the popup is open), which is enough to
 * look at the page once and add the button now. `scripting` is an optional permission, asked
 * for on the first click that needs it; "always" asks for it together with that one origin as an
 * optional host permission and registers the Bandcamp content script there. No broader access
 * is ever requested, and a refusal is said in words instead of failing.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { customSiteKey, type TabMemory } from '../background/tab-memory.ts';
import { bandcampAddressFrom, probeBandcampPage } from '../content/bandcamp-domain.ts';

/** The one store content script; on a host of no store it takes the page for Bandcamp's. */
const SCRIPT = 'content-scripts/stores.js';

/** What the probe answers from the page, checked like anything else that comes from a page. */
const probeSchema = z
  .object({ path: z.string().startsWith('/'), bands: z.array(z.string().regex(/^[a-z0-9-]+$/)) })
  .nullable()
  .catch(null);

export interface ActiveTab {
  id: number;
  url: string;
}

export async function activeTab(): Promise<ActiveTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : undefined;
}

/** Why nothing happened when the user said no to the browser's question. */
export const REFUSED = {
  scripting:
    'Liner can only look at this page with the permission to run its script here, and the browser did not grant it.',
  site: 'The browser did not grant access to this site, so Liner cannot add its button there on every visit.',
} as const;

/**
 * Asks for `scripting` (and the origins, if any) in one question, and throws the words to show
 * when the user says no. Must be the first thing a click handler awaits: the browser only asks
 * during a user gesture (Firefox not even after an earlier await).
 */
async function ask(origins: string[], refused: string): Promise<void> {
  const granted = await browser.permissions.request({
    permissions: ['scripting'],
    ...(origins.length ? { origins } : {}),
  });
  if (!granted) throw new Error(refused);
}

/** The page's bandcamp.com address, or null when the page does not say it is Bandcamp. */
export async function probeBandcamp(tab: ActiveTab): Promise<string | null> {
  await ask([], REFUSED.scripting);
  const [result] = await browser.scripting.executeScript({
    target: { tabId: tab.id },
    func: probeBandcampPage,
  });
  return bandcampAddressFrom(probeSchema.parse(result?.result ?? null));
}

/**
 * After probeBandcamp in the same popup, which asked for `scripting`. The background is told
 * (in session storage, which pages cannot read) that this tab's origin may ask about Bandcamp.
 */
export async function addButtonNow(tab: ActiveTab): Promise<void> {
  await browser.storage.session.set({ [customSiteKey(tab.id)]: new URL(tab.url).origin });
  await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${SCRIPT}`] });
}

/**
 * Whether a page at `origin` in tab `tabId` is a Bandcamp site on an artist's own domain that
 * the user let Liner on: https only, with the content script registered for that origin
 * ("Always on <host>") or added once from the popup in that tab.
 */
export async function isCustomSite(
  tabs: TabMemory,
  origin: string,
  tabId: number,
): Promise<boolean> {
  if (!origin.startsWith('https://')) return false;
  if ((await tabs.customSite(tabId)) === origin) return true;
  if (!browser.scripting?.getRegisteredContentScripts) return false;
  const registered = await browser.scripting.getRegisteredContentScripts();
  return registered.some((script) => script.matches?.includes(`${origin}/*`));
}

/**
 * One registration per origin (scheme, host and port), as the permission is granted: the http://
 * and https:// sites of one host are two origins, and "always" on one says nothing of the other.
 */
function scriptId(origin: string): string {
  return `bandcamp-site:${origin}`;
}

/**
 * Must run first in the click handler: the browser only asks for a permission on a user gesture.
 * Throws REFUSED.site's words when the user says no.
 */
export async function enableAlways(tab: ActiveTab): Promise<void> {
  const origin = new URL(tab.url).origin;
  if (!origin.startsWith('https://'))
    throw new Error("Liner adds its button on an artist's own domain only over https.");
  const pattern = `${origin}/*`;
  await ask([pattern], REFUSED.site);
  // Already there when a registration matches this very origin, whatever its id (an earlier
  // version named registrations by host alone).
  const registered = await browser.scripting.getRegisteredContentScripts();
  if (registered.some((script) => script.matches?.includes(pattern))) return;
  await browser.scripting.registerContentScripts([
    { id: scriptId(origin), matches: [pattern], js: [SCRIPT], runAt: 'document_end' },
  ]);
}

/**
 * Registrations made when each store had a script of its own name the Bandcamp one, which is
 * gone since the one store script: they are pointed at it when the extension is updated.
 */
export async function updateSiteScripts(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.filter((script) =>
    script.js?.some((file) => file !== SCRIPT && /(^|\/)content-scripts\/bandcamp\.js$/.test(file)),
  );
  if (stale.length)
    await browser.scripting.updateContentScripts(
      stale.map((script) => ({ id: script.id, js: [SCRIPT] })),
    );
}

/**
 * The artists' own sites Liner is on for good ("Always on"), by origin, for the options page to
 * show and take back. An http:// one is a grant from before Liner kept to https: listed so it
 * can be taken back, though Liner no longer acts there (isCustomSite).
 */
export async function alwaysSites(): Promise<string[]> {
  if (!browser.scripting?.getRegisteredContentScripts) return [];
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  const origins = registered.flatMap((script) =>
    (script.matches ?? []).flatMap((pattern) =>
      pattern.endsWith('/*') ? [pattern.slice(0, -2)] : [],
    ),
  );
  return [...new Set(origins)].sort();
}

/**
 * Takes Liner off a site for good: its registration goes, and the site's access is given back,
 * with `scripting` too once no site is left, so nothing granted outlives its use.
 */
export async function revokeAlways(origin: string): Promise<void> {
  const pattern = `${origin}/*`;
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ids = registered.filter((script) => script.matches?.includes(pattern)).map((s) => s.id);
  if (ids.length) await browser.scripting.unregisterContentScripts({ ids });
  const left = registered.some((script) => !ids.includes(script.id));
  // A refusal (a host the manifest requires, a permission already gone) leaves nothing to undo.
  await browser.permissions
    .remove({ origins: [pattern], ...(left ? {} : { permissions: ['scripting'] }) })
    .catch(() => false);
}
