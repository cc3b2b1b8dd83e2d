import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://www.beatport.com/release/some-release/4567890',
      'release',
      'https://www.beatport.com/release/some-release/4567890',
    ],
    [
      'https://www.beatport.com/de/release/some-release/4567890',
      'release',
      'https://www.beatport.com/release/some-release/4567890',
    ],
    [
      'https://beatport.com/track/a-track/123',
      'track',
      'https://www.beatport.com/track/a-track/123',
    ],
    [
      'https://www.beatport.com/label/a-label/42',
      'label',
      'https://www.beatport.com/label/a-label/42',
    ],
  ],
  rejected: ['https://www.beatport.com/release/4567890'],
};
