import type { RecognitionCases } from '../recognition.ts';

export const recognition: RecognitionCases = {
  recognized: [
    ['https://tidal.com/album/130201923', 'release', 'https://tidal.com/album/130201923'],
    ['https://tidal.com/browse/album/130201923', 'release', 'https://tidal.com/album/130201923'],
    [
      'https://listen.tidal.com/album/130201923/tracks',
      'release',
      'https://tidal.com/album/130201923',
    ],
    ['https://www.tidal.com/album/130201923/u', 'release', 'https://tidal.com/album/130201923'],
    ['https://tidal.com/browse/artist/3566', 'artist', 'https://tidal.com/artist/3566'],
    ['https://tidal.com/browse/track/130201924', 'track', 'https://tidal.com/track/130201924'],
    // A music video is released on its own; its page stays a video page.
    ['https://tidal.com/browse/video/358461354', 'release', 'https://tidal.com/video/358461354'],
    ['https://listen.tidal.com/video/358461354', 'release', 'https://tidal.com/video/358461354'],
  ],
  rejected: ['https://tidal.com/playlist/abc'],
};
