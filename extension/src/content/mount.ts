/**
 * Where the button lives: a host element with a closed shadow root (shadow-host.ts), placed right
 * after the first release-title anchor that exists; else, where the page's markup is unfamiliar,
 * after the heading that names the release (title-match.ts); else floating in a corner, above any
 * bar the page fixes to the bottom of the window (a store's player). Stores re-render; the
 * placement is checked again after DOM changes, so the button moves next to a title that appears
 * late and never disappears.
 *
 * What opens over the page (the panel) gets a host of its own at the top of the document: inside
 * the anchored host, a store's `transform`, `filter` or `contain` on an ancestor would make the
 * panel's position: fixed relative to that ancestor and clip it.
 */
import { createShadowHost, type ShadowHost } from './shadow-host.ts';
import { findTitleElement } from './title-match.ts';

/** After a known anchor, after the heading that names the release, or floating. */
export type Placement = 'anchored' | 'title' | 'floating';

export interface Mount extends ShadowHost {
  placement(): Placement;
  /** Release titles now known (MusicBrainz's, the look-up's), to find the heading by. */
  knowTitles(titles: readonly string[]): void;
  /** The container for what opens over the page, created on first use. */
  overlay(): HTMLElement;
  destroy(): void;
}

const HOST_TAG = 'liner-import';

export function findAnchor(doc: Document, anchors: readonly string[]): Element | undefined {
  for (const selector of anchors) {
    const element = doc.querySelector(selector);
    if (element) return element;
  }
  return undefined;
}

/**
 * How far a bar fixed to the bottom of the window reaches up where the floating button sits
 * (its right-hand corner), in CSS pixels: a store's player, a cookie banner. Layers taller than
 * half the window are not bars (a modal, the page's own full-height layout).
 */
export function bottomClearance(doc: Document, ours: (node: Node) => boolean): number {
  const win = doc.defaultView;
  if (!win || typeof doc.elementsFromPoint !== 'function') return 0;
  const height = win.innerHeight;
  let top = height;
  for (const x of [win.innerWidth - 24, win.innerWidth - 150, win.innerWidth - 280]) {
    for (const element of doc.elementsFromPoint(Math.max(x, 0), height - 4)) {
      if (ours(element)) continue;
      const { position } = win.getComputedStyle(element);
      if (position !== 'fixed' && position !== 'sticky') continue;
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.height <= height / 2) top = Math.min(top, box.top);
    }
  }
  return Math.max(0, Math.ceil(height - top));
}

export interface MountOptions {
  /** Look for the release's heading by its title when no anchor exists (store pages). */
  matchTitle?: boolean;
}

export function createMount(
  doc: Document,
  anchors: readonly string[],
  css: string,
  tag: string = HOST_TAG,
  { matchTitle = false }: MountOptions = {},
): Mount {
  const shadow = createShadowHost(doc, tag, css);
  const { host } = shadow;
  let overlay: ShadowHost | undefined;
  let placement: Placement = 'floating';
  let destroyed = false;
  let known: readonly string[] = [];

  const ours = (node: Node) =>
    node === host || host.contains(node) || overlay?.host.contains(node) === true;

  const place = () => {
    // A look scheduled before destroy() must not put the button back.
    if (destroyed) return;
    const anchor = findAnchor(doc, anchors);
    const heading = anchor || !matchTitle ? undefined : findTitleElement(doc, { known }, ours);
    const target = anchor ?? heading;
    if (target) {
      if (target.nextElementSibling !== host) target.after(host);
      placement = anchor ? 'anchored' : 'title';
    } else if (placement !== 'floating' || !host.isConnected) {
      (doc.body ?? doc.documentElement).append(host);
      placement = 'floating';
    }
    host.dataset.placement = placement;
    if (placement === 'floating')
      host.style.setProperty('--liner-clearance', `${bottomClearance(doc, ours)}px`);
    else host.style.removeProperty('--liner-clearance');
    if (overlay && !overlay.host.isConnected) doc.documentElement.append(overlay.host);
  };

  // Our own insertions also count as mutations; only the page's need a new look. A removal
  // always does: it may be the page taking our host out.
  const mine = (r: MutationRecord) =>
    ours(r.target) || (r.removedNodes.length === 0 && [...r.addedNodes].every(ours));
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled || records.every(mine)) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      place();
    }, 100);
  });
  place();
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const onResize = () => place();
  doc.defaultView?.addEventListener('resize', onResize);

  return {
    ...shadow,
    placement: () => placement,
    knowTitles(titles) {
      known = titles.filter((title) => title.trim() !== '');
      place();
    },
    overlay() {
      if (!overlay) {
        overlay = createShadowHost(doc, `${tag}-overlay`, css);
        // The CSS gives it no box of its own (`:host([data-liner-overlay])`).
        overlay.host.dataset.linerOverlay = '';
        doc.documentElement.append(overlay.host);
      }
      return overlay.container;
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      doc.defaultView?.removeEventListener('resize', onResize);
      host.remove();
      overlay?.host.remove();
    },
  };
}
