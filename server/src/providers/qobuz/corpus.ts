import type { CorpusCase } from '../../../../test/corpus/types.ts';
import { fixtureDir } from '../../../../test/support/corpus.ts';

/** The recorded corpus has no Qobuz answers: the provider's own hand-written fixtures. */
export const cases: CorpusCase[] = [
  {
    name: 'hand-written: a deluxe edition on two discs, paged',
    provider: 'qobuz',
    replayDir: fixtureDir(import.meta.url),
    env: { LINER_QOBUZ_APP_ID: '123456789' },
    lookup: { url: 'https://www.qobuz.com/gb-en/album/night-lines-alpha/abc123xyz' },
    expect: {
      title: 'Night Lines (Deluxe Edition)',
      artists: [['Alpha', '']],
      gtin: '0012345678905',
      media: [2, 1],
      trackTitles: [['Opening', 'Duet'], ['Reprise (Live)']],
      releaseDate: { year: 2023, month: 5, day: 5 },
      types: ['Album'],
    },
  },
];
