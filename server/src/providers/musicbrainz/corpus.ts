import type { CorpusCase } from '../../../../test/corpus/types.ts';
import { fixtureDir } from '../../../../test/support/corpus.ts';

/** The recorded corpus has no MusicBrainz answers: the provider's own fixture, in replay layout. */
export const cases: CorpusCase[] = [
  {
    name: 'hand-written: a two-disc live album with label and catalog number',
    provider: 'musicbrainz',
    replayDir: fixtureDir(import.meta.url),
    lookup: { url: 'https://musicbrainz.org/release/7a1b2c3d-0000-4000-8000-000000000001' },
    expect: {
      title: 'Night & Day',
      artists: [['Alpha', '']],
      gtin: '192758000019',
      media: [2, 1],
      releaseDate: { year: 2023, month: 5, day: 5 },
    },
  },
];
