/**
 * The extension's IndexedDB database. It lives in the background only: a content script's
 * IndexedDB would belong to the store's origin, readable by the store's own scripts.
 */
import type { Discography } from '@liner/shared/contracts';
import type { LookupResult } from '@liner/shared/lookup';
import Dexie, { type EntityTable } from 'dexie';
import type { Comparison } from './comparison-view.ts';

/** A look-up result by the canonical URL of the page it was made for. */
export interface LookupRow {
  url: string;
  /** The rest of the look-up's input (regions, preferred provider); rows before it have none. */
  query?: string;
  permalink: string;
  result: LookupResult;
  fetchedAt: number;
  expiresAt: number;
}

/** MusicBrainz's answer to "is this URL linked?", by canonical URL. */
export interface UrlRow {
  url: string;
  status: 'linked' | 'not-linked';
  mbids: string[];
  titles?: Record<string, string>;
  checkedAt: number;
  expiresAt: number;
}

export interface HistoryRow {
  id?: number;
  kind: 'lookup' | 'import' | 'edit';
  at: number;
  url: string;
  title?: string;
  artist?: string;
  permalink?: string;
  mbid?: string;
}

/** A MusicBrainz release compared with the stores, as the server answered, by release MBID. */
export interface ComparisonRow {
  mbid: string;
  comparison: Comparison;
  fetchedAt: number;
  expiresAt: number;
  /** Liner posted an edit for this release since: ask MusicBrainz itself again, not a cache. */
  edited?: boolean;
}

/** A store artist's releases with their MusicBrainz states, by the artist page's canonical URL. */
export interface DiscographyRow {
  url: string;
  discography: Discography;
  fetchedAt: number;
  expiresAt: number;
}

/** A secret by name: the API token, out of the content scripts' reach (settings/token.ts). */
export interface SecretRow {
  name: string;
  value: string;
}

export class LinerDatabase extends Dexie {
  lookups!: EntityTable<LookupRow, 'url'>;
  urls!: EntityTable<UrlRow, 'url'>;
  history!: EntityTable<HistoryRow, 'id'>;
  comparisons!: EntityTable<ComparisonRow, 'mbid'>;
  secrets!: EntityTable<SecretRow, 'name'>;
  discographies!: EntityTable<DiscographyRow, 'url'>;

  constructor(name = 'liner') {
    super(name);
    this.version(1).stores({
      lookups: '&url, fetchedAt, expiresAt',
      urls: '&url, expiresAt',
      history: '++id, at, kind',
    });
    this.version(2).stores({ comparisons: '&mbid, expiresAt' });
    this.version(3).stores({ secrets: '&name' });
    this.version(4).stores({ discographies: '&url, expiresAt' });
  }
}
