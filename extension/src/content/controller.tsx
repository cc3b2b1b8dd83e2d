/**
 * Runs a store's content script: recognizes the page from its URL, mounts the widget on release
 * pages, marks linked releases on list pages, puts the listing's bar on artist pages (floating:
 * artist pages have no one place for it), and starts over when a single-page store changes
 * its URL without a reload.
 */
import { storeByName } from '@liner/shared/stores/index';
import { render } from 'preact';
import type { Site } from '../sites.ts';
import { type ListWatch, watchListedReleases } from './list-badges.ts';
import { createMount, type Mount } from './mount.ts';
import { watchLocation } from './navigation.ts';
import { artistOf, isListPage, releaseOf } from './page.ts';
import type { Api } from './send.ts';
import { ArtistBar } from './ui/artist-bar.tsx';
import { WIDGET_CSS } from './ui/styles.ts';
import { Widget } from './ui/widget.tsx';

const ARTIST_TAG = 'liner-artist';

export interface StorePage {
  /** The canonical URL of the release the widget is showing, if any. */
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
  let mounted: { canonicalUrl: string; mount: Mount; artist?: true } | undefined;
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
    const artist = release ? undefined : artistOf(href, site);
    const shown = (release ?? artist)?.canonicalUrl;
    if (shown && shown === mounted?.canonicalUrl) return;
    unmount();
    if (artist) {
      const mount = createMount(doc, [], WIDGET_CSS, ARTIST_TAG);
      const current = { canonicalUrl: artist.canonicalUrl, mount, artist: true as const };
      mounted = current;
      render(
        <ArtistBar
          artistUrl={artist.canonicalUrl}
          store={storeByName(site.store).displayName}
          api={api}
          overlay={mount.overlay}
          onDisabled={() => {
            if (mounted === current) unmount();
          }}
        />,
        mount.container,
      );
    }
    if (isListPage(href, site) && !release) list = watchListedReleases(doc, site, api);
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
    }
  };

  update(win.location.href);
  const stopWatching = site.singlePage ? watchLocation(win, update) : () => {};
  return {
    current: () => (mounted?.artist ? undefined : mounted?.canonicalUrl),
    importCommand() {
      for (const listener of commandListeners) listener();
    },
    stop() {
      stopWatching();
      unmount();
    },
  };
}
