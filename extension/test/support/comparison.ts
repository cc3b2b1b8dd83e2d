/**
 * A `musicbrainz.compare` answer as the server builds it, from the shared code: a MusicBrainz
 * release with its Deezer link and one ISRC, beside stores that also have Spotify and Beatport
 * pages and the other two ISRCs.
 */
import type { LookupResult } from '@liner/shared/lookup';
import { magicIsrcLink } from '@liner/shared/seed/actions';
import { buildEditSeed } from '@liner/shared/seed/build';
import { DEEZER_URL, sampleResult } from './release.ts';

export const COMPARED_MBID = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a10';
export const SPOTIFY_URL = 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N';
export const BEATPORT_URL = 'https://www.beatport.com/release/night-shift/4100001';

export function storeLookup(): LookupResult {
  const result = sampleResult();
  result.release!.externalLinks = [
    { url: DEEZER_URL, types: ['free streaming'], provider: 'deezer' },
    { url: SPOTIFY_URL, types: ['free streaming'], provider: 'spotify' },
    { url: BEATPORT_URL, types: ['paid download', 'paid streaming'], provider: 'beatport' },
  ];
  result.release!.media[0]!.tracks.push({
    number: '3',
    title: 'Noon',
    lengthMs: 150000,
    isrc: 'GBAAA2300003',
  });
  return result;
}

export function sampleComparison(mbid = COMPARED_MBID) {
  const lookup = storeLookup();
  const missingIsrcs = [
    { medium: 1, position: 2, title: 'Dawn', isrc: 'GBAAA2300002' },
    { medium: 1, position: 3, title: 'Noon', isrc: 'GBAAA2300003' },
  ];
  const editSeed = buildEditSeed(lookup, mbid, {
    editorUrl: 'https://musicbrainz.org',
    redirectUri: `http://127.0.0.1:5733/release/${lookup.id}/imported`,
    serverUrl: 'http://127.0.0.1:5733',
    version: '0.1.0',
    linkedUrls: [DEEZER_URL],
  });
  return {
    mbid,
    musicbrainz: { title: 'Night Shift', gtin: '0192758000019', links: [DEEZER_URL], tracks: 3 },
    lookup,
    missingLinks: [
      { url: SPOTIFY_URL, provider: 'spotify', types: ['free streaming'] },
      { url: BEATPORT_URL, provider: 'beatport', types: ['paid download', 'paid streaming'] },
    ],
    missingIsrcs,
    differentIsrcs: [],
    barcode: { musicbrainz: '0192758000019', stores: '0192758000019', agrees: true },
    coverArt: [
      { url: 'https://cdn.example/big.jpg', types: ['front'], width: 3000, height: 3000 },
      { url: 'https://cdn.example/small.jpg', types: ['front'], width: 500, height: 500 },
    ],
    editSeed: { ...editSeed, problems: [] },
    magicIsrcUrl: magicIsrcLink(missingIsrcs, mbid, 'ISRCs from Deezer, found by Liner'),
    messages: [{ level: 'warning', provider: 'itunes', text: 'the iTunes look-up timed out' }],
  };
}
