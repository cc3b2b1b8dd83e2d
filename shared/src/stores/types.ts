import type { EntityType } from '../entity.ts';
import type { RecordingLinkTypeId, ReleaseLinkTypeId } from '../seed/link-type-ids.ts';

/**
 * One page of a store, as recognized from its URL. `N` is the store's name; outside the store
 * declarations (index.ts) it is a ProviderName, which is made from the declarations themselves.
 */
export interface StoreEntity<N extends string = string> {
  store: N;
  type: EntityType;
  /**
   * The store's own ID; for Bandcamp "<subdomain>/album/<slug>" or "<subdomain>/track/<slug>",
   * for a Tidal music video "video/<id>".
   */
  id: string;
  /** Storefront country (ISO 3166-1 alpha-2, upper case) where the URL names one. */
  region?: string;
  /** Path slug the canonical URL needs (Beatport, Qobuz). */
  slug?: string;
  /** Locale segment as written ("fr-fr"), where the store's URLs carry one (Qobuz). */
  locale?: string;
}

/** The MusicBrainz URL relationships a store's pages may carry, by MusicBrainz's cleanup rules. */
export interface StoreLinks {
  /** Release -> URL link types allowed for the store's release pages ([] for none). */
  release: readonly ReleaseLinkTypeId[];
  /** Hosts of the store whose rule differs from the store's (itunes.apple.com). */
  releaseByHost?: Readonly<Record<string, readonly ReleaseLinkTypeId[]>>;
  /**
   * Recording -> URL link types MusicBrainz allows for the store's track pages (absent: Liner
   * offers no track links for the store). A track's link gets those of its release's link types
   * at the store that are here.
   */
  recording?: readonly RecordingLinkTypeId[];
  /** Artist -> URL link type ID for the store's artist pages, where MusicBrainz has one. */
  artist?: number;
  /** Label -> URL link type ID for the store's label pages. */
  label?: number;
}

/**
 * The extension's part on the store's pages: where a release title usually sits (selectors tried
 * in order, so a redesign moves the button to the floating corner instead of removing it),
 * whether the site navigates without reloads, and whether its artist and label pages list
 * releases to badge. Nothing here reads the store's data: the server fetches that.
 */
export interface StoreSite {
  anchors: readonly string[];
  /** The page changes its URL without a reload (history.pushState). */
  singlePage: boolean;
  /** Pages that list releases (artist, label): their release links are checked in one batch. */
  listPages: boolean;
  /**
   * Its artist pages get the discography panel: the server lists the artist's releases there
   * (the store's provider has an artist listing; test/discography checks the two agree).
   */
  artistPanel?: boolean;
  /** Its pages also live on an artist's own domain, where the user adds Liner from the popup. */
  ownDomains?: boolean;
}

/** A declared absence, with the reason shown to whoever asks for the missing part. */
export interface Absent {
  none: string;
}

/**
 * Everything Liner knows about one store, declared once in its folder (`stores/<name>/store.ts`)
 * and registered with one line in `registry.ts`: the provider names, the store table, link
 * types, the extension's sites, manifest matches and permissions, the configuration's provider
 * settings and the documentation's tables all derive from these. URL matching is pure string
 * work on a parsed URL so that the server, the CLI and the extension's content scripts agree on
 * what a store URL is.
 */
export interface StoreDefinition<N extends string = string> {
  name: N;
  displayName: string;
  /** Host names the store's pages live on; a leading "*." matches any subdomain. */
  hosts: readonly string[];
  /** Entity types this store has pages for (others are never returned by match). */
  entityTypes: readonly EntityType[];
  /** Recognizes a page URL; undefined when the path is not one of the store's entity pages. */
  match(url: URL): StoreEntity<N> | undefined;
  /** The URL form MusicBrainz stores for the entity. */
  canonicalUrl(entity: StoreEntity<N>): string;
  /**
   * Other forms MusicBrainz may hold for the same entity (older cleanups, other storefronts);
   * queried together with the canonical form so "already in MusicBrainz?" does not miss.
   */
  alternativeUrls?(entity: StoreEntity<N>): string[];
  /** A release page URL, for documentation and the options page. */
  pageExample: string;
  links: StoreLinks;
  /** The extension's buttons and badges on the store's pages, or why there are none. */
  site: StoreSite | Absent;
  /**
   * Why Liner has no provider for the store, if it has none; otherwise the provider lives in
   * `server/src/providers/<name>/` and is found there by name.
   */
  noProvider?: string;
}

export function hasSite<S extends StoreDefinition>(store: S): store is S & { site: StoreSite } {
  return 'anchors' in store.site;
}

export type UrlProblemKind = 'malformed' | 'unsupported-site' | 'unsupported-page';

export class UrlProblem extends Error {
  override readonly name = 'UrlProblem';
  constructor(
    readonly kind: UrlProblemKind,
    readonly input: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** Lower-cases, strips "www." and a trailing dot, for host comparisons. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

export function hostMatches(pattern: string, host: string): boolean {
  const h = normalizeHost(host);
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

/** Non-empty, percent-decoded path segments. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}
