import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://mora.jp/package/43000006/00602488058599/',
      'release',
      'https://mora.jp/package/43000006/00602488058599/',
    ],
    [
      'https://mora.jp/package/43000006/00602488058599?fmid=TOPRNKS',
      'release',
      'https://mora.jp/package/43000006/00602488058599/',
    ],
    [
      'https://mora.jp/package/43000035/198704758065_F/',
      'release',
      'https://mora.jp/package/43000035/198704758065_F/',
    ],
  ],
  rejected: ['https://mora.jp/artist/1234'],
};
