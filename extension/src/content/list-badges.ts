/**
 * On pages that list releases (a Bandcamp artist's music, a Discogs artist or label), a small
 * "MB" link after each release MusicBrainz already has. Only links the user can see (or is about
 * to, within VIEW_MARGIN) are asked about, as they come into view: a page cannot make Liner ask
 * about links it keeps off-screen, and a long list costs the server and MusicBrainz only what the
 * user looks at. The links are checked in batches of at most the server's limit, and looked for
 * again after the page changes (debounced), since Discogs renders discographies as the user pages
 * through them and long lists load in parts. Each release is asked about once; a link to a
 * release already answered is marked at once. At most MAX_URLS_PER_PAGE releases of a page are
 * asked about, however many it lists.
 */

import { MAX_URLS_PER_PAGE, MAX_URLS_TO_CHECK } from '../limits.ts';
import type { Site } from '../sites.ts';
import { type ReleaseLink, releaseLinks } from './page.ts';
import type { Api } from './send.ts';
import { createShadowHost } from './shadow-host.ts';

export const BADGE_TAG = 'liner-mb';
const BADGE_CSS =
  ':host{all:initial;margin-left:4px;font:11px system-ui,sans-serif}a{color:#fff;background:#ba478f;border-radius:3px;padding:0 4px;text-decoration:none}';
/** Quiet time after the page's last change before looking again. */
const RESCAN_MS = 300;
/** Links this close below or above the window count as in view: the next screenful is ready. */
const VIEW_MARGIN = '400px 0px';

function badge(doc: Document, href: string): HTMLElement {
  const { host, container } = createShadowHost(doc, BADGE_TAG, BADGE_CSS, 'span');
  const link = doc.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = 'MB';
  link.title = 'Already in MusicBrainz';
  container.append(link);
  return host;
}

export interface ListWatch {
  stop(): void;
}

export function watchListedReleases(doc: Document, site: Site, api: Api): ListWatch {
  /** Release -> the MusicBrainz link of its badge, once the answer says it is linked. */
  const linked = new Map<string, string>();
  const asked = new Set<string>();
  const marked = new WeakSet<Element>();
  /** The release each watched link stands for, until it comes into view. */
  const watched = new WeakMap<Element, string>();
  let stopped = false;
  /** The links of the last scan: the page is read once per change, not once per answer. */
  let links: ReleaseLink[] = [];

  const mark = () => {
    for (const link of links) {
      const href = linked.get(link.canonicalUrl);
      if (!href || marked.has(link.element)) continue;
      marked.add(link.element);
      link.element.after(badge(doc, href));
    }
  };

  const ask = async (urls: string[]) => {
    const answer = await api({ type: 'check', urls });
    if (stopped) return;
    if (!answer.ok) {
      // Switched off for this store: nothing to do on this page any more.
      if (answer.problem.kind === 'disabled') stop();
      return;
    }
    for (const state of answer.states)
      if (state.status === 'linked' && state.mbids[0])
        linked.set(state.canonicalUrl, `${answer.musicbrainzUrl}/release/${state.mbids[0]}`);
    mark();
  };

  /** Asks about the releases of links that came into view, the page's cap permitting. */
  const askInView = (entries: IntersectionObserverEntry[]) => {
    const fresh = new Set<string>();
    for (const entry of entries) {
      const url = watched.get(entry.target);
      if (!entry.isIntersecting || url === undefined) continue;
      view.unobserve(entry.target);
      if (!asked.has(url)) fresh.add(url);
    }
    const allowed = [...fresh].slice(0, Math.max(0, MAX_URLS_PER_PAGE - asked.size));
    for (const url of allowed) asked.add(url);
    for (let i = 0; i < allowed.length; i += MAX_URLS_TO_CHECK)
      void ask(allowed.slice(i, i + MAX_URLS_TO_CHECK));
  };
  const view = new (doc.defaultView ?? window).IntersectionObserver(askInView, {
    rootMargin: VIEW_MARGIN,
  });

  const scan = () => {
    if (stopped) return;
    links = releaseLinks(doc, site);
    for (const link of links) {
      if (watched.has(link.element) || asked.has(link.canonicalUrl)) continue;
      watched.set(link.element, link.canonicalUrl);
      view.observe(link.element);
    }
    mark();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const ours = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  const observer = new MutationObserver((records) => {
    // Our own badges are changes too; only the page's can bring new links.
    if (records.every((r) => r.removedNodes.length === 0 && [...r.addedNodes].every(ours))) return;
    clearTimeout(timer);
    timer = setTimeout(scan, RESCAN_MS);
  });

  function stop() {
    stopped = true;
    clearTimeout(timer);
    observer.disconnect();
    view.disconnect();
  }

  scan();
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return { stop };
}
