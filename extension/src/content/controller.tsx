/**
 * Runs a store's content script: recognizes the page from its URL, mounts the widget on release
 * pages, marks linked releases on list pages, and starts over when a single-page store changes
 * its URL without a reload.
 */
import { render } from 'preact';
import type { Site } from '../sites.ts';
import { markListedReleases } from './list-badges.ts';
import { createMount, type Mount } from './mount.ts';
import { watchLocation } from './navigation.ts';
import { isListPage, releaseOf } from './page.ts';
import type { Api } from './send.ts';
import { WIDGET_CSS } from './ui/styles.ts';
import { Widget } from './ui/widget.tsx';

export interface StorePage {
  /** The canonical URL the widget is showing, if any. */
  current(): string | undefined;
  stop(): void;
}

/**
 * `storeUrl` maps the page's address to the store URL it stands for; only Bandcamp pages on an
 * artist's own domain need one (see bandcamp-domain.ts).
 */
export function startStorePage(
  site: Site,
  api: Api,
  win: Window = window,
  storeUrl: (href: string) => string | undefined = (href) => href,
): StorePage {
  const doc = win.document;
  let mounted: { canonicalUrl: string; mount: Mount } | undefined;

  const unmount = () => {
    if (!mounted) return;
    render(null, mounted.mount.container);
    mounted.mount.destroy();
    mounted = undefined;
  };

  const update = (address: string) => {
    const href = storeUrl(address) ?? address;
    const release = releaseOf(href, site);
    if (release && release.canonicalUrl === mounted?.canonicalUrl) return;
    unmount();
    if (release) {
      const mount = createMount(doc, site.anchors, WIDGET_CSS);
      mounted = { canonicalUrl: release.canonicalUrl, mount };
      render(<Widget pageUrl={href} api={api} />, mount.container);
    } else if (isListPage(href, site)) {
      void markListedReleases(doc, site, api);
    }
  };

  update(win.location.href);
  const stopWatching = site.singlePage ? watchLocation(win, update) : () => {};
  return {
    current: () => mounted?.canonicalUrl,
    stop() {
      stopWatching();
      unmount();
    },
  };
}
