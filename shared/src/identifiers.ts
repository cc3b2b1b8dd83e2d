/**
 * GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) and ISRC handling. Stores disagree on padding (Beatport
 * wants 13 digits, Deezer 12, Spotify finds some only as 14) and some drop the check digit, so
 * every comparison goes through these functions instead of string equality.
 */

export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

export type GtinProblem = 'empty' | 'not-digits' | 'length' | 'check-digit' | 'placeholder';

export class InvalidGtinError extends Error {
  override readonly name = 'InvalidGtinError';
  constructor(
    readonly input: string,
    readonly problem: GtinProblem,
  ) {
    super(`invalid GTIN "${input}": ${describeGtinProblem(problem)}`);
  }
}

function describeGtinProblem(problem: GtinProblem): string {
  switch (problem) {
    case 'empty':
      return 'it is empty';
    case 'not-digits':
      return 'a GTIN has digits only';
    case 'length':
      return 'a GTIN has 8, 12, 13 or 14 digits';
    case 'check-digit':
      return 'the check digit does not match';
    case 'placeholder':
      return 'zeros only are a placeholder, not a barcode';
  }
}

/** The GS1 check digit for the digits before it (weights 3,1,3,... from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Returns the problem with a GTIN, or undefined when it is valid. Spaces and dashes are ignored. */
export function gtinProblem(input: string): GtinProblem | undefined {
  const digits = input.replace(/[\s-]/g, '');
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'not-digits';
  if (!(GTIN_LENGTHS as readonly number[]).includes(digits.length)) return 'length';
  // Stores fill the field with zeros when a release has no barcode; searching for it would
  // match every other release without one.
  if (/^0+$/.test(digits)) return 'placeholder';
  if (gtinCheckDigit(digits.slice(0, -1)) !== Number(digits.at(-1))) return 'check-digit';
  return undefined;
}

export function isValidGtin(input: string): boolean {
  return gtinProblem(input) === undefined;
}

/**
 * Parses a GTIN as a user or store gave it. Leading zeros beyond 14 digits and separators are
 * dropped; the result keeps the given length (a UPC-A stays 12 digits).
 */
export function parseGtin(input: string): string {
  let digits = input.trim().replace(/[\s-]/g, '');
  if (/^0+\d{14}$/.test(digits)) digits = digits.slice(-14);
  const problem = gtinProblem(digits);
  if (problem) throw new InvalidGtinError(input, problem);
  return digits;
}

/** Numeric identity of a GTIN: zero padding does not change which product it names. */
export function gtinKey(gtin: string): string {
  return gtin.replace(/\D/g, '').replace(/^0+/, '');
}

/** The GTIN's number zero-padded to each of 12, 13 and 14 digits that it fits, shortest first. */
function paddedForms(gtin: string): string[] {
  const key = gtinKey(gtin);
  return [12, 13, 14].filter((length) => key.length <= length).map((n) => key.padStart(n, '0'));
}

/**
 * The one form of a GTIN that a look-up asks with: an EAN-8 given as 8 digits stays so, any other
 * takes the shortest of 12, 13 or 14 digits its number fits (a UPC-A as its 12, "0602475093060"
 * as 602475093060). Zero padding keeps the check digit valid, so every form names one product;
 * asking with one form makes two paddings of a barcode one question with one answer.
 */
export function canonicalGtin(gtin: string): string {
  const digits = gtin.replace(/\D/g, '');
  if (digits.length === 8) return digits;
  return paddedForms(digits)[0] ?? digits;
}

export function sameGtin(a: string, b: string): boolean {
  return gtinKey(a) === gtinKey(b);
}

/**
 * The zero-padded forms to try at a store, shortest first, starting with the given one.
 * Padding keeps the check digit valid, so every variant names the same product.
 */
export function gtinVariants(gtin: string): string[] {
  return [...new Set([gtin, ...paddedForms(gtin)])];
}

/**
 * Some stores drop the check digit (a 12-digit EAN-13 body). Returns the completed GTIN when the
 * input is one digit short of a GTIN length and appending the computed check digit makes it
 * valid; a full-length code with a wrong check digit is not "completed" into a longer one.
 */
export function completeGtin(input: string): string | undefined {
  const digits = input.replace(/\D/g, '');
  if (isValidGtin(digits)) return digits;
  if (![7, 11, 12].includes(digits.length)) return undefined;
  const completed = digits + String(gtinCheckDigit(digits));
  return isValidGtin(completed) ? completed : undefined;
}

const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** Uppercases and strips separators ("us-rc1-76-07839" -> "USRC17607839"). */
export function normalizeIsrc(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidIsrc(input: string): boolean {
  return ISRC_PATTERN.test(normalizeIsrc(input));
}

/** The normalized ISRC, or undefined when the input is not one. */
export function parseIsrc(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const isrc = normalizeIsrc(input);
  return ISRC_PATTERN.test(isrc) ? isrc : undefined;
}

const MBID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isMbid(input: string): boolean {
  return MBID_PATTERN.test(input);
}
