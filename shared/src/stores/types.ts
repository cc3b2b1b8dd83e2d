import type { EntityType, ProviderName } from '../model.ts';

/** One page of a store, as recognized from its URL. */
export interface StoreEntity {
  store: ProviderName;
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

/**
 * What a store declares about its URLs. Matching is pure string work on a parsed URL so that the
 * server, the CLI and the extension's content scripts agree on what a store URL is.
 */
export interface StoreDefinition {
  name: ProviderName;
  displayName: string;
  /** Host names the store's pages live on; a leading "*." matches any subdomain. */
  hosts: readonly string[];
  /** Entity types this store has pages for (others are never returned by match). */
  entityTypes: readonly EntityType[];
  /** Recognizes a page URL; undefined when the path is not one of the store's entity pages. */
  match(url: URL): StoreEntity | undefined;
  /** The URL form MusicBrainz stores for the entity. */
  canonicalUrl(entity: StoreEntity): string;
  /**
   * Other forms MusicBrainz may hold for the same entity (older cleanups, other storefronts);
   * queried together with the canonical form so "already in MusicBrainz?" does not miss.
   */
  alternativeUrls?(entity: StoreEntity): string[];
  /** A release page URL, for documentation and the options page. */
  pageExample: string;
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

export interface RecognizedUrl {
  entity: StoreEntity;
  canonicalUrl: string;
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
