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

/**
 * What a page could otherwise read of Liner's text from outside the shadow root, sealed for
 * every root this module makes. The host is the page's element, so the page's stylesheets reach
 * it and everything inside would inherit their font: a web font whose ligatures give each word
 * its own width turns the host's size into the text it shows. So every element inside names its
 * family itself, and only generic families, which no page's @font-face can take the name of;
 * `!important` in the shadow tree wins over the page's, even its `!important` and inline styles.
 * (A page's selection does not reach into the root in the browsers Liner runs in, so the text
 * stays selectable for the user; `window.find` does reach it, see docs/extension.md.)
 */
export const SEAL_CSS = `:host { font-family: system-ui, sans-serif !important;
  font-feature-settings: normal !important; font-variation-settings: normal !important;
  font-variant-ligatures: normal !important; }
*, *::before, *::after { font-family: system-ui, sans-serif !important;
  font-feature-settings: normal !important; font-variation-settings: normal !important; }
`;

export function createShadowHost(
  doc: Document,
  tag: string,
  css: string,
  containerTag: 'div' | 'span' = 'div',
): ShadowHost {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${SEAL_CSS}${css}`;
  const container = doc.createElement(containerTag);
  root.append(style, container);
  return { host, root, container };
}
