/**
 * Reading a store's listing of an artist page by page: each store says how to read one page and
 * where the next one is; this loop reads them all (up to a cap), keeps each release once, and
 * reports progress as pages arrive.
 */
import type { ProviderName } from '@liner/shared';
import type { z } from 'zod';
import type { ArtistListing, ListedAtStore, ListingOptions } from '../types.ts';

/** A provider's own JSON getter (its headers, token and error bodies), checked with a schema. */
export type GetJson = <T extends z.ZodType>(url: string, schema: T) => Promise<z.output<T>>;

/** 50 pages of 50-200 releases: more than any artist page a person reads through. */
export const MAX_LISTING_PAGES = 50;

/** One page; `C` is how the store names a page (an offset, a page number, a cursor URL). */
export interface ListingPage<C = string> {
  items: ListedAtStore[];
  /** The artist's name, where this page says it. */
  name?: string | undefined;
  /** How many releases the store says the listing holds. */
  total?: number | undefined;
  /** The next page; absent on the last. */
  next?: C | undefined;
}

export async function readListing<C>(
  provider: ProviderName,
  first: C,
  read: (page: C) => Promise<ListingPage<C>>,
  options: ListingOptions,
): Promise<ArtistListing> {
  const releases = new Map<string, ListedAtStore>();
  let name: string | undefined;
  let total: number | undefined;
  let pages = 0;
  let next: C | undefined = first;
  while (next !== undefined && pages < MAX_LISTING_PAGES) {
    const page = await read(next);
    pages++;
    name ??= page.name;
    total = page.total ?? total;
    for (const item of page.items) if (!releases.has(item.url)) releases.set(item.url, item);
    options.onPage?.({ pages, releases: releases.size, ...(total ? { total } : {}) });
    next = page.items.length ? page.next : undefined;
  }
  const messages: ArtistListing['messages'] =
    next !== undefined
      ? [
          {
            level: 'warning',
            provider,
            text: `Only the first ${MAX_LISTING_PAGES} pages of this listing were read (${releases.size}${total ? ` of ${total}` : ''} releases).`,
          },
        ]
      : [];
  return { ...(name ? { name } : {}), releases: [...releases.values()], pages, messages };
}

/** The next offset while the store's total says more remain. */
export function nextOffset(
  offset: number,
  count: number,
  total: number | undefined,
): number | undefined {
  const reached = offset + count;
  return total !== undefined && reached < total && count > 0 ? reached : undefined;
}
