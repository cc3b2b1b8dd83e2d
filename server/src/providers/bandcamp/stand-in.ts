/**
 * For stand-in servers (the e2e): a Bandcamp page around the JSON Liner keeps of one (extract.ts
 * reads it back), where the store's page has each part.
 */
import { htmlAttribute } from '../common/html.ts';

export const standInPages = {
  page(data: Record<string, unknown>): string {
    const description = typeof data['og:description'] === 'string' ? data['og:description'] : '';
    const licence =
      typeof data.licenseUrl === 'string'
        ? `<a rel="license" href="${htmlAttribute(data.licenseUrl)}">licence</a>`
        : '';
    return `<!DOCTYPE html><html><head><meta property="og:description" content="${htmlAttribute(description)}"></head><body>
<script data-tralbum="${htmlAttribute(JSON.stringify(data.tralbum))}" data-band="${htmlAttribute(JSON.stringify(data.band))}"></script>${licence}</body></html>`;
  },
};
