import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://www.qobuz.com/gb-en/album/some-album/0060254729482',
      'release',
      'https://www.qobuz.com/gb-en/album/some-album/0060254729482',
    ],
    [
      'https://open.qobuz.com/album/0060254729482',
      'release',
      'https://www.qobuz.com/gb-en/album/-/0060254729482',
    ],
    [
      'https://play.qobuz.com/album/jd6p5d9ia0b2a',
      'release',
      'https://www.qobuz.com/gb-en/album/-/jd6p5d9ia0b2a',
    ],
    [
      'https://www.qobuz.com/us-en/interpreter/someone/123456',
      'artist',
      'https://www.qobuz.com/us-en/interpreter/someone/123456',
    ],
  ],
  rejected: ['https://www.qobuz.com/gb-en/discover'],
};
