import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testConfig, testProvider } from '../../../../test/support/providers.ts';
import { providerStatuses } from '../setup.ts';
import { parseIsoDuration } from './duration.ts';

// The fixtures are named after their request URLs by server/src/http/fixture-path.ts; the long
// v2 query pieces end in a hash, so the URLs below are the way to find them.
const replayDir = fixtureDir(import.meta.url);
const V2 = 'https://openapi.tidal.com/v2';
const TOKEN_URL = 'https://auth.tidal.com/v1/oauth2/token';
const CREDENTIALS = { LINER_TIDAL_CLIENT_ID: 'app-id', LINER_TIDAL_CLIENT_SECRET: 'app-secret' };
const INCLUDE = 'artists,items.artists,providers,coverArt';
const entity = (id: string) => ({ store: 'tidal' as const, type: 'release' as const, id });
const albumUrl = (region: string, id: string) =>
  `${V2}/albums?countryCode=${region}&include=${INCLUDE}&filter%5Bid%5D=${id}`;
const titles = (release: { media: { tracks: { title: string }[] }[] }) =>
  release.media.map((m) => m.tracks.map((t) => t.title));

describe('tidal provider (v2)', () => {
  const tidal = testProvider('tidal', { replayDir });

  it('reads volumes, videos, versions, credits, durations and the cover', async () => {
    const result = await tidal.lookupById(entity('100001'), ['GB']);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Two Sides');
    expect(release.gtin).toBe('192758000019');
    expect(release.artists).toEqual([
      { name: 'Alpha', externalIds: [{ provider: 'tidal', type: 'artist', id: '1' }] },
    ]);
    expect(titles(release)).toEqual([['Opening', 'Duet (Live)'], ['Reprise']]);
    const [opening, duet] = release.media[0]!.tracks;
    expect(duet).toMatchObject({ number: '2', type: 'video', lengthMs: 187_500 });
    expect(duet!.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Alpha', ' feat. '],
      ['Beta & Gamma', undefined],
    ]);
    expect(opening).toMatchObject({ type: 'audio', lengthMs: 201_000, isrc: 'GBAAA2300001' });
    expect(opening!.artists).toBeUndefined();
    expect(release.media[1]!.tracks[0]).toMatchObject({ number: '1', isrc: 'GBAAA2300003' });
    expect(release).toMatchObject({
      releaseDate: { year: 2023, month: 5, day: 5 },
      labels: [{ name: 'Liner Test Records' }],
      copyright: '℗ 2023 Liner Test Records',
      types: ['Album'],
      availableIn: ['GB'],
      images: [{ url: 'https://resources.tidal.com/images/liner/1280x1280.jpg', width: 1280 }],
      externalLinks: [
        { url: 'https://tidal.com/album/100001', types: ['paid streaming'], provider: 'tidal' },
      ],
    });
    expect(result).toMatchObject({
      id: '100001',
      region: 'GB',
      apiUrl: albumUrl('GB', '100001'),
      messages: [],
    });
  });

  it('finds a release by barcode after trying the zero-padded forms', async () => {
    const result = await tidal.lookupByGtin!('192758000019', ['GB']);
    expect(result.id).toBe('100001');
    expect(result.apiUrl).toBe(
      `${V2}/albums?countryCode=GB&include=${INCLUDE}&filter%5BbarcodeId%5D=00192758000019`,
    );
  });

  it('falls back through the regions and warns about what the answer lacks', async () => {
    const result = await tidal.lookupById(entity('100002'), ['GB', 'US']);
    expect(result.region).toBe('US');
    // Positions 2 and 3 are counted but not given: placeholders keep the tracklist's length.
    expect(titles(result.release)).toEqual([['First', '[unknown]', '[unknown]', 'Fourth']]);
    expect(result.release.media[0]!.tracks.map((t) => t.number)).toEqual(['1', '2', '3', '4']);
    expect(result.release.types).toEqual(['EP']);
    expect(result.release.artists.map((a) => a.name)).toEqual(['Alpha']);
    expect(result.messages.map((m) => m.text)).toEqual([
      "Tidal's answer lacks artist 99; it is left out",
      "Tidal's answer lacks track 22; it is left out",
      '2 track(s) are not available in US: "[unknown]" placeholders at 2, 3; replace them in the editor.',
    ]);
  });

  it('names the bad field of a changed response and rejects an empty tracklist', async () => {
    await expect(tidal.lookupById(entity('100004'), ['GB'])).rejects.toThrow(
      /unexpected response \(albums 100004 attributes\.title:/,
    );
    await expect(tidal.lookupById(entity('100005'), ['GB'])).rejects.toThrow(/no tracks/);
  });
});

