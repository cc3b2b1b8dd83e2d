import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    ['https://ototoy.jp/_/default/p/709920', 'release', 'https://ototoy.jp/_/default/p/709920'],
    ['https://ototoy.jp/_/default/a/153628', 'artist', 'https://ototoy.jp/_/default/a/153628'],
    ['https://ototoy.jp/labels/215734', 'label', 'https://ototoy.jp/labels/215734'],
  ],
  rejected: ['https://ototoy.jp/feature/2021'],
};
