/**
 * Each store's recording link types (`links.recording`) and its track page's URL form, against
 * the rule musicbrainz-server's URL cleanup (root/static/scripts/edit/URLCleanup.js,
 * metabrainz/musicbrainz-server 00ed68de) applies to a recording's link to that store: a link
 * type it refuses would make every seeded edit fail its validation.
 * Recording link types: 254 purchase for download, 255 download for free, 268 free streaming,
 * 979 streaming (paid).
 */
import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../model.ts';
import { canonicalUrl, STORES, storeByName } from './index.ts';

const RULES: {
  store: ProviderName;
  recording: number[] | undefined;
  /** A track page as Liner builds it, and the URL form the rule validates for recordings. */
  track?: { id: string; region?: string; slug?: string; page: RegExp };
  rule: string;
}[] = [
  {
    store: 'itunes',
    recording: [254, 979],
    track: {
      id: '1440857781',
      region: 'GB',
      page: /^https:\/\/music\.apple\.com\/[a-z]{2}\/song\/\d+$/,
    },
    // Older rules took music-video pages only; since MusicBrainz cleans "album/…?i=<id>" to
    // "/song/<id>", downloadpurchase.recording and streamingpaid.recording take "song" too.
    rule: "applemusic: purchase for download or streaming, 'music-video' or 'song' pages",
  },
  {
    store: 'beatport',
    recording: [254, 979],
    track: {
      id: '9001',
      slug: 'night-drive',
      page: /^https:\/\/www\.beatport\.com\/track\/[\w!%-]+\/\d+$/,
    },
    // Older rules restricted Beatport to purchase for download; the recording restriction now
    // lists downloadpurchase.recording and streamingpaid.recording for 'track' and 'stem' pages.
    rule: "beatport: purchase for download or streaming (paid), 'track' pages",
  },
  {
    store: 'bandcamp',
    recording: [254, 255, 268],
    track: { id: 'alpha/track/opening', page: /^https:\/\/[^/]+\.bandcamp\.com\/track\/[\w-]+$/ },
    rule: "bandcamp: any combination of download for free, purchase for download, free streaming, '/track/' pages",
  },
  {
    store: 'deezer',
    recording: [268],
    track: { id: '31', page: /^https:\/\/www\.deezer\.com\/track\/\d+$/ },
    rule: "deezer: free streaming only, 'track' pages",
  },
  {
    store: 'spotify',
    recording: [268],
    track: { id: '4uLU6hMCjMI75M1A2tKUQC', page: /^https:\/\/open\.spotify\.com\/track\/\w+$/ },
    rule: "spotify: free streaming only, 'track' pages",
  },
  {
    store: 'tidal',
    recording: [979],
    track: { id: '77646169', page: /^https:\/\/tidal\.com\/track\/\d+$/ },
    rule: "tidal: streaming (paid) only, 'track' pages",
  },
];

describe("stores' recording link types", () => {
  it.each(RULES)('$store: $rule', ({ store, recording, track }) => {
    expect(storeByName(store).links.recording).toEqual(recording);
    if (!track) return;
    const { page, ...entity } = track;
    expect(canonicalUrl({ store, type: 'track', ...entity })).toMatch(page);
  });

  it('declares recording link types only for the stores checked against those rules', () => {
    const declared = STORES.filter((s) => s.links.recording?.length).map((s) => s.name);
    expect(declared.sort()).toEqual(RULES.map((r) => r.store).sort());
  });
});
