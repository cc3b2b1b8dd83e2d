/**
 * The widget's CSS, inside its shadow roots (the button's, and the panel's above the page).
 * `all: initial` keeps the store's styles out; the colours follow the browser's colour scheme.
 * Floating, the button keeps clear of a bar the store fixes to the bottom of the window (a
 * player): mount.ts measures it into --liner-clearance.
 */
import { THEME_CSS } from '../../theme.ts';

/** An artist's listing (listing.tsx), in the store page's panel and the MusicBrainz box. */
export const LISTING_CSS = `
[data-liner="listing"] { border-collapse: collapse; width: 100%; margin-top: 6px; }
[data-liner="listing"] th, [data-liner="listing"] td { text-align: left; vertical-align: top;
  padding: 2px 8px 2px 0; }
[data-liner="listing"] tr[data-state="missing"] td:nth-child(4) { color: var(--liner-error);
  font-weight: 600; }
[data-liner="listing"] tr[data-state="linked"] td:nth-child(4) a { color: var(--liner-ok); }
.hidden-label { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
`;

export const WIDGET_CSS = `${THEME_CSS}${LISTING_CSS}
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 8px;
  font: 13px/1.4 system-ui, sans-serif; color: var(--liner-fg); }
:host([data-placement="floating"]) { position: fixed; right: 16px; margin: 0;
  bottom: calc(16px + var(--liner-clearance, 0px)); z-index: 2147483646; }
:host([data-liner-overlay]) { display: block; position: fixed; top: 0; left: 0; width: 0; height: 0;
  margin: 0; z-index: 2147483647; }
.bar { display: inline-flex; align-items: center; flex-wrap: wrap; gap: 6px;
  background: var(--liner-bg); border: 1px solid var(--liner-border); border-radius: 6px;
  padding: 3px 6px; box-shadow: 0 1px 3px var(--liner-shadow); }
.badge { font-weight: 600; color: var(--liner-ok); }
.badge.none { color: var(--liner-muted); font-weight: 500; }
.problem { max-width: 360px; }
.panel { position: fixed; top: 16px; right: 16px; width: 420px; max-height: calc(100vh - 32px);
  overflow: auto; background: var(--liner-bg); color: var(--liner-fg);
  border: 1px solid var(--liner-border); border-radius: 8px; padding: 12px;
  box-shadow: 0 4px 16px var(--liner-shadow); z-index: 2147483647; text-align: left;
  overflow-wrap: anywhere; }
.panel.wide { width: 680px; max-width: calc(100vw - 32px); }
.panel h2 { font-size: 15px; margin: 0 32px 8px 0; }
.panel h3 { font-size: 13px; margin: 12px 0 4px; }
.panel table { border-collapse: collapse; width: 100%; }
.panel th { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; white-space: nowrap; }
.panel td { padding: 2px 0; }
.source { color: var(--liner-muted); font-size: 12px; margin-left: 6px; }
.note { background: var(--liner-note-bg); padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
.close { position: absolute; top: 8px; right: 8px; background: var(--liner-bg);
  color: var(--liner-fg); border-color: var(--liner-line); line-height: 1; padding: 3px 7px; }
ul { margin: 4px 0; padding-left: 18px; }
.providers { list-style: none; padding-left: 0; }
.providers li { margin: 2px 0; }
.providers .failed { color: var(--liner-error); }
.providers details { color: var(--liner-muted); margin-left: 18px; }
.providers details p { margin: 2px 0; }
`;
