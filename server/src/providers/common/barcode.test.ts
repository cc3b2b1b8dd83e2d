import { describe, expect, it } from 'vitest';
import type { ProviderLookup } from '../types.ts';
import { type BarcodeSearch, barcodeSearches, findByBarcode } from './barcode.ts';

const pairs = (searches: BarcodeSearch[]) => searches.map((s) => `${s.variant}@${s.region ?? '-'}`);

describe('barcodeSearches', () => {
  it('settles the paddings in the first region, then asks the others for the form given', () => {
    expect(pairs(barcodeSearches('602475093060', ['GB', 'US', 'DE']))).toEqual([
      '602475093060@GB',
      '0602475093060@GB',
      '00602475093060@GB',
      '602475093060@US',
      '602475093060@DE',
    ]);
  });

  it('asks once per form for a store with one catalogue, and keeps a given order of forms', () => {
    expect(pairs(barcodeSearches('4006381333931'))).toEqual([
      '4006381333931@-',
      '04006381333931@-',
    ]);
    expect(pairs(barcodeSearches('4006381333931', []))).toEqual([
      '4006381333931@-',
      '04006381333931@-',
    ]);
    expect(pairs(barcodeSearches('1', [undefined, 'SE'], ['0000000000001', '1']))).toEqual([
      '0000000000001@-',
      '1@-',
      '0000000000001@SE',
    ]);
  });

  it('costs the sum of forms and regions, not their product', () => {
    const regions = ['US', 'GB', 'DE', 'FR', 'JP', 'CA', 'AU', 'NL', 'SE', 'ES', 'IT', 'BR'];
    expect(barcodeSearches('602475093060', regions)).toHaveLength(3 + 11);
  });
});

interface Match {
  id: string;
  year?: number;
}

const lookup = (id: string): ProviderLookup => ({
  release: { title: id } as ProviderLookup['release'],
  id,
  url: `https://store.example/${id}`,
  apiUrl: `https://api.store.example/${id}`,
  messages: [],
});

function finder(answers: Record<string, Match[]>, asked: string[] = []) {
  return {
    provider: 'deezer' as const,
    displayName: 'Deezer',
    gtin: '602475093060',
    searches: barcodeSearches('602475093060', ['GB', 'US']),
    async search({ variant, region }: BarcodeSearch) {
      const key = `${variant}@${region}`;
      asked.push(key);
      return { url: `https://api.store.example/search?q=${key}`, matches: answers[key] ?? [] };
    },
    open: (match: Match) => lookup(match.id),
    describe: (match: Match) => (match.year ? `${match.id} (${match.year})` : match.id),
  };
}

describe('findByBarcode', () => {
  it('stops at the first search that matches and opens its first match', async () => {
    const asked: string[] = [];
    const found = await findByBarcode(finder({ '0602475093060@GB': [{ id: 'a' }] }, asked));
    expect(found.id).toBe('a');
    expect(found.messages).toEqual([]);
    expect(asked).toEqual(['602475093060@GB', '0602475093060@GB']);
  });

  it('names the other releases that share the barcode instead of choosing silently', async () => {
    const found = await findByBarcode(
      finder({ '602475093060@US': [{ id: 'a' }, { id: 'b', year: 2019 }, { id: 'c' }] }),
    );
    expect(found.id).toBe('a');
    expect(found.messages).toEqual([
      {
        level: 'warning',
        provider: 'deezer',
        text: 'Deezer has 3 releases with barcode 602475093060; used a, also: b (2019); c',
      },
    ]);
  });

  it('says where it looked when nothing matches, with the last URL asked', async () => {
    await expect(findByBarcode({ ...finder({}), where: 'in GB, US' })).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'deezer',
      url: 'https://api.store.example/search?q=602475093060@US',
      message: 'Deezer has no release with barcode 602475093060 in GB, US',
    });
  });

  it('lets a failing search fail the look-up instead of reading it as "not found"', async () => {
    const broken = {
      ...finder({}),
      search: () => Promise.reject(new Error('upstream answered 500')),
    };
    await expect(findByBarcode(broken)).rejects.toThrow('upstream answered 500');
  });
});
