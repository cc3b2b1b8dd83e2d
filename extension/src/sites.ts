/**
 * What the content script needs to know about each store's pages: where a release title usually
 * sits (a list of selectors tried in order, so a redesign moves the button to the floating
 * corner instead of removing it), whether the site navigates without reloads, and which pages
 * list releases. Nothing here reads the store's data: the server fetches that.
 */
import type { ProviderName } from '@liner/shared/model';
import { storeByName, storeMatchPatterns } from '@liner/shared/stores/index';

export type SiteName = Exclude<ProviderName, 'musicbrainz' | 'mora' | 'ototoy'>;

export interface Site {
  store: SiteName;
  /** Selectors of the release title, most specific first. */
  anchors: readonly string[];
  /** The page changes its URL without a reload (history.pushState). */
  singlePage: boolean;
  /** Pages that list releases (artist, label): their release links are checked in one batch. */
  listPages: boolean;
}

const SITE_LIST: readonly Site[] = [
  {
    store: 'spotify',
    anchors: ['[data-testid="entityTitle"] h1', 'h1[data-encore-id="text"]'],
    singlePage: true,
    listPages: false,
  },
  {
    store: 'deezer',
    anchors: ['[data-testid="masthead-title"]', '#page_naboo_album h1'],
    singlePage: true,
    listPages: false,
  },
  {
    store: 'itunes',
    anchors: [
      'h1[data-testid="non-editable-product-title"]',
      '.headings__title',
      'h1.product-name',
    ],
    singlePage: true,
    listPages: false,
  },
  {
    store: 'bandcamp',
    anchors: ['#name-section .trackTitle', 'h2.trackTitle'],
    singlePage: false,
    listPages: true,
  },
  {
    store: 'tidal',
    anchors: ['[data-test="entity-title"]', 'h1[data-test="title"]'],
    singlePage: true,
    listPages: false,
  },
  {
    store: 'beatport',
    anchors: ['[data-testid="release-title"]', 'main h1[class*="Release"]'],
    singlePage: false,
    listPages: false,
  },
  {
    store: 'qobuz',
    anchors: ['.album-meta__title', 'h1.album-meta__title'],
    singlePage: false,
    listPages: false,
  },
  {
    store: 'discogs',
    anchors: ['h1[class*="title_"]', 'h1#profile_title'],
    singlePage: false,
    listPages: true,
  },
];

export const SITES: ReadonlyMap<SiteName, Site> = new Map(SITE_LIST.map((s) => [s.store, s]));
export const SITE_NAMES: readonly SiteName[] = SITE_LIST.map((s) => s.store);

export function site(name: SiteName): Site {
  return SITES.get(name)!;
}

/** The manifest match patterns of a store's pages, from the shared store table. */
export function siteMatches(name: SiteName): string[] {
  return storeMatchPatterns(storeByName(name));
}
