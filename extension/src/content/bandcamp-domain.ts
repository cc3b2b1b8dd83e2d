/**
 * Bandcamp pages on an artist's own domain. The content script cannot be declared for unknown
 * hosts, so the user asks for it from the popup; the page must then say it is Bandcamp (its
 * generator tag, Bandcamp's asset host, or the player's data attribute) and name the artist's
 * <band>.bandcamp.com address in a link, which is the URL form the server and MusicBrainz know.
 */
import { tryRecognizeUrl } from '@liner/shared/stores/index';

/** What the page says about itself: Bandcamp or not, and the bands its links name, most first. */
export interface BandcampProbe {
  path: string;
  bands: string[];
}

/**
 * Reads the page. It is also injected on its own from the popup (scripting.executeScript
 * serializes it), so it must not use anything from outside its body; which of the bands are
 * Bandcamp's own subdomains is left to the shared store table (bandcampAddressFrom).
 */
export function probeBandcampPage(): BandcampProbe | null {
  const doc = document;
  const saysBandcamp =
    doc.querySelector('meta[name="generator" i][content*="bandcamp" i]') !== null ||
    doc.querySelector('script[src*="bcbits.com"], link[href*="bcbits.com"]') !== null ||
    doc.querySelector('[data-tralbum], [data-band]') !== null;
  if (!saysBandcamp) return null;
  const counts = new Map<string, number>();
  for (const element of doc.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>(
    'a[href], link[href]',
  )) {
    const band = /^https?:\/\/([a-z0-9-]+)\.bandcamp\.com(?:[/?#]|$)/i
      .exec(element.href)?.[1]
      ?.toLowerCase();
    if (band) counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  const bands = [...counts].sort((a, b) => b[1] - a[1]).map(([band]) => band);
  return { path: doc.location.pathname, bands };
}

/** The page's <band>.bandcamp.com address: the most linked band that is an artist's page. */
export function bandcampAddressFrom(probe: BandcampProbe | null | undefined): string | null {
  const band = probe?.bands.find(
    (name) => tryRecognizeUrl(`https://${name}.bandcamp.com/`)?.entity.type === 'artist',
  );
  return band ? `https://${band}.bandcamp.com${probe!.path}` : null;
}

/** In the content script, which runs in the page itself. */
export function bandcampAddress(): string | null {
  return bandcampAddressFrom(probeBandcampPage());
}
