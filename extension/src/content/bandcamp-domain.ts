/**
 * Bandcamp pages on an artist's own domain. The content script cannot be declared for unknown
 * hosts, so the user asks for it from the popup; the page must then say it is Bandcamp (its
 * generator tag, Bandcamp's asset host, or the player's data attribute) and name the artist's
 * <band>.bandcamp.com address in a link, which is the URL form the server and MusicBrainz know.
 *
 * This function is also injected on its own (scripting.executeScript serializes it), so it must
 * not use anything from outside its body.
 */
export function bandcampAddress(): string | null {
  const doc = document;
  const saysBandcamp =
    doc.querySelector('meta[name="generator" i][content*="bandcamp" i]') !== null ||
    doc.querySelector('script[src*="bcbits.com"], link[href*="bcbits.com"]') !== null ||
    doc.querySelector('[data-tralbum], [data-band]') !== null;
  if (!saysBandcamp) return null;
  const reserved = ['www', 'daily', 'get', 'blog', 'f4', 't4', 's4'];
  const counts = new Map<string, number>();
  for (const element of doc.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>(
    'a[href], link[href]',
  )) {
    const band = /^https?:\/\/([a-z0-9-]+)\.bandcamp\.com(?:[/?#]|$)/i
      .exec(element.href)?.[1]
      ?.toLowerCase();
    if (band && !reserved.includes(band)) counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  const band = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!band) return null;
  return `https://${band}.bandcamp.com${doc.location.pathname}`;
}
