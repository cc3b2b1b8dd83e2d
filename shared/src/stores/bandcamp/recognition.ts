import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    ['https://frisyr.bandcamp.com/album/demo', 'release', 'https://frisyr.bandcamp.com/album/demo'],
    [
      'https://frisyr.bandcamp.com/album/demo?from=discover_page',
      'release',
      'https://frisyr.bandcamp.com/album/demo',
    ],
    ['http://FRISYR.bandcamp.com/album/Demo/', 'release', 'https://frisyr.bandcamp.com/album/demo'],
    [
      'https://svenfredrik.bandcamp.com/track/mr-florida-81',
      'release',
      'https://svenfredrik.bandcamp.com/track/mr-florida-81',
    ],
    ['https://frisyr.bandcamp.com/', 'artist', 'https://frisyr.bandcamp.com/'],
    ['https://frisyr.bandcamp.com/music', 'artist', 'https://frisyr.bandcamp.com/'],
  ],
  rejected: [
    'https://daily.bandcamp.com/features/something',
    'https://bandcamp.com/discover',
    'https://frisyr.bandcamp.com/merch',
  ],
};
