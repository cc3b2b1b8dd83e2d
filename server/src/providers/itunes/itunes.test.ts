import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import { fullTrackTitle } from './parse.ts';

const api = (key: string, value: string, cc: string) =>
  `https://itunes.apple.com/lookup?entity=song&limit=200&${key}=${value}&country=${cc}`;
const empty = { resultCount: 0, results: [] };
const collection = (extra: Record<string, unknown> = {}) => ({
  wrapperType: 'collection',
  collectionId: 500,
  collectionName: 'Summer Songs - Single',
  artistId: 7,
  artistName: 'Sun & Moon',
  artworkUrl100: 'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/aa/cover.jpg/100x100bb.jpg',
  trackCount: 2,
  copyright: '℗ 2024 Sun & Moon Records',
  releaseDate: '2024-06-21T07:00:00Z',
  ...extra,
});
const track = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  wrapperType: 'track',
  kind: 'song',
  trackId: id,
  collectionId: 500,
  artistId: 7,
  artistName: 'Sun & Moon',
  trackName: name,
  discNumber: 1,
  trackNumber: id - 500,
  trackTimeMillis: 180_500,
  ...extra,
});
const release = (...results: unknown[]) => ({ resultCount: results.length, results });
const entity = (id: string, region?: string) => ({
  store: 'itunes' as const,
  type: 'release' as const,
  id,
  ...(region ? { region } : {}),
});

describe('itunes provider', () => {
  it("asks the URL's storefront, then the others at once, and keeps the one that answered", async () => {
    const { fetch, requests } = fakeFetch({
      [api('id', '500', 'gb')]: empty,
      [api('id', '500', 'de')]: empty,
      [api('id', '500', 'us')]: release(
        collection(),
        track(501, 'Summer Song (feat. Rain)'),
        track(502, 'Night', { kind: 'music-video', discNumber: 1 }),
      ),
    });
    const result = await testProvider('itunes', { fetch }).lookupById(entity('500', 'GB'), [
      'US',
      'DE',
    ]);
    expect(requests).toEqual([
      api('id', '500', 'gb'),
      api('id', '500', 'us'),
      api('id', '500', 'de'),
    ]);
    expect(result).toMatchObject({
      id: '500',
      region: 'US',
      url: 'https://music.apple.com/us/album/500',
      apiUrl: api('id', '500', 'us'),
    });
    const r = releaseSchema.parse(result.release);
    expect(r.title).toBe('Summer Songs');
    expect(r.types).toEqual(['Single']);
    // The credit stays one name: "Sun & Moon" is not split into two artists.
    expect(r.artists.map((a) => [a.name, a.joinPhrase])).toEqual([['Sun & Moon', undefined]]);
    const [song, video] = r.media[0]!.tracks;
    expect(song).toMatchObject({ title: 'Summer Song', lengthMs: 180_500, type: 'audio' });
    expect(song!.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Sun & Moon', ' feat. '],
      ['Rain', undefined],
    ]);
    expect(video).toMatchObject({ title: 'Night', type: 'video' });
    expect(r.images[0]?.url).toBe(
      'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/aa/cover.jpg/3000x3000bb.jpg',
    );
    expect(r.copyright).toBe('℗ 2024 Sun & Moon Records');
    expect(r.labels).toEqual([]);
    expect(r.availableIn).toEqual(['US']);
  });

  it('finds a barcode by the one form Apple compares, and keeps the barcode', async () => {
    const { fetch, requests } = fakeFetch({
      [api('upc', '192758000019', 'gb')]: release(
        collection({ collectionName: 'Two Discs', trackCount: 3 }),
        track(501, 'A', { discNumber: 1 }),
        track(502, 'B', { discNumber: 2, trackNumber: 1 }),
      ),
    });
    const result = await testProvider('itunes', { fetch }).lookupByGtin!('0192758000019', [
      'GB',
      'US',
    ]);
    // Its shortest form, in the first storefront; found there, no other storefront is asked.
    expect(requests).toEqual([api('upc', '192758000019', 'gb')]);
    expect(result.release.gtin).toBe('192758000019');
    expect(result.release.media.map((m) => m.tracks.length)).toEqual([1, 1]);
    // Apple lists three tracks but returns two: said, not hidden.
    expect(result.messages[0]?.text).toMatch(/^Apple lists 3 tracks but its look-up returned 2/);
  });

  it('spends few requests on a barcode Apple lacks: one form, one storefront, then the others at once', async () => {
    const routes: Record<string, object> = {};
    for (const value of ['602475093060', '0602475093060', '00602475093060'])
      for (const cc of ['gb', 'us', 'de']) routes[api('upc', value, cc)] = empty;
    const { fetch, requests } = fakeFetch(routes);
    await expect(
      testProvider('itunes', { fetch }).lookupByGtin!('602475093060', ['GB', 'US', 'DE']),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(requests).toEqual([
      api('upc', '602475093060', 'gb'),
      api('upc', '602475093060', 'us'),
      api('upc', '602475093060', 'de'),
    ]);
  });

  it('says when no storefront has the release, and names a changed field', async () => {
    const { fetch } = fakeFetch({
      [api('id', '1', 'gb')]: empty,
      [api('id', '2', 'gb')]: release(collection(), track(501, 'A', { trackName: 42 })),
      [api('id', '3', 'gb')]: release(collection()),
      [api('id', '4', 'gb')]: { status: 503, body: 'busy' },
    });
    const client = testProvider('itunes', { fetch });
    await expect(client.lookupById(entity('1'), ['GB'])).rejects.toMatchObject({
      kind: 'not-found',
      message: 'Apple has no release 1 in GB',
    });
    await expect(client.lookupById(entity('2', 'GB'), [])).rejects.toThrow(
      /\(tracks\.0\.trackName: /,
    );
    await expect(client.lookupById(entity('3', 'GB'), [])).rejects.toThrow(/no tracks in GB/);
    await expect(client.lookupById(entity('4', 'GB'), [])).rejects.toMatchObject({
      kind: 'status',
      status: 503,
    });
  });
});

describe('itunes track titles (hand-written names)', () => {
  it('takes the censored name when it is the title plus a version and masks nothing', () => {
    const title = (trackName: string, trackCensoredName?: string) =>
      fullTrackTitle({ trackName, ...(trackCensoredName ? { trackCensoredName } : {}) });
    expect(
      title('Bohemian Rhapsody', 'Bohemian Rhapsody (No Flames Original Version / 1975)'),
    ).toBe('Bohemian Rhapsody (No Flames Original Version / 1975)');
    expect(title('Damn Right (Explicit)', 'D**n Right (Explicit) (Live)')).toBe(
      'Damn Right (Explicit)',
    );
    expect(title('Song', 'Other Song (Live)')).toBe('Song');
    expect(title('Song (Live)', 'Song')).toBe('Song (Live)');
    expect(title('Song')).toBe('Song');
  });
});
