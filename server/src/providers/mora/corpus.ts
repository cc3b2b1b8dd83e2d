import type { CorpusCase } from '../../../../test/corpus/types.ts';

const link = (path: string): [string, ['paid download']] => [
  `https://mora.jp/package/${path}/`,
  ['paid download'],
];

/** Expectations read from the recorded package pages and their packageMeta.json answers. */
export const cases: CorpusCase[] = [
  {
    name: 'single, GTIN-14 in the distributor part number',
    provider: 'mora',
    lookup: { url: 'https://mora.jp/package/43000006/00602488058599/' },
    expect: {
      title: 'MAGIC',
      artists: [['Ado', '']],
      gtin: '602488058599',
      media: [1],
      trackTitles: [['MAGIC']],
      lengths: [[172_000]],
      labels: [['Universal Music LLC', null]],
      releaseDate: { year: 2025, month: 10, day: 31 },
      links: [link('43000006/00602488058599')],
      formats: ['Digital Media'],
    },
  },
  {
    name: 'a music video package: its track is a video',
    provider: 'mora',
    lookup: { url: 'https://mora.jp/package/43000006/00199957093194' },
    expect: {
      title: 'Woman is a Tree',
      artists: [['The Last Dinner Party', '']],
      gtin: '199957093194',
      media: [1],
      lengths: [[239_000]],
      trackTypes: [['video']],
      labels: [['Universal-Island Records Ltd.', null]],
      releaseDate: { year: 2025, month: 11, day: 22 },
      links: [link('43000006/00199957093194')],
    },
  },
  {
    name: 'high-resolution compilation, GTIN from the package ID, Japanese titles kept',
    provider: 'mora',
    lookup: { url: 'https://mora.jp/package/43000035/198704758065_F/' },
    expect: {
      title: 'バンドリ！ ガールズバンドパーティ！ カバーコレクションVol.10',
      artists: [['Various Artists', '']],
      gtin: '198704758065',
      media: [27],
      trackArtists: [
        [0, 0, [["Poppin'Party", '']]],
        // One name as mora writes it: the store does not say where one artist ends.
        [0, 12, [["Poppin'Party, 高松 燈(CV:羊宮妃那)", '']]],
      ],
      labels: [['ブシロードミュージック', null]],
      releaseDate: { year: 2025, month: 10, day: 15 },
      links: [link('43000035/198704758065_F')],
    },
  },
];
