/** The body of every store's content script. */
import { hostMatches } from '@liner/shared/stores/index';
import { type SiteName, site } from '../sites.ts';
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

export function runStore(name: SiteName, win: Window = window): StorePage | undefined {
  const marked = win as Marked;
  if (marked[RUNNING]) return undefined;
  // Injected on an artist's own domain (the user asked for it in the popup).
  const ownDomain = name === 'bandcamp' && !hostMatches('*.bandcamp.com', win.location.hostname);
  const page = startStorePage(
    site(name),
    sendToBackground,
    win,
    ownDomain ? () => bandcampAddress() ?? undefined : undefined,
  );
  marked[RUNNING] = {
    current: page.current,
    stop() {
      page.stop();
      delete marked[RUNNING];
    },
  };
  return marked[RUNNING];
}
