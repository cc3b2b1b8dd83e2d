import { randomBytes } from 'node:crypto';
import { canonicalGtin, type ParsedLookupInput, parseGtin } from '@liner/shared';
import { sha256, stableStringify } from '../util/hash.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 12 characters from an alphabet without look-alikes: 60 bits, short enough to share. */
export function newPermalinkId(): string {
  const bytes = randomBytes(12);
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function isPermalinkId(value: string): boolean {
  return /^[a-km-z2-9]{12}$/.test(value);
}

/**
 * 602475093060, 0602475093060 and "602-475-093-060" name one product and are asked in one form
 * (canonicalGtin, as the look-up plan does): one stored look-up and one permalink. A barcode that does not parse keeps its
 * text (the look-up refuses it with its own message).
 */
function barcodeIdentity(gtin: string): string {
  try {
    return canonicalGtin(parseGtin(gtin));
  } catch {
    return gtin;
  }
}

/** The same question asked twice has the same key, whatever the order of its URLs. */
export function queryKey(input: ParsedLookupInput): string {
  return sha256(
    stableStringify({
      urls: [...input.urls].sort(),
      gtin: input.gtin === undefined ? null : barcodeIdentity(input.gtin),
      regions: input.regions ?? null,
      providers: input.providers ? [...input.providers].sort() : null,
      prefer: input.prefer ?? null,
    }),
  );
}
