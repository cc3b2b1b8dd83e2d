/**
 * Store pages around stored JSON, for the providers that scrape: the corpus keeps what the
 * provider extracts from a page (each provider's extract.ts), and a live provider
 * fetches the page itself, so the stand-in puts the JSON back where each store's page has it.
 */

import { readFileSync } from 'node:fs';

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function bandcampPage(data: Record<string, unknown>): string {
  const description = typeof data['og:description'] === 'string' ? data['og:description'] : '';
  const licence =
    typeof data.licenseUrl === 'string'
      ? `<a rel="license" href="${attribute(data.licenseUrl)}">licence</a>`
      : '';
  return `<!DOCTYPE html><html><head><meta property="og:description" content="${attribute(description)}"></head><body>
<script data-tralbum="${attribute(JSON.stringify(data.tralbum))}" data-band="${attribute(JSON.stringify(data.band))}"></script>${licence}</body></html>`;
}

function nextDataPage(data: Record<string, unknown>): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><head></head><body><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
}

const PAGES: Partial<Record<string, (data: Record<string, unknown>) => string>> = {
  bandcamp: bandcampPage,
  beatport: nextDataPage,
};

/** The HTML page for a stored file of a scraping provider; undefined for API providers. */
export function scrapedPage(provider: string, file: string): string | undefined {
  const page = PAGES[provider];
  return page ? page(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}
