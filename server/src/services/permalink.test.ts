import type { ParsedLookupInput } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { isPermalinkId, newPermalinkId, queryKey } from './permalink.ts';

const key = (input: Partial<ParsedLookupInput>) => queryKey({ urls: [], refresh: false, ...input });

describe('queryKey', () => {
  it('is one key for one question, whatever the URL order or the barcode’s padding', () => {
    const urls = ['https://www.deezer.com/album/1', 'https://open.spotify.com/album/x'];
    expect(key({ urls })).toBe(key({ urls: [...urls].reverse() }));
    const forms = ['602475093060', '0602475093060', '00602475093060', '602-475-093-060'];
    const keys = forms.map((gtin) => key({ gtin }));
    expect(new Set(keys).size).toBe(1);
  });

  it('tells different questions apart', () => {
    const base = key({ gtin: '602475093060' });
    expect(key({ gtin: '4006381333931' })).not.toBe(base);
    expect(key({ gtin: '602475093060', regions: ['GB'] })).not.toBe(base);
    expect(key({ gtin: '602475093060', providers: ['deezer'] })).not.toBe(base);
    // Text that is no barcode stays itself: two such are not one question.
    expect(key({ gtin: 'abc' })).not.toBe(key({ gtin: 'xyz' }));
  });
});

describe('permalink IDs', () => {
  it('are 12 characters without look-alikes', () => {
    for (let i = 0; i < 50; i++) expect(isPermalinkId(newPermalinkId())).toBe(true);
    expect(isPermalinkId('0123456789ab')).toBe(false);
  });
});
