/**
 * Liner on a Bandcamp artist's own domain, from the popup. Opening the popup grants `activeTab`
 * for the current tab, which is enough to look at the page once and add the button now; "always"
 * asks for that one origin as an optional host permission and registers the Bandcamp content
 * script there. No broader access is ever requested.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { bandcampAddressFrom, probeBandcampPage } from '../content/bandcamp-domain.ts';

const SCRIPT = 'content-scripts/bandcamp.js';

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

/** The page's bandcamp.com address, or null when the page does not say it is Bandcamp. */
export async function probeBandcamp(tab: ActiveTab): Promise<string | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId: tab.id },
    func: probeBandcampPage,
  });
  return bandcampAddressFrom(probeSchema.parse(result?.result ?? null));
}

export async function addButtonNow(tab: ActiveTab): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${SCRIPT}`] });
}

function scriptId(origin: string): string {
  return `bandcamp-site:${new URL(origin).host}`;
}

/** Must run in the click handler: the browser only asks for a permission on a user gesture. */
export async function enableAlways(tab: ActiveTab): Promise<boolean> {
  const origin = new URL(tab.url).origin;
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) return false;
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [`${origin}/*`], js: [SCRIPT], runAt: 'document_end' },
    ]);
  }
  return true;
}
