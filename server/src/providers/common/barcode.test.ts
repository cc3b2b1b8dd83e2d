import { describe, expect, it } from 'vitest';
import type { ProviderLookup } from '../types.ts';
import {
  type BarcodeSearch,
  barcodeForm,
  barcodeForms,
  barcodeRounds,
  findByBarcode,
} from './barcode.ts';

const pairs = (searches: BarcodeSearch[]) => searches.map((s) => `${s.variant}@${s.region ?? '-'}`);

describe('barcode forms and rounds', () => {
  it('gives each declared form once, in the declared order', () => {
    expect(barcodeForms('0602475093060', ['short'])).toEqual(['602475093060']);
    expect(barcodeForms('602475093060', ['gtin14', 'short', 'ean13'])).toEqual([
      '00602475093060',
      '602475093060',
      '0602475093060',
    ]);
    // An EAN-13 has no 12-digit form: its shortest is itself.
    expect(barcodeForms('4006381333931', ['ean13', 'short'])).toEqual(['4006381333931']);
    expect(barcodeForm('96385074', 'short')).toBe('96385074');
    expect(barcodeForm('12345678901234', 'ean13')).toBeUndefined();
  });

  it('asks every form in the first region, then the first form in the others at once', () => {
    expect(
      barcodeRounds('602475093060', ['gtin14', 'short'], ['GB', 'US', 'DE']).map(pairs),
    ).toEqual([
      ['00602475093060@GB', '602475093060@GB'],
      ['00602475093060@US', '00602475093060@DE'],
    ]);
  });

  it('is one round for a store with one catalogue, one request for a store with one form', () => {
    expect(barcodeRounds('602475093060', ['short']).map(pairs)).toEqual([['602475093060@-']]);
    expect(barcodeRounds('602475093060', ['short'], []).map(pairs)).toEqual([['602475093060@-']]);
    expect(barcodeRounds('96385074', ['short'], [undefined, 'SE']).map(pairs)).toEqual([
      ['96385074@-'],
      ['96385074@SE'],
    ]);
  });

  it('costs forms plus regions, not their product', () => {
    const regions = ['US', 'GB', 'DE', 'FR', 'JP', 'CA', 'AU', 'NL', 'SE', 'ES', 'IT', 'BR'];
    expect(
      barcodeRounds('602475093060', ['gtin14', 'short', 'ean13'], regions).flat(),
    ).toHaveLength(3 + 11);
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
    rounds: barcodeRounds('602475093060', ['short', 'ean13'], ['GB', 'US']),
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
  it('asks a round at once and opens the first match in the order of the searches', async () => {
    const asked: string[] = [];
    const found = await findByBarcode(
      finder({ '0602475093060@GB': [{ id: 'b' }], '602475093060@GB': [{ id: 'a' }] }, asked),
    );
    expect(found.id).toBe('a');
    expect(found.messages).toEqual([]);
    // The second round (US) is not asked once the first found the release.
    expect(asked.sort()).toEqual(['0602475093060@GB', '602475093060@GB']);
  });

  it('goes on to the other regions only when the first round found nothing', async () => {
    const asked: string[] = [];
    const found = await findByBarcode(finder({ '602475093060@US': [{ id: 'c' }] }, asked));
    expect(found.id).toBe('c');
    expect(asked).toEqual(['602475093060@GB', '0602475093060@GB', '602475093060@US']);
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

  it('lets a failing search fail the look-up unless another search of its round found it', async () => {
    const failing = (found: Record<string, Match[]>) => {
      const base = finder(found);
      return {
        ...base,
        search: (s: BarcodeSearch) =>
          s.variant.length === 13
            ? Promise.reject(new Error('upstream answered 500'))
            : base.search(s),
      };
    };
    await expect(findByBarcode(failing({}))).rejects.toThrow('upstream answered 500');
    const found = await findByBarcode(failing({ '602475093060@GB': [{ id: 'a' }] }));
    expect(found.id).toBe('a');
  });
});
