/**
 * The server pages' stylesheet, inlined (the pages load nothing else: CSP default-src 'none').
 * Light and dark by prefers-color-scheme, text colours at WCAG AA contrast or better in both,
 * long URLs and IDs wrap instead of widening the page.
 */
export const PAGE_CSS = `
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1f1f1f; --muted: #595959; --line: #dedede; --panel: #f7f5f7;
  --accent: #ba478f; --on-accent: #ffffff; --link: #9b2f74; --error: #a31515; --warning: #7a4f00;
  --ok: #1f6f1f; --changed: #fff3c4; --focus: #1a5fb4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #161616; --fg: #ececec; --muted: #b5b5b5; --line: #3a3a3a; --panel: #222022;
    --link: #f09ad0; --error: #ff8f8f; --warning: #f0c060; --ok: #86d886; --changed: #3d3520;
    --focus: #8ab4f8; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--link); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.top { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; padding: .6rem 1.2rem;
  border-bottom: 1px solid var(--line); background: var(--panel); }
.brand { display: inline-flex; gap: .45rem; align-items: center; font-weight: 700;
  color: var(--fg); text-decoration: none; }
.brand svg { width: 24px; height: 24px; }
.top .meta { color: var(--muted); font-size: .9rem; }
main { max-width: 68rem; margin: 0 auto; padding: 1.2rem; overflow-wrap: anywhere; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: .1rem 0 .3rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.hero { display: grid; grid-template-columns: minmax(0, 260px) 1fr; gap: 1.5rem; }
@media (max-width: 640px) { .hero { grid-template-columns: 1fr; } }
.cover { display: block; width: 100%; max-width: 260px; aspect-ratio: 1; object-fit: cover;
  border-radius: 6px; border: 1px solid var(--line); background: var(--panel); }
.no-cover { display: grid; place-items: center; color: var(--muted); font-size: .9rem; }
.kind { color: var(--muted); margin: 0; font-size: .9rem; }
.artist { font-size: 1.1rem; margin: 0 0 .6rem; }
.found { display: flex; gap: .35rem; align-items: center; flex-wrap: wrap; margin: 0 0 .8rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.src { display: inline-flex; gap: .25rem; align-items: center; color: var(--muted);
  font-size: .85rem; margin-left: .4rem; white-space: nowrap; }
.picon { width: 18px; height: 18px; vertical-align: -4px; flex: none; }
.note .src { margin-left: 0; }
.pre { white-space: pre-line; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .55rem;
  border-bottom: 1px solid var(--line); }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .9em; }
.differs { background: var(--changed); }
.alts { list-style: none; margin: .2rem 0 0; padding: 0; font-size: .85rem; color: var(--muted); }
.alts li { display: flex; gap: .3rem; align-items: center; }
.recording .why { color: var(--muted); font-size: .85rem; }
.note { color: var(--muted); font-size: .9rem; }
.error { color: var(--error); }
.warning { color: var(--warning); }
.ok { color: var(--ok); }
details > summary { cursor: pointer; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: .4rem 0; }
form { display: inline; margin: 0; }
button { font: inherit; cursor: pointer; padding: .45rem 1rem; border-radius: 5px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--on-accent); }
button.secondary { background: var(--bg); color: var(--link); }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { margin: .25rem 0; }
footer { max-width: 68rem; margin: 2rem auto; padding: 0 1.2rem; color: var(--muted);
  font-size: .85rem; }
`;
