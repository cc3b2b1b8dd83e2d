import type { CorpusCase } from '../../../../test/corpus/types.ts';

const link = (id: number): [string, ['paid download']] => [
  `https://ototoy.jp/_/default/p/${id}`,
  ['paid download'],
];

/** Expectations read from the recorded OTOTOY pages (kept as the object read from each page). */
export const cases: CorpusCase[] = [
  {
    name: 'single track',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/3016055' },
    expect: {
      title: 'トゥイー・ボックスの人形劇場',
      artists: [['sasakure.UK', '']],
      gtin: null,
      media: [1],
      trackTitles: [['トゥイー・ボックスの人形劇場']],
      lengths: [[238_000]],
      labels: [['sasakuration', null]],
      releaseDate: { year: 2025, month: 9, day: 1 },
      links: [link(3016055)],
    },
  },
  {
    name: 'four discs, track artists where they differ',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/3237840' },
    expect: {
      title: 'Anthology Collection',
      artists: [['ザ・ビートルズ', '']],
      media: [60, 45, 50, 36],
      formats: ['Digital Media', 'Digital Media', 'Digital Media', 'Digital Media'],
      trackArtists: [
        [0, 1, [['ジョン・レノン', '']]],
        [
          0,
          9,
          [
            ['ザ・ビートルズ', ' & '],
            ['ビートルズとトニー・シェリダン', ''],
          ],
        ],
      ],
      labels: [['UMC (Universal Music Catalogue)', null]],
      releaseDate: { year: 2025, month: 11, day: 21 },
    },
  },
  {
    name: 'several artists: the featured ones move from the title into the credit',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/709920' },
    expect: {
      title: 'Gimme吟味virtuaる最高star!!!!',
      artists: [
        ['sasakure.UK', ' feat. '],
        ['さくらみこ', ', '],
        ['白上フブキ', ', '],
        ['夏色まつり', ' & '],
        ['宝鐘マリン', ''],
      ],
      media: [1],
      trackTitles: [['Gimme吟味virtuaる最高star!!!!']],
      releaseDate: { year: 2021, month: 2, day: 25 },
    },
  },
  {
    name: 'no label, featured artists on tracks',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/3228080' },
    expect: {
      title: 'UNTIL',
      artists: [['Benjazzy', '']],
      media: [14],
      labels: [],
      trackArtists: [
        [
          0,
          3,
          [
            ['Benjazzy', ' feat. '],
            ['Watson', ', '],
            ['MIKADO', ' & '],
            ['¥ellow Bucks', ''],
          ],
        ],
      ],
      releaseDate: { year: 2025, month: 11, day: 19 },
    },
  },
  {
    name: 'original release date only, catalog number',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/1822344' },
    expect: {
      title: 'THE BOOK 3',
      artists: [['YOASOBI', '']],
      media: [10],
      lengths: [
        [194_000, 48_000, 192_000, 256_000, 185_000, 67_000, 211_000, 198_000, 198_000, 217_000],
      ],
      labels: [['YOASOBI', 'YOASOBI-081']],
      releaseDate: { year: 2023, month: 10, day: 4 },
      links: [link(1822344)],
    },
  },
  {
    name: 'Various Artists, per-track artists',
    provider: 'ototoy',
    lookup: { url: 'https://ototoy.jp/_/default/p/3286704' },
    expect: {
      title: 'Friends',
      artists: [['Various Artists', '']],
      media: [6],
      trackArtists: [
        [0, 0, [['ZトN', '']]],
        [
          0,
          5,
          [
            ['ZトN', ', '],
            ['KUNG-FU', ' & '],
            ['sumiya takuro', ''],
          ],
        ],
      ],
      releaseDate: { year: 2025, month: 12, day: 12 },
    },
  },
];
