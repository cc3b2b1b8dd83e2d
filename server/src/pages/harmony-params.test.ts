import { describe, expect, it } from 'vitest';
import { barcodeProviders, HarmonyParamError, parseHarmonyParams } from './harmony-params.ts';

const parse = (query: string) => parseHarmonyParams(new URLSearchParams(query));

describe("Harmony's look-up parameters", () => {
  it('reads repeated URLs, a barcode and regions in either form', () => {
    const parsed = parse(
      'url=https://www.deezer.com/album/1&url=https://tidal.com/album/2&gtin=0602475093060&region=gb,us&region=DE',
    );
    expect(parsed.input).toEqual({
      urls: ['https://www.deezer.com/album/1', 'https://tidal.com/album/2'],
      gtin: '0602475093060',
      regions: ['GB', 'US', 'DE'],
    });
    expect(parsed.switches).toEqual([]);
  });

  it("turns each provider's release ID into its store URL, in the first region", () => {
    const parsed = parse(
      'itunes=1441458047&bandcamp=frisyr/demo&spotify=10FLjwfpbxLmW8c25Xyc2N&beatport=1234567&musicbrainz=b84ee12a-09ef-421b-82de-0441a926375b&region=JP',
    );
    expect(parsed.input.urls).toEqual([
      'https://music.apple.com/jp/album/1441458047',
      'https://frisyr.bandcamp.com/album/demo',
      'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
      'https://www.beatport.com/release/-/1234567',
      'https://musicbrainz.org/release/b84ee12a-09ef-421b-82de-0441a926375b',
    ]);
    expect(parsed.switches).toEqual(['itunes', 'bandcamp', 'spotify', 'beatport', 'musicbrainz']);
  });

  it('keeps switches without IDs for the barcode, and names what it ignores', () => {
    const parsed = parse(
      'gtin=602475093060&deezer=&itunes=&melon=&musicbrainz!=b84ee12a-09ef-421b-82de-0441a926375b&ts=1767225600',
    );
    expect(parsed.input.urls).toEqual([]);
    expect(parsed.switches).toEqual(['deezer', 'itunes']);
    expect(parsed.ignored).toEqual(['melon', 'musicbrainz!']);
    expect(parsed.at?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('chooses the barcode stores as Harmony does: switches, a category, or the defaults', () => {
    const all = ['deezer', 'itunes', 'beatport'] as const;
    const defaults = ['deezer', 'itunes'] as const;
    expect(barcodeProviders(parse('gtin=1'), all, defaults)).toBeUndefined();
    expect(barcodeProviders(parse('gtin=1&beatport='), all, defaults)).toEqual(['beatport']);
    expect(barcodeProviders(parse('gtin=1&beatport=&category=default'), all, defaults)).toEqual([
      'deezer',
      'itunes',
      'beatport',
    ]);
    expect(barcodeProviders(parse('gtin=1&category=all'), all, defaults)).toEqual([...all]);
  });

  it('says which parameter is wrong', () => {
    for (const [query, words] of [
      ['region=GBR', 'region=GBR'],
      ['deezer=12ab', 'deezer=12ab: "12ab" is not a deezer release ID'],
      ['spotify=../../x', 'spotify=../../x'],
      ['category=digital', 'category=digital'],
      ['ts=-5', 'ts=-5'],
    ] as const) {
      expect(() => parse(query), query).toThrow(HarmonyParamError);
      expect(() => parse(query), query).toThrow(words);
    }
  });
});
