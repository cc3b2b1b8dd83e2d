/**
 * On pages that list releases (a Bandcamp artist's music, a Discogs label), one batched check
 * for all linked releases, and a small "MB" link after each one MusicBrainz already has.
 */

import type { Site } from '../sites.ts';
import { releaseLinks } from './page.ts';
import type { Api } from './send.ts';

const BADGE_TAG = 'liner-mb';
const BADGE_CSS =
  ':host{all:initial;margin-left:4px;font:11px system-ui,sans-serif}a{color:#fff;background:#ba478f;border-radius:3px;padding:0 4px;text-decoration:none}';

function badge(doc: Document, href: string): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const link = doc.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = 'MB';
  link.title = 'Already in MusicBrainz';
  root.append(style, link);
  return host;
}

/** Marks the page's linked releases; resolves with how many were marked. */
export async function markListedReleases(doc: Document, site: Site, api: Api): Promise<number> {
  const links = releaseLinks(doc, site);
  if (links.length === 0) return 0;
  const answer = await api({ type: 'check', urls: [...new Set(links.map((l) => l.canonicalUrl))] });
  if (!answer.ok) return 0;
  const linked = new Map(
    answer.states.filter((s) => s.status === 'linked').map((s) => [s.canonicalUrl, s.mbids]),
  );
  let marked = 0;
  for (const link of links) {
    const mbids = linked.get(link.canonicalUrl);
    if (!mbids?.length || link.element.nextElementSibling?.localName === BADGE_TAG) continue;
    link.element.after(badge(doc, `${answer.musicbrainzUrl}/release/${mbids[0]}`));
    marked++;
  }
  return marked;
}
