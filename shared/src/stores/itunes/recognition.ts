import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    [
      'https://music.apple.com/gb/album/die-with-a-smile/1441458047',
      'release',
      'https://music.apple.com/gb/album/1441458047',
    ],
    [
      'https://music.apple.com/gb/album/die-with-a-smile/1441458047?i=1441458048',
      'release',
      'https://music.apple.com/gb/album/1441458047',
    ],
    [
      'https://music.apple.com/album/1441458047',
      'release',
      'https://music.apple.com/us/album/1441458047',
    ],
    [
      'https://itunes.apple.com/gb/album/die-with-a-smile/id1441458047?uo=4',
      'release',
      'https://music.apple.com/gb/album/1441458047',
    ],
    [
      'https://itunes.apple.com/jp/album/id1441458047',
      'release',
      'https://music.apple.com/jp/album/1441458047',
    ],
    [
      'https://geo.music.apple.com/de/album/_/1441458047?app=music',
      'release',
      'https://music.apple.com/de/album/1441458047',
    ],
    [
      'https://music.apple.com/us/artist/lady-gaga/277293880',
      'artist',
      'https://music.apple.com/us/artist/277293880',
    ],
    [
      'https://music.apple.com/us/song/die-with-a-smile/1441458048',
      'track',
      'https://music.apple.com/us/song/1441458048',
    ],
  ],
  rejected: ['https://music.apple.com/us/playlist/todays-hits/pl.f4d106fed2bd41149aaacabb233eb5eb'],
};
