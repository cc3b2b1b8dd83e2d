/**
 * An element of Liner's own with a closed shadow root, for everything Liner puts on a page. The
 * shadow root keeps the page's CSS out and ours in; closed, it also gives the page's scripts no
 * handle on what is inside, so they can neither read Liner's UI nor rewrite it nor press its
 * buttons. (Content scripts run in a world of their own: a page that replaces attachShadow does
 * not see this call.)
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the UI renders, beside (not over) the style element. */
  container: HTMLElement;
}

export function createShadowHost(
  doc: Document,
  tag: string,
  css: string,
  containerTag: 'div' | 'span' = 'div',
): ShadowHost {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement(containerTag);
  root.append(style, container);
  return { host, root, container };
}
