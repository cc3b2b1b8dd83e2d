import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    ['https://www.deezer.com/album/629506181', 'release', 'https://www.deezer.com/album/629506181'],
    [
      'https://www.deezer.com/en/album/629506181',
      'release',
      'https://www.deezer.com/album/629506181',
    ],
    [
      'https://deezer.com/fr/album/629506181?utm_source=deezer&utm_content=album-629506181',
      'release',
      'https://www.deezer.com/album/629506181',
    ],
    [
      'http://www.deezer.com/pt-br/album/629506181',
      'release',
      'https://www.deezer.com/album/629506181',
    ],
    ['https://www.deezer.com/us/artist/75491', 'artist', 'https://www.deezer.com/artist/75491'],
    ['https://www.deezer.com/track/2947516331', 'track', 'https://www.deezer.com/track/2947516331'],
  ],
  rejected: ['https://www.deezer.com/en/playlist/123', 'https://www.deezer.com/album/abc'],
};
