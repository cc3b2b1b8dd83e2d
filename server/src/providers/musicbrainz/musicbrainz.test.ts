import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(fixtureDir(import.meta.url), name), 'utf8'));
const MBID = '7a1b2c3d-0000-4000-8000-000000000001';
/** The release in the replay layout, so that the corpus case (corpus.ts) replays it too. */
const RELEASE = `https!/org.musicbrainz/ws/2/release/${MBID}!inc=artist-credits+#ffaa7d8`;
const INC =
  'artist-credits+labels+recordings+release-groups+isrcs+url-rels+recording-level-rels+media+annotation';
const releaseUrl = (mbid: string) =>
  `https://musicbrainz.org/ws/2/release/${mbid}?inc=${INC}&fmt=json`;
const searchUrl = (gtin: string) =>
  `https://musicbrainz.org/ws/2/release?query=barcode:${gtin}&fmt=json`;
const entity = (id: string) => ({ store: 'musicbrainz' as const, type: 'release' as const, id });

describe('musicbrainz provider', () => {
  it('keeps MBIDs, credited names, join phrases, ISRCs, recordings and store links', async () => {
    const { fetch } = fakeFetch({ [releaseUrl(MBID)]: fixture(RELEASE) });
    const result = await testProvider('musicbrainz', { fetch }).lookupById(entity(MBID), []);
    const r = releaseSchema.parse(result.release);
    expect(result).toMatchObject({
      id: MBID,
      url: `https://musicbrainz.org/release/${MBID}`,
      apiUrl: releaseUrl(MBID),
    });
    expect(r).toMatchObject({
      title: 'Night & Day',
      gtin: '192758000019',
      status: 'Official',
      packaging: 'None',
      language: 'eng',
      script: 'Latn',
      mbid: MBID,
      releaseGroupMbid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      // inc=annotation: the text MusicBrainz holds.
      annotation: 'Recorded live at the Roundhouse.',
    });
    expect(r.types).toEqual(['Album', 'Live']);
    expect(r.labels).toEqual([
      {
        name: 'Liner Records',
        catalogNumber: 'LR001',
        mbid: '11111111-2222-4333-8444-555555555555',
        externalIds: [],
      },
    ]);
    expect(r.availableIn).toEqual(['GB']);
    const [opening, duet] = r.media[0]!.tracks;
    expect(opening).toMatchObject({
      isrc: 'GBAAA2300001',
      // A recording with several ISRCs keeps them all, normalized.
      isrcs: ['GBAAA2300001', 'GBAAA2300009'],
      lengthMs: 201000,
      recordingMbid: '10000000-0000-4000-8000-000000000001',
    });
    // The recording's own links (inc=recording-level-rels), an ended one left out.
    expect(opening!.links).toEqual([
      { url: 'https://www.deezer.com/track/3100001', types: ['free streaming'] },
    ]);
    expect(duet!.links).toEqual([]);
    expect(opening!.artists).toBeUndefined();
    expect(duet!.lengthMs).toBe(185000);
    expect(duet!.isrc).toBeUndefined();
    expect(duet!.artists).toEqual([
      {
        name: 'Alpha',
        joinPhrase: ' feat. ',
        mbid: '8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e',
        externalIds: [],
      },
      {
        name: 'Beta & Gamma',
        creditedName: 'B&G',
        mbid: '20000000-0000-4000-8000-000000000002',
        externalIds: [],
      },
    ]);
    expect(r.media[1]).toMatchObject({
      title: 'Bonus',
      tracks: [{ type: 'video', isrc: 'GBAAA2300003' }],
    });
    // Ended relations are not current links; unknown relationship types keep the URL without a type.
    expect(r.externalLinks).toEqual([
      { url: 'https://www.deezer.com/album/100001', types: ['free streaming'] },
      { url: 'https://alpha.bandcamp.com/album/night-day', types: ['paid download'] },
      { url: 'https://example.org/fund', types: [] },
    ]);
  });

  it('finds a release by barcode and names the other editions with the same barcode', async () => {
    const { fetch, requests } = fakeFetch({
      [searchUrl('192758000019')]: { count: 0, releases: [] },
      [searchUrl('0192758000019')]: fixture('search.json'),
      [releaseUrl(MBID)]: fixture(RELEASE),
    });
    const result = await testProvider('musicbrainz', { fetch }).lookupByGtin!('0192758000019', []);
    // The 12- and 13-digit forms editors type are asked at once.
    expect(requests).toEqual([
      searchUrl('192758000019'),
      searchUrl('0192758000019'),
      releaseUrl(MBID),
    ]);
    expect(result.id).toBe(MBID);
    expect(result.messages).toEqual([
      {
        level: 'warning',
        provider: 'musicbrainz',
        text: `MusicBrainz has 2 releases with barcode 0192758000019; used ${MBID}, also: 7a1b2c3d-0000-4000-8000-000000000002 (2023-06-01, US)`,
      },
    ]);
  });

  it('reports unknown releases and barcodes, bad IDs and changed responses', async () => {
    const other = '7a1b2c3d-0000-4000-8000-00000000000f';
    const { fetch } = fakeFetch({
      [releaseUrl(other)]: { status: 404, body: { error: 'Not Found' } },
      [searchUrl('4006381333931')]: { count: 0, releases: [] },
      [searchUrl('04006381333931')]: { count: 0, releases: [] },
      [releaseUrl('7a1b2c3d-0000-4000-8000-00000000000e')]: {
        ...fixture(RELEASE),
        media: [{ tracks: [{ number: 1, title: 'x' }] }],
      },
    });
    const client = testProvider('musicbrainz', { fetch });
    await expect(client.lookupById(entity(other), [])).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    await expect(client.lookupById(entity('not-an-mbid'), [])).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(client.lookupByGtin!('4006381333931', [])).rejects.toThrow(
      'MusicBrainz has no release with barcode 4006381333931',
    );
    await expect(
      client.lookupById(entity('7a1b2c3d-0000-4000-8000-00000000000e'), []),
    ).rejects.toThrow(/media\.0\.tracks\.0\.number/);
  });
});
