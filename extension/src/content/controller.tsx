/**
 * Runs a store's content script: recognizes the page from its URL, mounts the widget on release
 * pages, marks linked releases on list pages, and starts over when a single-page store changes
 * its URL without a reload.
 */
import { render } from 'preact';
import type { Site } from '../sites.ts';
import { type ListWatch, watchListedReleases } from './list-badges.ts';
import { createMount, type Mount } from './mount.ts';
import { watchLocation } from './navigation.ts';
import { isListPage, releaseOf } from './page.ts';
import type { Api } from './send.ts';
import { WIDGET_CSS } from './ui/styles.ts';
import { Widget } from './ui/widget.tsx';

export interface StorePage {
  /** The canonical URL the widget is showing, if any. */
  current(): string | undefined;
  /** The keyboard shortcut's "Import to MusicBrainz": what the widget's button does. */
  importCommand(): void;
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
  let list: ListWatch | undefined;
  const commandListeners = new Set<() => void>();
  const commands = (listener: () => void) => {
    commandListeners.add(listener);
    return () => commandListeners.delete(listener);
  };

  const unmount = () => {
    list?.stop();
    list = undefined;
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
      const mount = createMount(doc, site.anchors, WIDGET_CSS, undefined, { matchTitle: true });
      const current = { canonicalUrl: release.canonicalUrl, mount };
      mounted = current;
      // Switched off in the options: no host element and no observer stay behind.
      const disabled = () => {
        if (mounted === current) unmount();
      };
      render(
        <Widget
          pageUrl={href}
          api={api}
          overlay={mount.overlay}
          onDisabled={disabled}
          commands={commands}
          onTitles={mount.knowTitles}
        />,
        mount.container,
      );
    } else if (isListPage(href, site)) {
      list = watchListedReleases(doc, site, api);
    }
  };

  update(win.location.href);
  const stopWatching = site.singlePage ? watchLocation(win, update) : () => {};
  return {
    current: () => mounted?.canonicalUrl,
    importCommand() {
      for (const listener of commandListeners) listener();
    },
    stop() {
      stopWatching();
      unmount();
    },
  };
}
