import type { CorpusCase } from '../../../../test/corpus/types.ts';
import { fixtureDir } from '../../../../test/support/corpus.ts';

/**
 * Cases of the recorded corpus (../shared/fixtures/recorded) with what each must harmonize to;
 * while the corpus has none of this store, a case on the provider's own hand-written fixtures.
 */
export const cases: CorpusCase[] = [
  {
    name: 'hand-written: an album on two discs',
    provider: 'examplestore',
    replayDir: fixtureDir(import.meta.url),
    lookup: { url: 'https://examplestore.example/album/1001' },
    expect: {
      title: 'Night Lines',
      artists: [['Alpha', '']],
      gtin: '0012345678905',
      media: [2, 1],
      trackTitles: [['Opening', 'Duet'], ['Reprise']],
      releaseDate: { year: 2024, month: 3, day: 15 },
      links: [['https://examplestore.example/album/1001', ['paid download']]],
    },
  },
];
