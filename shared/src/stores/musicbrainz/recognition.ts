import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://musicbrainz.org/release/b84ee12a-09ef-421b-82de-0441a926375b',
      'release',
      'https://musicbrainz.org/release/b84ee12a-09ef-421b-82de-0441a926375b',
    ],
    [
      'https://beta.musicbrainz.org/release/B84EE12A-09EF-421B-82DE-0441A926375B/edit',
      'release',
      'https://musicbrainz.org/release/b84ee12a-09ef-421b-82de-0441a926375b',
    ],
  ],
  rejected: ['https://musicbrainz.org/release/not-an-mbid'],
};
