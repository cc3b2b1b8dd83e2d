import { randomBytes } from 'node:crypto';
import type { ParsedLookupInput } from '@liner/shared';
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

/** The same question asked twice has the same key, whatever the order of its URLs. */
export function queryKey(input: ParsedLookupInput): string {
  return sha256(
    stableStringify({
      urls: [...input.urls].sort(),
      gtin: input.gtin ?? null,
      regions: input.regions ?? null,
      providers: input.providers ? [...input.providers].sort() : null,
      prefer: input.prefer ?? null,
    }),
  );
}
