import { describe, expect, it } from 'vitest';
import {
  canonicalGtin,
  completeGtin,
  gtinProblem,
  gtinVariants,
  InvalidGtinError,
  isMbid,
  isValidGtin,
  parseGtin,
  parseIsrc,
  sameGtin,
} from './identifiers.ts';
import { releaseSchema } from './model.ts';

describe('GTIN', () => {
  it('accepts EAN-8, UPC-A, EAN-13 and GTIN-14 with their check digits', () => {
    for (const gtin of ['96385074', '602475093060', '4006381333931', '00602475093060'])
      expect(isValidGtin(gtin)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(gtinProblem('')).toBe('empty');
    expect(gtinProblem('60247509306X')).toBe('not-digits');
    expect(gtinProblem('12345678901')).toBe('length');
    expect(gtinProblem('602475093061')).toBe('check-digit');
    expect(gtinProblem('0000000000000')).toBe('placeholder');
    expect(() => parseGtin('602475093061')).toThrow(
      new InvalidGtinError('602475093061', 'check-digit'),
    );
    expect(() => parseGtin('602475093061')).toThrow(
      'invalid GTIN "602475093061": the check digit does not match',
    );
  });

  it('parses what users paste: separators, spaces and extra leading zeros', () => {
    expect(parseGtin(' 6 02475-093060 ')).toBe('602475093060');
    expect(parseGtin('0000602475093060')).toBe('00602475093060');
  });

  it('treats zero padding as the same product and lists the padded forms to try', () => {
    expect(sameGtin('602475093060', '0602475093060')).toBe(true);
    expect(sameGtin('602475093060', '4006381333931')).toBe(false);
    expect(gtinVariants('602475093060')).toEqual([
      '602475093060',
      '0602475093060',
      '00602475093060',
    ]);
    expect(gtinVariants('00602475093060')).toEqual([
      '00602475093060',
      '602475093060',
      '0602475093060',
    ]);
    for (const variant of gtinVariants('96385074')) expect(isValidGtin(variant)).toBe(true);
  });

  it('completes a barcode whose store dropped the check digit, and only then', () => {
    expect(completeGtin('400638133393')).toBe('4006381333931');
    expect(completeGtin('4006381333931')).toBe('4006381333931');
    expect(completeGtin('12345')).toBeUndefined();
    // A full EAN-13 with a wrong check digit is a bad barcode, not the body of a GTIN-14.
    expect(completeGtin('4006381333932')).toBeUndefined();
  });

  it('has one canonical form per product, whatever the padding or separators', () => {
    for (const form of ['602475093060', '0602475093060', '00602475093060', '602-475-093-060'])
      expect(canonicalGtin(form)).toBe('602475093060');
    expect(canonicalGtin('4006381333931')).toBe('4006381333931');
    expect(canonicalGtin('04006381333931')).toBe('4006381333931');
    expect(canonicalGtin('96385074')).toBe('96385074');
    expect(canonicalGtin('10012345678902')).toBe('10012345678902');
  });

  it('is enforced by the release model', () => {
    const release = { title: 'T', artists: [], media: [], externalLinks: [], images: [] };
    expect(releaseSchema.safeParse({ ...release, gtin: '602475093060' }).success).toBe(true);
    expect(releaseSchema.safeParse({ ...release, gtin: '602475093061' }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...release, gtin: '0000000000000' }).success).toBe(false);
  });
});

describe('ISRC and MBID', () => {
  it('normalizes separators and case, and rejects other shapes', () => {
    expect(parseIsrc('us-rc1-76-07839')).toBe('USRC17607839');
    expect(parseIsrc('USRC17607839')).toBe('USRC17607839');
    expect(parseIsrc('USRC1760783')).toBeUndefined();
    expect(parseIsrc('1SRC17607839')).toBeUndefined();
    expect(parseIsrc(null)).toBeUndefined();
  });

  it('are enforced by the release model in normalized form, on isrc and isrcs alike', () => {
    const release = (isrc: string, isrcs: string[] = [isrc]) => ({
      title: 'T',
      artists: [],
      media: [{ format: 'Digital Media', tracks: [{ number: '1', title: 'A', isrc, isrcs }] }],
    });
    expect(releaseSchema.safeParse(release('USRC17607839')).success).toBe(true);
    for (const bad of ['us-rc1-76-07839', 'USRC1760783', 'not an isrc'])
      expect(releaseSchema.safeParse(release(bad)).success).toBe(false);
    expect(releaseSchema.safeParse(release('USRC17607839', ['USRC1760783'])).success).toBe(false);
  });

  it('recognizes MusicBrainz IDs', () => {
    expect(isMbid('1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f')).toBe(true);
    expect(isMbid('1F6E2D7C-3B4A-4C5D-8E9F-0A1B2C3D4E5F')).toBe(false);
    expect(isMbid('../../etc/passwd')).toBe(false);
  });
});
