import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://www.discogs.com/release/1503102-Various-Kill-Bill-Vol-1',
      'release',
      'https://www.discogs.com/release/1503102',
    ],
    [
      'https://www.discogs.com/release/1503102',
      'release',
      'https://www.discogs.com/release/1503102',
    ],
    [
      'https://www.discogs.com/de/release/1503102-Various',
      'release',
      'https://www.discogs.com/release/1503102',
    ],
    [
      'https://www.discogs.com/Various-Kill-Bill-Vol-1/release/1503102',
      'release',
      'https://www.discogs.com/release/1503102',
    ],
    [
      'https://www.discogs.com/master/12345-Title',
      'release-group',
      'https://www.discogs.com/master/12345',
    ],
    [
      'https://www.discogs.com/master/view/12345',
      'release-group',
      'https://www.discogs.com/master/12345',
    ],
    ['https://www.discogs.com/artist/999-Someone', 'artist', 'https://www.discogs.com/artist/999'],
    ['https://www.discogs.com/label/1-Label', 'label', 'https://www.discogs.com/label/1'],
  ],
  rejected: ['https://www.discogs.com/sell/list'],
};
