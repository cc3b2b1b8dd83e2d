/**
 * The widget's CSS, inside its shadow roots (the button's, and the panel's above the page).
 * `all: initial` keeps the store's styles out.
 */
export const WIDGET_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 8px;
  font: 13px/1.4 system-ui, sans-serif; color: #222; }
:host([data-placement="floating"]) { position: fixed; right: 16px; bottom: 16px; margin: 0;
  z-index: 2147483646; }
:host([data-liner-overlay]) { display: block; position: fixed; top: 0; left: 0; width: 0; height: 0;
  margin: 0; z-index: 2147483647; }
.bar { display: inline-flex; align-items: center; gap: 6px; background: #fff; border: 1px solid #ba478f;
  border-radius: 6px; padding: 3px 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
button { font: inherit; cursor: pointer; border: 1px solid #ba478f; background: #ba478f; color: #fff;
  border-radius: 4px; padding: 2px 8px; }
button.secondary { background: #fff; color: #ba478f; }
button:disabled { opacity: .6; cursor: progress; }
a { color: #ba478f; }
.badge { font-weight: 600; color: #2a7d2a; }
.problem { color: #a11; max-width: 360px; }
.panel { position: fixed; top: 16px; right: 16px; width: 400px; max-height: calc(100vh - 32px);
  overflow: auto; background: #fff; border: 1px solid #ba478f; border-radius: 8px; padding: 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); z-index: 2147483647; text-align: left; }
.panel h2 { font-size: 15px; margin: 0 0 8px; }
.panel table { border-collapse: collapse; width: 100%; }
.panel th { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; white-space: nowrap; }
.panel td { padding: 2px 0; }
.source { color: #777; font-size: 11px; margin-left: 6px; }
.note { background: #fff6d5; padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
.close { float: right; background: #fff; color: #555; border-color: #ccc; }
ul { margin: 4px 0; padding-left: 18px; }
.level-error { color: #a11; } .level-warning { color: #8a5a00; }
`;
