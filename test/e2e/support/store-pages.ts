/**
 * Stand-in store pages: the title area of each store's release page as those pages are built
 * (written from the stores' markup, not from the extension's anchor list, so "anchored" checks
 * that the anchors find a real title), and nothing of the store's data, which the extension never
 * reads. A page can be redesigned (a title no anchor knows: the floating fallback), put its title
 * in a container that clips (a transform and overflow: hidden), or navigate like a single-page
 * app (history.pushState and a re-rendered title, no reload).
 */
const TITLE_AREA: Record<string, (title: string) => string> = {
  spotify: (t) =>
    `<section data-testid="album-page"><div class="contentSpacing"><span class="encore-text-body-small">Album</span>
<div data-testid="entityTitle"><span class="e-9960-text-wrap"><h1 class="encore-text encore-text-headline-large" data-encore-id="text" dir="auto">${t}</h1></span></div>
<div data-testid="creator-link">Lady Gaga, Bruno Mars</div></div></section>`,
  deezer: (t) =>
    `<div id="page_naboo_album"><div class="catalog-header"><div class="container"><h1 class="chakra-heading css-1ly9qh4">${t}</h1>
<div class="css-1ewdvdn"><a href="/en/artist/1">Alpha</a></div></div></div></div>`,
  itunes: (t) =>
    `<div class="container-detail-header"><div class="headings"><h1 class="headings__title" data-testid="non-editable-product-title"><span dir="auto">${t}</span></h1>
<div class="headings__subtitles" data-testid="product-creator-subtitle"><a href="/gb/artist/queen/3296287">Queen</a></div></div></div>`,
  bandcamp: (t) =>
    `<div id="trackInfoInner"><div id="name-section"><h2 class="trackTitle">${t}</h2>
<h3 style="margin:0px;">by <span><a href="https://frisyr.bandcamp.com">Frisyr</a></span></h3></div></div>`,
  tidal: (t) =>
    `<div data-test="header-container"><span data-test="entity-type">Album</span><h1 data-test="entity-title" class="_title_1h2uj">${t}</h1>
<span data-test="artist-link"><a href="/artist/1">Alpha</a></span></div>`,
  beatport: (t) =>
    `<div class="ReleaseDetailCard-style__Wrapper-sc-1mlcnv-0"><div class="ReleaseDetailCard-style__Info-sc-1mlcnv-2"><h1 class="Release-style__Title-sc-1f1pzk8-1">${t}</h1>
<a href="/artist/alpha/501">Alpha</a></div></div>`,
  qobuz: (t) =>
    `<div class="album-meta"><h1 class="album-meta__title"><span class="album-meta__item">${t}</span></h1>
<h2 class="album-meta__artist"><a href="/gb-en/interpreter/alpha/1">Alpha</a></h2></div>`,
  // mora fills its package page in by script; the heading's id is the one its script fills.
  mora: (t) =>
    `<div id="package_info"><div class="package_info_inner"><h1 id="package_title" class="package_title">${t}</h1>
<p class="package_artist"><a href="/artist/1310625/">Ado</a></p></div></div>`,
  ototoy: (t) =>
    `<div class="album-meta-data"><h1 class="album-title">${t}</h1>
<p class="album-artist"><span class="album-artist"><a href="/_/default/a/731939">YOASOBI</a></span></p>
<div class="detail"><p class="release-day">Original release date: 2023-10-04</p></div></div>`,
  discogs: (t) =>
    `<div class="body_32Bo9"><h1 class="title_1q3xW"><span class="link_15cpV"><a href="/artist/72872-Rick-Astley">Rick Astley</a></span> – ${t}</h1></div>`,
};

/** After a redesign: a heading in a header, with nothing any store's anchor list knows. */
const REDESIGNED = (t: string) =>
  `<header class="hero"><div class="hero__text"><h1 class="hero__heading">${t}</h1></div></header>`;

/** Markup Liner cannot read a title from, and a player fixed along the bottom of the window. */
const UNREADABLE = `<header><h1 class="brand">Listen now</h1></header>
<div id="player" style="position:fixed;left:0;right:0;bottom:0;height:72px;background:#222;color:#fff;z-index:10">Now playing</div>`;

export interface PageOptions {
  /**
   * The page of a store after a redesign: no anchor finds the title, but the page's og:title
   * says it (as stores' pages do, with the artist after it) and a heading holds it.
   */
  noAnchor?: boolean;
  /** Nothing names the release (no anchor, no heading with its title), and a player bar. */
  unreadable?: boolean;
  /** The title area sits in a container with a transform that clips what overflows it. */
  clipping?: boolean;
  /** A link that changes the URL and title in place, like the single-page stores do. */
  spaLink?: { path: string; title: string };
}

export function titleArea(store: string, title: string): string {
  const area = TITLE_AREA[store];
  if (!area) throw new Error(`no stand-in page for ${store}`);
  return area(title);
}

export function storePage(store: string, title: string, options: PageOptions = {}): string {
  let heading = options.unreadable
    ? UNREADABLE
    : options.noAnchor
      ? REDESIGNED(title)
      : titleArea(store, title);
  const og = options.noAnchor ? `<meta property="og:title" content="${title} - Alpha">` : '';
  if (options.clipping)
    heading = `<div style="margin-top:200px;height:60px;overflow:hidden;transform:translateZ(0)">${heading}</div>`;
  const spa = options.spaLink
    ? `<a id="spa-link" href="${options.spaLink.path}">next</a>
<script>
document.getElementById('spa-link').addEventListener('click', (event) => {
  event.preventDefault();
  history.pushState({}, '', ${JSON.stringify(options.spaLink.path)});
  document.getElementById('app').innerHTML = ${JSON.stringify(`<main>${titleArea(store, options.spaLink.title)}</main>`)};
});
</script>`
    : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${og}</head>
<body><div id="app"><main>${heading}<p>Stand-in ${store} page</p></main></div>${spa}</body></html>`;
}

/** A Bandcamp artist's music page: a grid of release links, as /music lists them. */
export function bandcampMusicPage(band: string, releases: string[]): string {
  const items = releases
    .map(
      (slug) =>
        `<li class="music-grid-item"><a href="/album/${slug}"><div class="art"></div><p class="title">${slug}</p></a></li>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Music | ${band}</title></head>
<body><div id="music-grid-container"><ol id="music-grid" class="editable-grid music-grid">${items}</ol></div></body></html>`;
}
