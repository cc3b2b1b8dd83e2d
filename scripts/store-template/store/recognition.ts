import type { RecognitionCases } from '../recognition.ts';

/** Page URLs as users share them, and the store's pages that are no release, artist or label. */
export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://www.examplestore.example/album/1001?ref=share',
      'release',
      'https://examplestore.example/album/1001',
    ],
    ['https://examplestore.example/artist/7', 'artist', 'https://examplestore.example/artist/7'],
  ],
  rejected: ['https://examplestore.example/charts', 'https://examplestore.example/album/abc'],
};
