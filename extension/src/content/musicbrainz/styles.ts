/**
 * The MusicBrainz boxes' CSS, inside their shadow root: a block under the release's header, or
 * floating in a corner when MusicBrainz's markup has changed. `all: initial` keeps the site's
 * styles out.
 */
export const MUSICBRAINZ_CSS = `
:host { all: initial; display: block; margin: 8px 0; font: 13px/1.45 system-ui, sans-serif;
  color: #222; }
:host([data-placement="floating"]) { position: fixed; right: 16px; bottom: 16px; margin: 0;
  width: 420px; max-height: calc(100vh - 32px); overflow: auto; z-index: 2147483646; }
.box { background: #fff; border: 1px solid #ba478f; border-radius: 6px; padding: 8px 10px; }
.head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.head strong { color: #ba478f; }
button { font: inherit; cursor: pointer; border: 1px solid #ba478f; background: #ba478f; color: #fff;
  border-radius: 4px; padding: 2px 8px; }
button.secondary { background: #fff; color: #ba478f; }
button:disabled { opacity: .6; cursor: progress; }
a { color: #ba478f; }
input[type="text"] { font: inherit; width: 28em; max-width: 100%; padding: 2px 4px; }
h3 { font-size: 13px; margin: 10px 0 4px; }
ul { margin: 2px 0; padding-left: 18px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 1px 10px 1px 0; vertical-align: top; }
.types, .note-text { color: #666; }
.problem { color: #a11; }
.disagree { color: #a11; font-weight: 600; }
.note { background: #fff6d5; padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.actions { display: flex; gap: 8px; margin-top: 6px; flex-wrap: wrap; align-items: center; }
.level-error { color: #a11; } .level-warning { color: #8a5a00; }
`;
