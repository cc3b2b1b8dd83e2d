/**
 * The MusicBrainz boxes' CSS, inside their shadow root: a block under the release's header, or
 * floating in a corner when MusicBrainz's markup has changed. `all: initial` keeps the site's
 * styles out; the colours follow the browser's colour scheme.
 */
import { THEME_CSS } from '../../theme.ts';
import { LISTING_CSS } from '../ui/styles.ts';

export const MUSICBRAINZ_CSS = `${THEME_CSS}${LISTING_CSS}
:host { all: initial; display: block; margin: 8px 0; font: 13px/1.45 system-ui, sans-serif;
  color: var(--liner-fg); }
:host([data-placement="floating"]) { position: fixed; right: 16px; bottom: 16px; margin: 0;
  width: 420px; max-height: calc(100vh - 32px); overflow: auto; z-index: 2147483646; }
.box { background: var(--liner-bg); border: 1px solid var(--liner-border); border-radius: 6px;
  padding: 8px 10px; overflow-wrap: anywhere; }
.head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.head h2, .head strong { font-size: 13px; margin: 0; color: var(--liner-link); }
input[type="text"] { font: inherit; width: 28em; max-width: 100%; padding: 2px 4px;
  background: var(--liner-bg); color: var(--liner-fg); border: 1px solid var(--liner-muted);
  border-radius: 3px; }
h3 { font-size: 13px; margin: 10px 0 4px; }
ul { margin: 2px 0; padding-left: 18px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 1px 10px 1px 0; vertical-align: top; }
.types, .note-text { color: var(--liner-muted); }
.disagree { color: var(--liner-error); font-weight: 600; }
.note { background: var(--liner-note-bg); padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.actions { display: flex; gap: 8px; margin-top: 6px; flex-wrap: wrap; align-items: center; }
.providers { list-style: none; padding-left: 0; }
.providers .failed { color: var(--liner-error); }
.providers details { color: var(--liner-muted); margin-left: 18px; }
.providers details p { margin: 2px 0; }
`;
