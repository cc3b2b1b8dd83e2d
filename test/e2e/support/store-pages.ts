/**
 * Stand-in store pages: a title where each store's page has one (the first anchor the extension
 * knows for that store), and nothing of the store's data, which the extension never reads. A
 * page can leave the title anchor out (the floating fallback) or navigate like a single-page
 * app (history.pushState and a re-rendered title, no reload).
 */
const TITLE_MARKUP: Record<string, (title: string) => string> = {
  spotify: (t) => `<div data-testid="entityTitle"><h1>${t}</h1></div>`,
  deezer: (t) => `<h1 data-testid="masthead-title">${t}</h1>`,
  itunes: (t) => `<h1 data-testid="non-editable-product-title">${t}</h1>`,
  bandcamp: (t) => `<div id="name-section"><h2 class="trackTitle">${t}</h2></div>`,
  tidal: (t) => `<h1 data-test="entity-title">${t}</h1>`,
  beatport: (t) => `<h1 data-testid="release-title">${t}</h1>`,
  qobuz: (t) => `<h1 class="album-meta__title">${t}</h1>`,
  discogs: (t) => `<h1 class="title_1q3xW">${t}</h1>`,
};

export interface PageOptions {
  /** Leave out the title anchor: the page of a store after a redesign. */
  noAnchor?: boolean;
  /** A link that changes the URL and title in place, like the single-page stores do. */
  spaLink?: { path: string; title: string };
}

export function storePage(store: string, title: string, options: PageOptions = {}): string {
  const heading = options.noAnchor
    ? `<div class="redesigned-${store}">${title}</div>`
    : TITLE_MARKUP[store]!(title);
  const spa = options.spaLink
    ? `<a id="spa-link" href="${options.spaLink.path}">next</a>
<script>
document.getElementById('spa-link').addEventListener('click', (event) => {
  event.preventDefault();
  history.pushState({}, '', ${JSON.stringify(options.spaLink.path)});
  document.getElementById('app').innerHTML = ${JSON.stringify(`<main>${TITLE_MARKUP[store]!(options.spaLink.title)}</main>`)};
});
</script>`
    : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><div id="app"><main>${heading}<p>Stand-in ${store} page</p></main></div>${spa}</body></html>`;
}
