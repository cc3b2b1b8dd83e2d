/**
 * Finding a release by barcode at a store that knows how it holds barcodes.
 *
 * A barcode has several zero-padded forms (a UPC-A as 12, 13 or 14 digits). A store that
 * compares barcodes as numbers, or keeps one form of its own, is asked that form alone; a store
 * that matches the exact string a distributor delivered is asked each form it is known to hold.
 * Each provider declares its forms, with the evidence, in `barcode.forms` (types.ts).
 *
 * Regional stores know a release only where it is sold. The searches come in two rounds: every
 * declared form in the first region at once, then, only when that found nothing, the store's
 * main form in every other region at once. So a store that has the release in its first region
 * costs one round trip and its forms' requests; one that lacks it everywhere costs two round
 * trips (asking region after region would cost one per region). The HTTP layer's per-host
 * limits still hold: a round is as parallel as the store's declared concurrency allows.
 */
import { canonicalGtin, gtinKey, type ProviderName } from '@liner/shared';
import { NotFoundError } from '../../http/errors.ts';
import type { BarcodeForm, ProviderLookup } from '../types.ts';
import { firstInRounds, regionRounds } from './regions.ts';

export interface BarcodeSearch {
  /** The form of the barcode to ask for. */
  variant: string;
  /** The region to ask in; undefined for a store with one catalogue (or all of it at once). */
  region?: string;
}

/** The barcode in one declared form; undefined when its number does not fit the form. */
export function barcodeForm(gtin: string, form: BarcodeForm): string | undefined {
  const key = gtinKey(gtin);
  if (form === 'short') return canonicalGtin(gtin);
  const length = form === 'ean13' ? 13 : 14;
  return key.length <= length ? key.padStart(length, '0') : undefined;
}

/** The distinct forms of `gtin` a store declares, in its order. */
export function barcodeForms(gtin: string, forms: readonly BarcodeForm[]): string[] {
  const values = forms.map((form) => barcodeForm(gtin, form));
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/**
 * The searches, round by round: every form in the first region, then the first form in each
 * other region. `regions` may hold undefined for "no region named".
 */
export function barcodeRounds(
  gtin: string,
  forms: readonly BarcodeForm[],
  regions: readonly (string | undefined)[] = [undefined],
): BarcodeSearch[][] {
  const variants = barcodeForms(gtin, forms);
  const at = (variant: string, region: string | undefined): BarcodeSearch =>
    region ? { variant, region } : { variant };
  const [first, others = []] = regionRounds(regions.length > 0 ? regions : [undefined]);
  return [
    variants.map((variant) => at(variant, first![0])),
    ...(others.length > 0 ? [others.map((region) => at(variants[0]!, region))] : []),
  ];
}

export interface BarcodeFinder<M> {
  provider: ProviderName;
  /** The store's name in messages ("Spotify has no release with barcode ..."). */
  displayName: string;
  gtin: string;
  rounds: readonly (readonly BarcodeSearch[])[];
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
 * Runs the rounds until one matches and opens the first match (see firstInRounds: the order of
 * the searches decides, not which answer came first). Several editions share barcodes (a
 * reissue, a regional version): the others are named in a warning, so the user can pick another
 * instead of importing the wrong one silently.
 */
export async function findByBarcode<M>(finder: BarcodeFinder<M>): Promise<ProviderLookup> {
  const outcome = await firstInRounds(
    finder.rounds,
    (search) => finder.search(search),
    (answer) => answer.matches.length > 0,
  );
  if ('question' in outcome) {
    const { question: search, answer } = outcome;
    const [first, ...others] = answer.matches;
    const found = await finder.open(first!, search);
    if (others.length > 0) {
      found.messages.push({
        level: 'warning',
        provider: finder.provider,
        text: `${finder.displayName} has ${answer.matches.length} releases with barcode ${search.variant}; used ${found.id}, also: ${others.map(finder.describe).join('; ')}`,
      });
    }
    return found;
  }
  const asked = outcome.last?.url ?? finder.gtin;
  const where = finder.where ? ` ${finder.where}` : '';
  throw new NotFoundError(
    finder.provider,
    asked,
    `${finder.displayName} has no release with barcode ${finder.gtin}${where}`,
  );
}
