import type { CorpusCase } from '../../../../test/corpus/types.ts';

export const cases: CorpusCase[] = [
  {
    name: 'single by two artists',
    provider: 'deezer',
    lookup: { url: 'https://www.deezer.com/en/album/629506181' },
    expect: {
      title: 'Die With A Smile',
      artists: [
        ['Lady Gaga', ' & '],
        ['Bruno Mars', ''],
      ],
      gtin: '602475093060',
      media: [1],
      trackTitles: [['Die With A Smile']],
      lengths: [[250_000]],
      isrcs: [['USUM72409273']],
      labels: [['Interscope', null]],
      releaseDate: { year: 2024, month: 8, day: 16 },
      links: [['https://www.deezer.com/album/629506181', ['free streaming']]],
      types: ['Single'],
      availableIn: { includes: ['GB', 'US', 'DE'] },
    },
  },
];
