/** The body of the one content script of every store site. */
import { storeForHost } from '@liner/shared/stores/index';
import { browser } from 'wxt/browser';
import { isCommandMessage } from '../commands.ts';
import { type Site, siteForHost } from '../sites.ts';
import { bandcampAddress } from './bandcamp-domain.ts';
import { type StorePage, startStorePage } from './controller.tsx';
import { sendToBackground } from './send.ts';

/**
 * Set on the content scripts' own window (their isolated world, which every Liner script in the
 * page shares and the page cannot see), so the script runs once per page however often it is
 * started: the popup's "Add the button on this page" injects it again where a registered script
 * already runs.
 */
const RUNNING = Symbol.for('liner.store-page');

type Marked = Window & { [RUNNING]?: StorePage };

/** Starts the page of the site this window's host belongs to (or the given one, for tests). */
export function runStore(
  site: Site | undefined = siteForHost(window.location.hostname),
  win: Window = window,
): StorePage | undefined {
  const marked = win as Marked;
  if (!site || marked[RUNNING]) return undefined;
  // Injected on an artist's own domain (the user asked for it in the popup).
  const ownDomain = site.ownDomains && !storeForHost(win.location.hostname);
  const page = startStorePage(
    site,
    sendToBackground,
    win,
    ownDomain ? () => bandcampAddress() ?? undefined : undefined,
  );
  // The keyboard shortcut, relayed by the background (a message without a tab is the
  // background's own: no page or other tab can send one).
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    if (isCommandMessage(message)) page.importCommand();
  };
  browser.runtime.onMessage.addListener(onMessage);
  marked[RUNNING] = {
    ...page,
    stop() {
      browser.runtime.onMessage.removeListener(onMessage);
      page.stop();
      delete marked[RUNNING];
    },
  };
  return marked[RUNNING];
}
