/**
 * The provider contract. A provider is a declaration (what it is, where it fetches, how fast,
 * what it supplies how well) plus a factory for the client that does the look-ups. Defaults
 * elsewhere (merge preferences, GTIN providers, allowed hosts) derive from these declarations.
 */
import type {
  EntityType,
  LookupMessage,
  ProviderName,
  ReleaseInput,
  StoreDefinition,
  StoreEntity,
} from '@liner/shared';
import type { ProviderSettings } from '../config/schema.ts';
import type { HttpClient } from '../http/client.ts';
import type { Logger } from '../log.ts';

export const QUALITY = { none: 0, bad: 1, present: 2, good: 3, excellent: 4 } as const;
export type Quality = keyof typeof QUALITY;

/** How well a provider supplies each kind of data; drives the default merge preferences. */
export interface ProviderFeatures {
  gtinLookup: Quality;
  gtin: Quality;
  isrc: Quality;
  labels: Quality;
  catalogNumber: Quality;
  releaseDate: Quality;
  /** "good" for millisecond durations, "present" for whole seconds. */
  durations: Quality;
  artistCredits: Quality;
  /** Per-region availability. */
  availability: Quality;
  copyright: Quality;
  releaseTypes: Quality;
  /** Largest cover edge in pixels the store serves; 0 when none. */
  coverSize: number;
}

export interface ProviderRateLimit {
  /** Endpoint name whose host the limit applies to. */
  endpoint: string;
  requests: number;
  perMs: number;
  concurrency?: number;
}

/**
 * A form of a barcode: "short" is the shortest of 12, 13 or 14 digits its number fits (a UPC-A
 * as 12; an EAN-8 stays 8), "ean13" and "gtin14" are its 13- and 14-digit zero paddings.
 */
export type BarcodeForm = 'short' | 'ean13' | 'gtin14';

/** How a store is searched for a barcode (see providers/common/barcode.ts). */
export interface BarcodeDeclaration {
  /**
   * The forms the store holds, most common first, each with its evidence in a comment: all are
   * asked in the first region, the first alone in the others. One form for a store that
   * compares barcodes as numbers or keeps one form of its own.
   */
  forms: readonly BarcodeForm[];
  /**
   * Whether the barcode phase asks this store when the look-up names no providers: decided by
   * what it adds against what it costs (docs/architecture.md, "The barcode phase").
   */
  byDefault: boolean;
}

export type CredentialKey = 'clientId' | 'clientSecret' | 'token' | 'appId';

export interface ProviderDeclaration {
  name: ProviderName;
  displayName: string;
  /** URL recognition, shared with the extension. */
  store: StoreDefinition;
  /** Page types a look-up may start from; default release pages only. */
  lookupTypes?: readonly EntityType[];
  category: 'streaming' | 'download' | 'database';
  /**
   * Default base URLs by name; "api" is the main one. A "{name}" placeholder (Bandcamp's
   * "{band}") stands for a subdomain and allows every host matching the pattern.
   */
  endpoints: Readonly<Record<string, string>>;
  rateLimits: readonly ProviderRateLimit[];
  /** Settings that must be present for the provider to run; missing ones disable it. */
  requiredCredentials: readonly CredentialKey[];
  optionalCredentials?: readonly CredentialKey[];
  /**
   * How long this provider's answers stay fresh when the configuration says nothing: data that
   * users edit (MusicBrainz) ages faster than a store's catalog. Default cache.ttl.
   */
  cacheTtlMs?: number;
  /** Storefront regions, or "worldwide" when the catalog does not vary by region. */
  regions: readonly string[] | 'worldwide';
  features: ProviderFeatures;
  /** Present when the store can search barcodes. */
  barcode?: BarcodeDeclaration;
  create(context: ProviderContext): ProviderClient;
}

export interface ProviderContext {
  http: HttpClient;
  /** Resolved endpoints: declared defaults with configured overrides applied. */
  endpoints: Readonly<Record<string, string>>;
  settings: ProviderSettings;
  now: () => Date;
  logger: Logger;
  /**
   * State a provider keeps across look-ups (its OAuth token), by name. A client is made per
   * look-up (its `http` bound to the look-up's context), so what must outlive one lives here.
   */
  session?: Map<string, unknown>;
}

/** What a look-up returns: the release, where it came from, and anything worth telling. */
export interface ProviderLookup {
  release: ReleaseInput;
  /** The store's release ID. */
  id: string;
  /** Release page at the store, canonical form. */
  url: string;
  /** The API (or page) request the release came from. */
  apiUrl: string;
  region?: string;
  messages: LookupMessage[];
  /**
   * The barcode field exactly as a database source holds it, where the model cannot say it: an
   * invalid GTIN (left out of `release.gtin`), or "" for an editor's "this release has none".
   */
  heldBarcode?: string;
}

/** One release in a store's listing of an artist, as the store lists it. */
export interface ListedAtStore {
  /** The release's page at the store, canonical form. */
  url: string;
  title: string;
  /** The store's own word for its type ("album", "single", "compile", "master"...). */
  type?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as the store gives it. */
  date?: string;
  /** The credited artist, where the store says it (appearances on others' releases). */
  artist?: string;
}

/** An artist's releases at a store, every page read (up to a cap, said in a message). */
export interface ArtistListing {
  name?: string;
  releases: ListedAtStore[];
  pages: number;
  messages: LookupMessage[];
}

export interface ListingOptions {
  regions: readonly string[];
  /** Told after each page is read, with what has been read so far. */
  onPage?: (progress: { pages: number; releases: number; total?: number }) => void;
}

export interface ProviderClient {
  /** Lists an artist's releases, page after page; absent when the store has no listing. */
  listArtistReleases?(entity: StoreEntity, options: ListingOptions): Promise<ArtistListing>;
  /** Looks a release up by the entity recognized from a store URL. */
  lookupById(entity: StoreEntity, regions: readonly string[]): Promise<ProviderLookup>;
  /** Looks a release up by GTIN, trying the zero-padded forms; absent when the store can't. */
  lookupByGtin?(gtin: string, regions: readonly string[]): Promise<ProviderLookup>;
}
