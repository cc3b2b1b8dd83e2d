/**
 * Bandcamp album/track page -> the JSON Liner keeps of it (the shape of the recorded corpus):
 * `tralbum` and `band` from the page's data attributes, `og:description` (it names the real
 * track count, hidden tracks included) and `licenseUrl` when the page shows a Creative Commons
 * licence. Pure: the HTTP layer applies it to the fetched page and stores only the result.
 */
import { attributeValue, linkTargets, metaContent } from '../common/html.ts';

const LICENCE = /^https?:\/\/(?:www\.)?creativecommons\.org\/(?:licenses|publicdomain)\//i;

function embeddedJson(html: string, attribute: string): unknown {
  const value = attributeValue(html, attribute);
  if (value === undefined) throw new Error(`the page has no ${attribute} attribute`);
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new Error(`the page's ${attribute} is not JSON (${(error as Error).message})`);
  }
}

/** The licence link of the page's licence section ("some rights reserved"), if any. */
export function licenceUrl(html: string): string | undefined {
  const links = linkTargets(html).filter((link) => LICENCE.test(link.href));
  const preferred = links.find((link) => /\blicense\b/i.test(link.rel)) ?? links[0];
  return preferred?.href;
}

export function extractBandcampPage(html: string): Record<string, unknown> {
  const page: Record<string, unknown> = {
    tralbum: embeddedJson(html, 'data-tralbum'),
    band: embeddedJson(html, 'data-band'),
  };
  const description = metaContent(html, 'og:description');
  if (description !== undefined) page['og:description'] = description;
  const licence = licenceUrl(html);
  if (licence) page.licenseUrl = licence;
  return page;
}
