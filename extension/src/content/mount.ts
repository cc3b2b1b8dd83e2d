/**
 * Where the button lives: a host element with a closed shadow root (shadow-host.ts), placed right
 * after the first release-title anchor that exists, or floating in a corner when none does.
 * Stores re-render; the placement is checked again after DOM changes, so the button moves next to
 * a title that appears late and never disappears.
 *
 * What opens over the page (the panel) gets a host of its own at the top of the document: inside
 * the anchored host, a store's `transform`, `filter` or `contain` on an ancestor would make the
 * panel's position: fixed relative to that ancestor and clip it.
 */
import { createShadowHost, type ShadowHost } from './shadow-host.ts';

export type Placement = 'anchored' | 'floating';

export interface Mount extends ShadowHost {
  placement(): Placement;
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

export function createMount(
  doc: Document,
  anchors: readonly string[],
  css: string,
  tag: string = HOST_TAG,
): Mount {
  const shadow = createShadowHost(doc, tag, css);
  const { host } = shadow;
  let overlay: ShadowHost | undefined;
  let placement: Placement = 'floating';
  let destroyed = false;

  const place = () => {
    // A look scheduled before destroy() must not put the button back.
    if (destroyed) return;
    const anchor = findAnchor(doc, anchors);
    if (anchor) {
      if (anchor.nextElementSibling !== host) anchor.after(host);
      placement = 'anchored';
    } else if (placement === 'anchored' || !host.isConnected) {
      (doc.body ?? doc.documentElement).append(host);
      placement = 'floating';
    }
    host.dataset.placement = placement;
    if (overlay && !overlay.host.isConnected) doc.documentElement.append(overlay.host);
  };

  const ours = (node: Node) =>
    node === host || host.contains(node) || overlay?.host.contains(node) === true;
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

  return {
    ...shadow,
    placement: () => placement,
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
      host.remove();
      overlay?.host.remove();
    },
  };
}
