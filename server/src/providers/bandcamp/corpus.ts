import type { CorpusCase } from '../../../../test/corpus/types.ts';

export const cases: CorpusCase[] = [
  {
    name: 'fixed-price label release',
    provider: 'bandcamp',
    lookup: {
      url: 'https://thedarkthursday.bandcamp.com/album/and-it-was-a-burned-into-my-mind-yet-i-faltered-like-a-broken-record',
    },
    expect: {
      title: 'and it was a burned into my mind! yet i faltered like a broken record',
      artists: [['i miss you sis', '']],
      gtin: null,
      media: [3],
      trackTitles: [
        [
          'suomi lovely',
          'bittersweet desires to overdose on my prescriptions',
          'set fire to the space snow',
        ],
      ],
      lengths: [[81_250, 72_019, 60_942]],
      isrcs: [[null, null, null]],
      labels: [['The Dark Thursday', null]],
      releaseDate: { year: 2019, month: 7, day: 17 },
      links: [
        [
          'https://thedarkthursday.bandcamp.com/album/and-it-was-a-burned-into-my-mind-yet-i-faltered-like-a-broken-record',
          ['paid download', 'free streaming'],
        ],
      ],
      types: [],
    },
  },
  {
    name: 'subscriber-only release',
    provider: 'bandcamp',
    lookup: { url: 'https://arbee.bandcamp.com/album/des-papiers-ii' },
    expect: {
      title: 'Des papiers II',
      artists: [['arbee', '']],
      gtin: null,
      media: [1],
      trackTitles: [['Des papiers II']],
      lengths: [[181_519]],
      labels: [],
      releaseDate: { year: 2025, month: 4, day: 30 },
      links: [['https://arbee.bandcamp.com/album/des-papiers-ii', ['paid download']]],
    },
  },
  {
    name: 'Creative Commons subscriber release on a custom domain',
    provider: 'bandcamp',
    lookup: { url: 'https://stevelawson.bandcamp.com/album/ambiguous-hands' },
    expect: {
      title: 'Ambiguous Hands',
      artists: [['Steve Lawson', '']],
      gtin: null,
      media: [1],
      trackTitles: [['Ambiguous Hands']],
      lengths: [[1_090_050]],
      labels: [],
      releaseDate: { year: 2025, month: 7, day: 4 },
      links: [
        ['https://stevelawson.bandcamp.com/album/ambiguous-hands', ['paid download']],
        ['http://creativecommons.org/licenses/by-nc-sa/3.0/', ['license']],
      ],
    },
  },
  {
    name: 'single track page with ISRC',
    provider: 'bandcamp',
    lookup: { url: 'https://svenfredrik.bandcamp.com/track/mr-florida-81' },
    expect: {
      title: "Mr. Florida '81",
      artists: [['Sven Fredrik', '']],
      gtin: null,
      media: [1],
      trackTitles: [["Mr. Florida '81"]],
      lengths: [[275_333]],
      isrcs: [['SE3AB2410001']],
      labels: [],
      releaseDate: { year: 2024, month: 9, day: 27 },
      links: [
        [
          'https://svenfredrik.bandcamp.com/track/mr-florida-81',
          ['paid download', 'free streaming'],
        ],
      ],
      types: ['Single'],
    },
  },
  {
    name: 'name your price with zero minimum',
    provider: 'bandcamp',
    lookup: { url: 'https://muzea.bandcamp.com/album/ambient-energy-name-your-price' },
    expect: {
      title: 'Ambient Energy (Name your price)',
      artists: [['Paul Muzea', '']],
      gtin: null,
      media: [5],
      trackTitles: [['Immersion I', 'Immersion II', 'Lost in Paradise', 'Lonely Sky', 'Alberio']],
      lengths: [[401_067, 489_230, 417_185, 345_423, 381_000]],
      labels: [],
      releaseDate: { year: 2013, month: 9, day: 8 },
      links: [
        [
          'https://muzea.bandcamp.com/album/ambient-energy-name-your-price',
          ['free download', 'paid download', 'free streaming'],
        ],
      ],
    },
  },
  {
    name: 'name your price with some tracks not downloadable alone',
    provider: 'bandcamp',
    lookup: { url: 'https://frisyr.bandcamp.com/album/demo' },
    expect: {
      title: 'demo',
      artists: [['Frisyr', '']],
      gtin: null,
      media: [6],
      trackTitles: [
        [
          'Snusjuice',
          'Rosenstrauß',
          'Vollrausch',
          '40 Grad',
          'Hinterhalt! Anzeige!',
          'Kassörens apati',
        ],
      ],
      lengths: [[120_244, 102_831, 101_310, 106_568, 82_049, 161_625]],
      labels: [],
      releaseDate: { year: 2023, month: 4, day: 7 },
      links: [
        [
          'https://frisyr.bandcamp.com/album/demo',
          ['free download', 'paid download', 'free streaming'],
        ],
      ],
    },
  },
  {
    name: 'label release with a digital barcode and download-only tracks',
    provider: 'bandcamp',
    lookup: { url: 'https://hipdozer.bandcamp.com/album/futon-feels' },
    expect: {
      title: 'Futon Feels',
      artists: [['Hans Hu$tle', '']],
      gtin: '4099885580871',
      media: [4],
      trackTitles: [
        ['Futon Feels', 'Roll It Up', 'Forever Under My Blanket', 'Too Big Without You'],
      ],
      lengths: [[135_875, 122_625, 129_780, 140_000]],
      labels: [['Hip Dozer', null]],
      releaseDate: { year: 2023, month: 9, day: 22 },
      links: [['https://hipdozer.bandcamp.com/album/futon-feels', ['paid download']]],
    },
  },
  {
    name: 'release with a physical package',
    provider: 'bandcamp',
    lookup: {
      url: 'https://dennisbovell.bandcamp.com/album/guide-us-jah-pretendah-12-exclusive-vinyl-and-or-download-matumbi',
    },
    expect: {
      title: 'Guide Us Jah/ Pretendah 12" Exclusive VINYL and/or Download - MATUMBI',
      artists: [['Matumbi', '']],
      gtin: null,
      media: [2],
      trackTitles: [['Guide Us Jah 12"', 'Pretendah 12"']],
      lengths: [[425_000, 332_147]],
      // The account name differs from the credit, so the account is taken for the label.
      labels: [['Dennis Bovell MBE', null]],
      releaseDate: { year: 2022, month: 1, day: 1 },
      links: [
        [
          'https://dennisbovell.bandcamp.com/album/guide-us-jah-pretendah-12-exclusive-vinyl-and-or-download-matumbi',
          ['paid download'],
        ],
      ],
    },
  },
];
