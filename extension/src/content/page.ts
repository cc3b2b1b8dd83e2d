/**
 * What the current page is, from its URL alone, through the shared store table: a release page
 * of this site, a page listing releases (whose links are checked in one batch), an artist page
 * whose listing the server reads (the discography panel), or none of these.
 */
import { type RecognizedUrl, tryRecognizeUrl } from '@liner/shared/stores/index';
import { artistPanelPage, type Site } from '../sites.ts';

export function releaseOf(href: string, site: Site): RecognizedUrl | undefined {
  const recognized = tryRecognizeUrl(href);
  if (!recognized || recognized.entity.store !== site.store) return undefined;
  return recognized.entity.type === 'release' ? recognized : undefined;
}

/** The artist page of this site, where its store declares the panel (`site.artistPanel`). */
export function artistOf(href: string, site: Site): RecognizedUrl | undefined {
  const artist = artistPanelPage(href);
  return artist?.entity.store === site.store ? artist : undefined;
}

export function isListPage(href: string, site: Site): boolean {
  if (!site.listPages) return false;
  const recognized = tryRecognizeUrl(href);
  return recognized !== undefined && recognized.entity.type !== 'release';
}

export interface ReleaseLink {
  element: HTMLAnchorElement;
  canonicalUrl: string;
}

/** The page's links to releases of this site (list-badges.ts asks about them in batches). */
export function releaseLinks(root: ParentNode, site: Site): ReleaseLink[] {
  return [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].flatMap((element) => {
    const release = releaseOf(element.href, site);
    return release ? [{ element, canonicalUrl: release.canonicalUrl }] : [];
  });
}
