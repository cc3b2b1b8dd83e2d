/**
 * Finding a release by barcode, the same way at every store: which forms of the barcode are
 * searched where, in which order, and what is said when several releases share it.
 *
 * Stores keep barcodes in different paddings (a UPC-A as 12, 13 or 14 digits), and regional
 * stores know a release only where it is sold. Searching every padding in every region would
 * cost a barcode the store lacks their product in requests (Spotify: 33, Apple: 42, against a
 * limit of 20 a minute). A store keeps all its barcodes in one padding, so the paddings are
 * settled in the first (preferred) region, and the other regions are asked for the form given:
 * their sum in requests, and it still finds both kinds of release the corpus holds.
 */
import { gtinVariants, type ProviderName } from '@liner/shared';
import { NotFoundError } from '../../http/errors.ts';
import type { ProviderLookup } from '../types.ts';

export interface BarcodeSearch {
  /** The form of the barcode to ask for. */
  variant: string;
  /** The region to ask in; undefined for a store with one catalogue (or all of it at once). */
  region?: string;
}

/**
 * The searches, in order: every variant in the first region, then `variants[0]` (the form
 * given) in each other region. `regions` may hold undefined for "no region named".
 */
export function barcodeSearches(
  gtin: string,
  regions: readonly (string | undefined)[] = [undefined],
  variants: readonly string[] = gtinVariants(gtin),
): BarcodeSearch[] {
  const [first, ...others] = regions.length > 0 ? regions : [undefined];
  const searches = [
    ...variants.map((variant) => ({ variant, region: first })),
    ...others.map((region) => ({ variant: variants[0] ?? gtin, region })),
  ];
  return searches.map(({ variant, region }) => (region ? { variant, region } : { variant }));
}

export interface BarcodeFinder<M> {
  provider: ProviderName;
  /** The store's name in messages ("Spotify has no release with barcode ..."). */
  displayName: string;
  gtin: string;
  searches: readonly BarcodeSearch[];
  /**
   * One search: the releases with this very barcode (a store's search is often a text search;
   * the caller drops what merely contains the digits), and the URL asked.
   */
  search(search: BarcodeSearch): Promise<{ url: string; matches: readonly M[] }>;
  /** The full look-up of the first match. */
  open(match: M, search: BarcodeSearch): ProviderLookup | Promise<ProviderLookup>;
  /** How a passed-over match is named in the warning: its ID, with a date or country if known. */
  describe(match: M): string;
  /** Said after the not-found message, e.g. the regions searched. */
  where?: string;
}

/**
 * Runs the searches until one matches and opens the first match. Several editions share
 * barcodes (a reissue, a regional version): the others are named in a warning, so the user can
 * pick another instead of importing the wrong one silently.
 */
export async function findByBarcode<M>(finder: BarcodeFinder<M>): Promise<ProviderLookup> {
  let asked = finder.gtin;
  for (const search of finder.searches) {
    const { url, matches } = await finder.search(search);
    asked = url;
    const [first, ...others] = matches;
    if (first === undefined) continue;
    const found = await finder.open(first, search);
    if (others.length > 0) {
      found.messages.push({
        level: 'warning',
        provider: finder.provider,
        text: `${finder.displayName} has ${matches.length} releases with barcode ${search.variant}; used ${found.id}, also: ${others.map(finder.describe).join('; ')}`,
      });
    }
    return found;
  }
  const where = finder.where ? ` ${finder.where}` : '';
  throw new NotFoundError(
    finder.provider,
    asked,
    `${finder.displayName} has no release with barcode ${finder.gtin}${where}`,
  );
}
