import type { CorpusCase } from '../../../../test/corpus/types.ts';

const DIE_WITH_A_SMILE = {
  title: 'Die With A Smile',
  artists: [
    ['Lady Gaga', ' & '],
    ['Bruno Mars', ''],
  ] as [string, string][],
  // Spotify pads the UPC-A to 14 digits ("00602475093060"); the parser drops the padding.
  gtin: '602475093060',
  media: [1],
  trackTitles: [['Die With A Smile']],
  lengths: [[251_667]],
  // From the full track object (/v1/tracks?ids=...): the album's own tracks carry no ISRC.
  isrcs: [['USUM72409273']],
  labels: [['Interscope', null]] as [string, null][],
  releaseDate: { year: 2024, month: 8, day: 16 },
  links: [
    ['https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N', ['free streaming']],
  ] as CorpusCase['expect']['links'],
  types: ['Single'],
  availableIn: { includes: ['GB', 'US', 'DE', 'JP'] },
};

/** Expectations read from the recorded Web API answers (album, track pages, tracks, search). */
export const cases: CorpusCase[] = [
  {
    name: 'single by two artists',
    provider: 'spotify',
    lookup: { url: 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N' },
    expect: DIE_WITH_A_SMILE,
  },
  {
    // The 12-digit search finds nothing; the 14-digit one finds the album.
    name: 'single found by its barcode only in the 14-digit form',
    provider: 'spotify',
    lookup: { gtin: '602475093060' },
    expect: DIE_WITH_A_SMILE,
  },
  {
    // 55 tracks: the album holds the first 50, its "next" page the other 5. No ISRC batch of
    // this album was recorded, so its tracks come without ISRCs (and with a warning).
    name: 'compilation by Various Artists over two track pages',
    provider: 'spotify',
    lookup: { url: 'https://open.spotify.com/intl-de/album/32nryzA6XBCX9ZUspVc1yz' },
    expect: {
      title: 'Classic Rock Hits',
      artists: [['Various Artists', '']],
      gtin: '602455070951',
      media: [55],
      trackTitles: [
        [
          'Losing My Religion',
          'Gimme Shelter',
          "Livin' On A Prayer",
          'Detroit Rock City - Edit',
          'The Boys Are Back In Town',
          'Are You Gonna Go My Way',
          'Tom Sawyer',
          'Funk #49',
          'Face It Alone',
          "(I Can't Get No) Satisfaction - Mono Version",
          'Have You Ever Seen The Rain',
          'Sweet Home Alabama',
          'Limelight',
          'One Way Or Another - Remastered 2001',
          'Jailbreak',
          'Zombie',
          'With Or Without You - Remastered 2007',
          'Crazy On You',
          'We Got The Beat - 2011 Remaster',
          'Bitter Sweet Symphony - Remastered 2016',
          'White Wedding - Pt. 1 / Remastered 2002',
          'Mr. Brightside',
          "Free Fallin'",
          'You Give Love A Bad Name',
          'Paint It, Black - Mono',
          'Rock And Roll All Nite',
          'Fortunate Son',
          'Fly Away',
          'Hit Me With Your Best Shot',
          'Bullet With Butterfly Wings - Remastered 2012',
          'Layla - 40th Anniversary Version / 2010 Remastered',
          'The Spirit Of Radio',
          'Lust For Life',
          'Bad Moon Rising',
          'Free Bird',
          'No One Knows',
          'Whiskey In The Jar',
          'All Right Now',
          "Say It Ain't So",
          '1979 - Remastered 2012',
          "Mary Jane's Last Dance",
          'Black Hole Sun',
          'Rebel Yell',
          'Sunshine Of Your Love',
          'Old Time Rock & Roll',
          'Sunday Bloody Sunday - Remastered 2008',
          'My Sharona',
          'American Pie',
          'The Joker',
          'The Boys Of Summer',
          'Honky Tonk Women - Mono Version',
          'Magic Carpet Ride',
          'Tumbling Dice',
          'Born To Be Wild - Single Version',
          'Every Breath You Take',
        ],
      ],
      lengths: [
        [
          268426, 270773, 250626, 215527, 263146, 211487, 273906, 246293, 247186, 222986, 160133,
          285373, 259385, 215106, 240200, 307440, 295520, 295270, 150560, 357266, 252200, 223973,
          255680, 223146, 204480, 175853, 140773, 221893, 172133, 257812, 423840, 297693, 313400,
          141600, 549640, 278746, 345160, 338426, 258825, 267266, 273600, 318586, 288533, 250240,
          195454, 279440, 292413, 513000, 264503, 288333, 179466, 267800, 226333, 216693, 251760,
        ],
      ],
      trackArtists: [
        [0, 0, [['R.E.M.', '']]],
        [
          0,
          36,
          [
            ['Thin Lizzy', ' & '],
            ['Derek Varnals', ''],
          ],
        ],
        [0, 54, [['The Police', '']]],
      ],
      labels: [['UME - Global Clearing House', null]],
      releaseDate: { year: 2023, month: 1, day: 7 },
      links: [['https://open.spotify.com/album/32nryzA6XBCX9ZUspVc1yz', ['free streaming']]],
      types: ['Album', 'Compilation'],
      // Spotify lists no market for this album (available_markets is empty).
      availableIn: { excludes: ['GB', 'US'] },
    },
  },
];
