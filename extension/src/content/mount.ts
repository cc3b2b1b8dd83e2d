/**
 * Where the button lives: a host element with a shadow root (the store's CSS cannot reach in,
 * ours cannot leak out), placed right after the first release-title anchor that exists, or
 * floating in a corner when none does. Stores re-render; the placement is checked again after
 * DOM changes, so the button moves next to a title that appears late and never disappears.
 */
export type Placement = 'anchored' | 'floating';

export interface Mount {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the UI renders, beside (not over) the style element. */
  container: HTMLElement;
  placement(): Placement;
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
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
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
  };

  let scheduled = false;
  const observer = new MutationObserver((records) => {
    // Our own insertions also count as mutations; only the page's need a new look.
    if (scheduled || records.every((r) => r.target === host || host.contains(r.target))) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      place();
    }, 100);
  });
  place();
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  return {
    host,
    root,
    container,
    placement: () => placement,
    destroy() {
      destroyed = true;
      observer.disconnect();
      host.remove();
    },
  };
}
