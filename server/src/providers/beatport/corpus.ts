import type { CorpusCase } from '../../../../test/corpus/types.ts';
import { fixtureDir } from '../../../../test/support/corpus.ts';

/** The recorded corpus has no Beatport pages: the provider's own hand-written fixtures. */
export const cases: CorpusCase[] = [
  {
    name: 'hand-written: an EP with a featured artist on one track',
    provider: 'beatport',
    replayDir: fixtureDir(import.meta.url),
    lookup: { url: 'https://www.beatport.com/release/night-drive/4100001' },
    expect: {
      title: 'Night Drive',
      artists: [['Alpha', '']],
      gtin: '0192758000019',
      media: [3],
      labels: [['Liner Test Records', 'LTR042']],
      releaseDate: { year: 2024, month: 3, day: 15 },
      links: [
        [
          'https://www.beatport.com/release/night-drive/4100001',
          ['paid download', 'paid streaming'],
        ],
      ],
      types: ['EP'],
    },
  },
];
