/**
 * HTML by tagged template: every interpolated value is escaped unless it is itself the result of
 * `html`, so store data can only ever appear as text on Liner's pages.
 */
const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafe(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return { [SAFE]: true, value: out };
}

/**
 * Only http(s) URLs and paths on this server become links; anything else (javascript:, data:,
 * protocol-relative "//host") is shown as text.
 */
export function link(url: string | undefined, label?: string): SafeHtml {
  if (!url) return html``;
  if (!/^https?:\/\//i.test(url) && !/^\/(?![/\\])/.test(url)) return html`${label ?? url}`;
  return html`<a href="${url}" rel="noopener noreferrer">${label ?? url}</a>`;
}

export function page(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Liner</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:62rem;margin:1.5rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{padding:.2rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid #eee}
.src{color:#777;font-size:.85em}.err{color:#a00}.warn{color:#a60}button{font-size:1rem;padding:.4rem 1rem;cursor:pointer}
form{display:inline-block;margin:.5rem .5rem .5rem 0}code{background:#f4f4f4;padding:0 .2rem}
</style>
</head>
<body>${body}</body>
</html>`.value;
}