describe('tidal provider (pages, videos, v1)', () => {
  const token = { access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 };

  it('asks v1 for an album v2 does not know', async () => {
    const result = await testProvider('tidal', { replayDir }).lookupById(entity('100003'), ['GB']);
    expect(result.apiUrl).toBe('https://openapi.tidal.com/albums/100003?countryCode=GB');
    expect(result.release).toMatchObject({
      title: 'Old Times',
      gtin: '4006381333931',
      types: ['Single'],
    });
    const [audio, video] = result.release.media[0]!.tracks;
    expect(audio!.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Alpha', ' feat. '],
      ['Delta', undefined],
    ]);
    expect([audio!.lengthMs, video!.type, video!.artists]).toEqual([180_000, 'video', undefined]);
  });

  it('reports an album neither version knows as not found', async () => {
    const { fetch, requests } = fakeFetch({
      [TOKEN_URL]: token,
      [albumUrl('GB', '5')]: { data: [] },
      [albumUrl('US', '5')]: { data: [] },
    });
    const client = testProvider('tidal', { fetch, env: CREDENTIALS });
    await expect(client.lookupById(entity('5'), ['GB', 'US'])).rejects.toMatchObject({
      kind: 'not-found',
      message: 'Tidal has no album 5 in GB, US',
    });
    expect(requests).toContain('https://openapi.tidal.com/albums/5?countryCode=GB');
  });

  const pagedTrack = (id: string, title: string, artist: string) => ({
    id,
    type: 'tracks',
    attributes: { title, duration: 'PT1M' },
    relationships: { artists: { data: [{ id: artist, type: 'artists' }] } },
  });

  /** Album `id` of two tracks: the first in its document, the second on the `page` after it. */
  function pagedAlbum(id: string, page: string, second: Record<string, unknown>) {
    return {
      [TOKEN_URL]: token,
      [albumUrl('GB', id)]: {
        data: [
          {
            id,
            type: 'albums',
            attributes: { title: 'Long', numberOfItems: 2 },
            relationships: {
              artists: { data: [{ id: '1', type: 'artists' }] },
              items: {
                data: [{ id: `${id}1`, type: 'tracks', meta: { volumeNumber: 1, trackNumber: 1 } }],
                links: { next: page },
              },
            },
          },
        ],
        included: [
          { id: '1', type: 'artists', attributes: { name: 'Alpha' } },
          pagedTrack(`${id}1`, 'One', '1'),
        ],
      },
      [`${V2}${page}`]: {
        data: [{ id: `${id}2`, type: 'tracks', meta: { volumeNumber: 1, trackNumber: 2 } }],
        links: { self: page },
        ...second,
      },
    };
  }

  it('fetches the tracks a page does not include, with their artists', async () => {
    const page = '/albums/6/relationships/items?countryCode=GB&page%5Bcursor%5D=abc';
    const { fetch, requests } = fakeFetch({
      ...pagedAlbum('6', page, {}),
      [`${V2}/tracks?countryCode=GB&include=artists&filter%5Bid%5D=62`]: {
        data: [pagedTrack('62', 'Two', '2')],
        included: [{ id: '2', type: 'artists', attributes: { name: 'Beta' } }],
      },
    });
    const result = await testProvider('tidal', { fetch, env: CREDENTIALS }).lookupById(
      entity('6'),
      ['GB'],
    );
    expect(titles(result.release)).toEqual([['One', 'Two']]);
    expect(result.release.media[0]!.tracks[1]!.artists?.map((a) => a.name)).toEqual(['Beta']);
    expect(result.messages).toEqual([]);
    expect(requests).toContain(`${V2}${page}`);
  });

  it("follows links.next as sent, include kept, and keeps every page's track artists (hand-written pages)", async () => {
    const page =
      '/albums/7/relationships/items?countryCode=GB&include=items.artists&page%5Bcursor%5D=p2';
    const included = [
      pagedTrack('72', 'Two', '3'),
      { id: '3', type: 'artists', attributes: { name: 'Gamma' } },
    ];
    const { fetch, requests } = fakeFetch(pagedAlbum('7', page, { included }));
    const result = await testProvider('tidal', { fetch, env: CREDENTIALS }).lookupById(
      entity('7'),
      ['GB'],
    );
    expect(titles(result.release)).toEqual([['One', 'Two']]);
    expect(result.release.media[0]!.tracks[1]!.artists?.map((a) => a.name)).toEqual(['Gamma']);
    // The page brought its tracks: nothing is asked for again by ID.
    expect(requests.filter((r) => r.includes('/tracks?'))).toEqual([]);
    expect(requests).toContain(`${V2}${page}`);
  });

  it('looks a standalone video up as a release of one video', async () => {
    const { fetch } = fakeFetch({
      [TOKEN_URL]: token,
      [`${V2}/videos?countryCode=GB&include=artists,providers&filter%5Bid%5D=8`]: {
        data: [
          {
            id: '8',
            type: 'videos',
            attributes: {
              title: 'Clip',
              isrc: 'GBAAA2400008',
              duration: 'PT3M28S',
              releaseDate: '2024-04-19',
            },
            relationships: { artists: { data: [{ id: '1', type: 'artists' }] } },
          },
        ],
        included: [{ id: '1', type: 'artists', attributes: { name: 'Alpha' } }],
      },
    });
    const result = await testProvider('tidal', { fetch, env: CREDENTIALS }).lookupById(
      entity('video/8'),
      ['GB'],
    );
    expect(result.url).toBe('https://tidal.com/video/8');
    expect(result.release.artists.map((a) => a.name)).toEqual(['Alpha']);
    expect(result.release.media).toEqual([
      {
        format: 'Digital Media',
        tracks: [
          {
            number: '1',
            title: 'Clip',
            lengthMs: 208_000,
            isrc: 'GBAAA2400008',
            type: 'video',
            externalIds: [{ provider: 'tidal', type: 'track', id: '8' }],
          },
        ],
      },
    ]);
  });

  it('fetches one token for two look-ups and a new one after it expires', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const { fetch, requests } = fakeFetch({
      [TOKEN_URL]: { ...token, expires_in: 600 },
      [albumUrl('GB', '5')]: { data: [] },
    });
    const client = testProvider('tidal', { fetch, env: CREDENTIALS, now: () => clock });
    const miss = () => client.lookupById(entity('5'), ['GB']).catch(() => undefined);
    await miss();
    await miss();
    expect(requests.filter((url) => url === TOKEN_URL)).toHaveLength(1);
    clock = new Date(clock.getTime() + 600_000);
    await miss();
    expect(requests.filter((url) => url === TOKEN_URL)).toHaveLength(2);
  });

  it('is disabled without credentials, except under replay', () => {
    const tidal = (env: Record<string, string>, replaying = false) =>
      providerStatuses(testConfig(env), replaying).find((p) => p.name === 'tidal');
    expect(tidal({})).toMatchObject({
      enabled: false,
      reason: 'missing credentials: providers.tidal.clientId, providers.tidal.clientSecret',
    });
    expect(tidal(CREDENTIALS)).toMatchObject({
      enabled: true,
      hosts: ['openapi.tidal.com', 'auth.tidal.com'],
    });
    expect(tidal({}, true)?.enabled).toBe(true);
  });
});

describe('ISO 8601 durations', () => {
  it('reads hours, minutes, fractional seconds and days, and refuses the rest', () => {
    expect(parseIsoDuration('PT4M12S')).toBe(252_000);
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3_723_500);
    expect(parseIsoDuration('PT45S')).toBe(45_000);
    expect(parseIsoDuration('P1DT2H')).toBe(93_600_000);
    expect(parseIsoDuration('pt3m')).toBe(180_000);
    for (const bad of ['', 'P', 'PT', '4:12', 'P1M', 'PT4M12', 'PT-4S', undefined])
      expect(parseIsoDuration(bad)).toBeUndefined();
  });
});
