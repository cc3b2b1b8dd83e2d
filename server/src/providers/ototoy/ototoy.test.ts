/**
 * OTOTOY on a hand-written page (the recorded corpus covers real ones, test/corpus): what is read
 * from the page, in English and Japanese, and the rules that turn it into the release.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable, fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import { ototoyPageReader } from './extract.ts';
import { standInPages } from './stand-in.ts';

const extractOtotoyPage = await ototoyPageReader();
const PAGE = readFileSync(join(fixtureDir(import.meta.url), 'pages/release.html'), 'utf8');
const URL_ = 'https://ototoy.jp/_/default/p/4100001';
const entity = { store: 'ototoy' as const, type: 'release' as const, id: '4100001' };

const ototoy = (page: string, status = 200) =>
  testProvider('ototoy', {
    fetch: fakeFetch({ [URL_]: { status, body: page, headers: { 'content-type': 'text/html' } } })
      .fetch,
  });

const RECORDED = join(CORPUS_DIR, 'https!/jp.ototoy/_/default/p');

describe.skipIf(!corpusAvailable('OTOTOY pages of the recorded corpus'))(
  'OTOTOY pages of the recorded corpus',
  () => {
    // The stand-in page (stand-in.ts) built from each kept object reads back to that object.
    it.each(readdirSync(RECORDED))('reads back release %s', (id) => {
      const kept = JSON.parse(readFileSync(join(RECORDED, id), 'utf8'));
      expect(extractOtotoyPage(standInPages.page(kept))).toEqual(kept);
    });
  },
);

describe('OTOTOY provider', () => {
  it('reads the page into the object it keeps (the recorded corpus shape)', () => {
    expect(extractOtotoyPage(PAGE)).toEqual({
      thumbUrl: 'https://imgs.ototoy.jp/imgs/jacket/4100/00000003.4100001.1700000000.1234_320.jpg',
      albumMeta: {
        title: '夜の線 (feat. ベータ)',
        artists: [
          { name: 'アルファ', url: 'https://ototoy.jp/_/default/a/501' },
          { name: 'ベータ', url: 'https://ototoy.jp/_/default/a/502' },
        ],
        releaseDate: '2024-03-15',
        originalReleaseDate: '2023-11-01',
        label: {
          name: 'Liner Test Records',
          url: 'https://ototoy.jp/labels/90',
          catalogNumber: 'LTR-042',
        },
      },
      trackList: [
        { title: '始まり', discNumber: 1, trackNumber: 1, duration: 201 },
        {
          title: '二人 (feat. ガンマ)',
          artists: [
            { name: 'アルファ', url: 'https://ototoy.jp/_/default/a/501' },
            { name: 'ガンマ', url: 'https://ototoy.jp/_/default/a/503' },
          ],
          discNumber: 1,
          trackNumber: 2,
          duration: 188,
        },
        { title: '終わり', discNumber: 2, trackNumber: 1, duration: 3725 },
      ],
    });
  });

  it('reads the Japanese labels of the dates and the catalog number too', () => {
    const japanese = PAGE.replace('Release date: 2024-03-15', '配信開始日：2024年3月15日')
      .replace('Original release date: 2023-11-01', 'オリジナル発売日：2023年11月1日')
      .replace('Catalog number: LTR-042', '品番：LTR-042');
    expect(extractOtotoyPage(japanese)).toMatchObject({
      albumMeta: {
        releaseDate: '2024-03-15',
        originalReleaseDate: '2023-11-01',
        label: { catalogNumber: 'LTR-042' },
      },
    });
  });

  it('builds the release: featured artists credited, discs, label and cover', async () => {
    const result = await ototoy(PAGE).lookupById(entity, []);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('夜の線');
    expect(release.artists.map((a) => [a.name, a.joinPhrase ?? ''])).toEqual([
      ['アルファ', ' feat. '],
      ['ベータ', ''],
    ]);
    expect(release.artists[0]!.externalIds).toEqual([
      { provider: 'ototoy', type: 'artist', id: '501' },
    ]);
    // OTOTOY's date of this edition, not the original's.
    expect(release.releaseDate).toEqual({ year: 2024, month: 3, day: 15 });
    expect(release.labels).toEqual([
      {
        name: 'Liner Test Records',
        catalogNumber: 'LTR-042',
        externalIds: [{ provider: 'ototoy', type: 'label', id: '90' }],
      },
    ]);
    expect(release.media.map((m) => m.tracks.map((t) => [t.number, t.title]))).toEqual([
      [
        ['1', '始まり'],
        ['2', '二人'],
      ],
      [['1', '終わり']],
    ]);
    // The first track is by the release's artists as the page lists them: no credit of its own.
    expect(release.media[0]!.tracks[0]!.artists).toBeUndefined();
    expect(release.media[0]!.tracks[1]!.artists?.map((a) => [a.name, a.joinPhrase ?? ''])).toEqual([
      ['アルファ', ' feat. '],
      ['ガンマ', ''],
    ]);
    expect(release.images[0]).toMatchObject({
      url: 'https://imgs.ototoy.jp/imgs/jacket/4100/00000003.4100001.1700000000.1234orig.jpg',
      thumbUrl: 'https://imgs.ototoy.jp/imgs/jacket/4100/00000003.4100001.1700000000.1234_320.jpg',
    });
    expect(release.externalLinks).toEqual([
      { url: URL_, types: ['paid download'], provider: 'ototoy' },
    ]);
    expect(result).toMatchObject({ id: '4100001', url: URL_, apiUrl: URL_, region: 'JP' });
  });

  it('says what is wrong: not a release page, no tracks, not found', async () => {
    await expect(
      ototoy('<html><body><h1>Top</h1></body></html>').lookupById(entity, []),
    ).rejects.toThrow(/no album data/);
    const empty = PAGE.replace(/<table[\s\S]*<\/table>/, '');
    await expect(ototoy(empty).lookupById(entity, [])).rejects.toThrow(/no tracks/);
    await expect(ototoy('gone', 404).lookupById(entity, [])).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
