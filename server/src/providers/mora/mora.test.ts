/**
 * mora on hand-written answers (the recorded corpus covers real ones, test/corpus): the page's
 * meta tag read, the data path built from it and checked, and the part-number rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import { extractMoraPage } from './extract.ts';
import { packageFolder } from './index.ts';
import { standInPages } from './stand-in.ts';

const PAGE = readFileSync(join(fixtureDir(import.meta.url), 'pages/package.html'), 'utf8');
const PAGE_URL = 'https://mora.jp/package/43000099/ABCD-1234/';
const META_URL = 'https://cf.mora.jp/contents/package/0000/00000099/0001/234/567/packageMeta.json';
const entity = { store: 'mora' as const, type: 'release' as const, id: '43000099/ABCD-1234' };

/** A packageMeta.json as mora writes it, cut to what Liner reads. */
function packageMeta(extra: Record<string, unknown> = {}) {
  return {
    title: '夜の線',
    artistName: 'アルファ',
    labelcompanyname: 'Liner Test Records',
    distPartNo: 'ABCD-1234',
    cdPartNo: null,
    packageId: 'ABCD-1234',
    startDate: '2024/03/15 00:00:00',
    master: '℗ 2024 Liner Test Records',
    fullsizeimage: '0001234567.200.jpg',
    mediaFormatNo: 10,
    trackList: [
      { trackNo: 1, title: '始まり', artistName: 'アルファ', duration: 201, mediaFormatNo: 10 },
      {
        trackNo: 2,
        title: '二人',
        artistName: 'アルファ, ベータ',
        duration: 188,
        mediaFormatNo: 10,
      },
    ],
    ...extra,
  };
}

const mora = (meta: object, page: string | object = PAGE) =>
  testProvider('mora', {
    fetch: fakeFetch({
      [PAGE_URL]: { body: page, headers: { 'content-type': 'text/html' } },
      [META_URL]: meta,
    }).fetch,
  });

describe('mora provider', () => {
  it('reads the package arguments from the page, entities decoded', () => {
    expect(extractMoraPage(PAGE)).toEqual({
      type: 'package',
      mountPoint: '0000',
      labelId: '00000099',
      materialNo: '1234567',
    });
    // The stand-in page (stand-in.ts) puts them where the page has them.
    const kept = {
      type: 'package',
      mountPoint: '0000',
      labelId: '00000083',
      materialNo: '42023270',
    };
    expect(extractMoraPage(standInPages.page(kept))).toEqual(kept);
    expect(() => extractMoraPage('<html><head></head></html>')).toThrow(
      /no msApplication-Arguments meta tag/,
    );
  });

  it('finds the data under the material number padded to ten digits and cut 4/3/3', () => {
    expect(
      packageFolder('https://cf.mora.jp', {
        mountPoint: '0000',
        labelId: '00000083',
        materialNo: '42023270',
      }),
    ).toBe('https://cf.mora.jp/contents/package/0000/00000083/0042/023/270/');
  });

  it('keeps the Japanese, takes a catalog number, and no GTIN from a part number that is none', async () => {
    const result = await mora(packageMeta()).lookupById(entity, []);
    const release = releaseSchema.parse(result.release);
    expect(release).toMatchObject({
      title: '夜の線',
      labels: [{ name: 'Liner Test Records', catalogNumber: 'ABCD-1234' }],
      releaseDate: { year: 2024, month: 3, day: 15 },
      copyright: '℗ 2024 Liner Test Records',
      availableIn: ['JP'],
      images: [
        {
          url: 'https://cf.mora.jp/contents/package/0000/00000099/0001/234/567/0001234567.200.jpg',
        },
      ],
    });
    expect(release.gtin).toBeUndefined();
    expect(release.artists.map((a) => a.name)).toEqual(['アルファ']);
    const [first, second] = release.media[0]!.tracks;
    expect(first).toMatchObject({ number: '1', title: '始まり', lengthMs: 201_000 });
    expect(first!.artists).toBeUndefined();
    expect(second!.artists?.map((a) => a.name)).toEqual(['アルファ, ベータ']);
    expect(result).toMatchObject({ url: PAGE_URL, apiUrl: META_URL, region: 'JP', messages: [] });
  });

  it("takes the CD edition's barcode last, and says so; an 8-digit part number is no EAN-8", async () => {
    const result = await mora(
      packageMeta({ distPartNo: '15198300', packageId: '15198300_F', cdPartNo: '4006381333931' }),
    ).lookupById(entity, []);
    expect(result.release.gtin).toBe('4006381333931');
    expect(result.messages[0]?.text).toMatch(/4006381333931 is its CD edition's part number/);
    expect(result.release.labels).toEqual([{ name: 'Liner Test Records' }]);
  });

  it('says that a video package is one and marks its tracks', async () => {
    const result = await mora(packageMeta({ mediaFormatNo: 11 })).lookupById(entity, []);
    expect(result.release.media[0]!.tracks.map((t) => t.type)).toEqual(['video', 'video']);
    expect(result.messages).toEqual([
      expect.objectContaining({
        level: 'warning',
        text: expect.stringMatching(/as a video download/),
      }),
    ]);
  });

  it('refuses a data path the page made up, and a package without tracks', async () => {
    const hostile = PAGE.replace('&quot;1234567&quot;', '&quot;../../x&quot;');
    await expect(mora(packageMeta(), hostile).lookupById(entity, [])).rejects.toThrow(/materialNo/);
    await expect(mora(packageMeta({ trackList: [] })).lookupById(entity, [])).rejects.toThrow(
      /no tracks/,
    );
    await expect(
      mora(packageMeta()).lookupById({ ...entity, id: '43000099/../../x' }, []),
    ).rejects.toThrow(/not a mora package/);
  });
});
