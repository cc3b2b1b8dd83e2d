import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testConfig, testProvider } from '../../../../test/support/providers.ts';
import { barcodeRounds } from '../common/barcode.ts';
import { providerStatuses } from '../setup.ts';
import { provider as spotifyProvider } from './index.ts';

const replayDir = fixtureDir(import.meta.url);
const API = 'https://api.spotify.com/v1';
const TOKEN_URL = 'https://accounts.spotify.com/api/token';
const CREDENTIALS = {
  LINER_SPOTIFY_CLIENT_ID: 'app-id',
  LINER_SPOTIFY_CLIENT_SECRET: 'app-secret',
};
const TOKEN = { access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 };
const entity = (id: string) => ({ store: 'spotify' as const, type: 'release' as const, id });
/** Spotify IDs are 22 characters. */
const sid = (prefix: string) => prefix.padEnd(22, '0');

const alpha = { id: sid('Alpha'), name: 'Alpha' };
function track(n: number, disc = 1) {
  return {
    id: sid(`Track${n}x`),
    name: `T${n}`,
    disc_number: disc,
    track_number: n,
    duration_ms: 60_000 + n,
    artists: [alpha],
  };
}
function album(id: string, items: object[], extra: object = {}) {
  return {
    id,
    name: 'Stand-in',
    album_type: 'album',
    artists: [alpha],
    tracks: { items, next: null },
    ...extra,
  };
}

describe('spotify provider', () => {
  const spotify = testProvider('spotify', { replayDir });

  it('splits discs, credits featured artists with join phrases, and reads ISRCs', async () => {
    const result = await spotify.lookupById(entity('LinerTwoSides000000001'), ['GB']);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Two Sides');
    expect(release.gtin).toBe('192758000019');
    expect(release.artists).toEqual([
      {
        name: 'Alpha',
        externalIds: [{ provider: 'spotify', type: 'artist', id: 'LinerArtistAlpha000001' }],
      },
    ]);
    expect(release.media.map((m) => m.tracks.map((t) => [t.number, t.title]))).toEqual([
      [
        ['1', 'Opening'],
        ['2', 'Duet'],
      ],
      [['1', 'Reprise']],
    ]);
    const duet = release.media[0]!.tracks[1]!;
    // "feat." leaves the title for the credit; "Beta & Gamma" stays one artist.
    expect(duet.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Alpha', ' feat. '],
      ['Beta & Gamma', undefined],
    ]);
    expect(release.media[0]!.tracks[0]!.artists).toBeUndefined();
    expect(release.media.flatMap((m) => m.tracks.map((t) => [t.lengthMs, t.isrc]))).toEqual([
      [201_500, 'GBAAA2300001'],
      [187_250, 'GBAAA2300002'],
      [99_000, 'GBAAA2300003'],
    ]);
    // Month precision: no day is invented.
    expect(release.releaseDate).toEqual({ year: 2023, month: 5 });
    expect(release.labels).toEqual([{ name: 'Liner Test Records', externalIds: [] }]);
    expect(release.copyright).toBe('© 2023 Liner Test Records\n℗ 2023 Alpha');
    expect(release.types).toEqual(['Album']);
    expect(release.availableIn).toEqual(['DE', 'GB', 'US']);
    expect(release.images).toEqual([
      {
        url: 'https://i.scdn.co/image/liner-640',
        thumbUrl: 'https://i.scdn.co/image/liner-300',
        types: ['front'],
        width: 640,
        height: 640,
        provider: 'spotify',
      },
    ]);
    expect(release.externalLinks).toEqual([
      {
        url: 'https://open.spotify.com/album/LinerTwoSides000000001',
        types: ['free streaming'],
        provider: 'spotify',
      },
    ]);
    expect(result).toMatchObject({
      id: 'LinerTwoSides000000001',
      url: 'https://open.spotify.com/album/LinerTwoSides000000001',
      apiUrl: `${API}/albums/LinerTwoSides000000001?`,
      messages: [],
    });
  });

  it('finds a release by barcode, asking its forms (the 14-digit first) before any market', async () => {
    expect(spotifyProvider.barcode?.forms).toEqual(['gtin14', 'short', 'ean13']);
    const result = await spotify.lookupByGtin!('192758000019', ['GB']);
    expect(result.id).toBe('LinerTwoSides000000001');
    expect(result.release.gtin).toBe('192758000019');
  });

  it('reports an unknown album and an unknown barcode as not found', async () => {
    const { fetch, requests } = fakeFetch({
      [TOKEN_URL]: TOKEN,
      [`${API}/albums/${sid('Missing')}?`]: {
        status: 404,
        body: { error: { status: 404, message: 'Non existing id' } },
      },
      ...Object.fromEntries(
        barcodeRounds('4006381333931', spotifyProvider.barcode!.forms, [undefined, 'GB'])
          .flat()
          .map(({ variant, region }) => [
            `${API}/search?type=album&q=upc:${variant}${region ? `&market=${region}` : ''}`,
            { albums: { items: [null], total: 0 } },
          ]),
      ),
    });
    const client = testProvider('spotify', { fetch, env: CREDENTIALS });
    await expect(client.lookupById(entity(sid('Missing')), ['GB'])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'spotify',
    });
    await expect(client.lookupByGtin!('4006381333931', ['GB'])).rejects.toMatchObject({
      kind: 'not-found',
      message: 'Spotify has no release with barcode 4006381333931',
    });
    // Every form without a market (the 14-digit first), then the 14-digit form in the market:
    // three searches, not four (with ten markets: 12 against 22).
    expect(requests.filter((r) => r.includes('/search?'))).toEqual([
      `${API}/search?type=album&q=upc:04006381333931`,
      `${API}/search?type=album&q=upc:4006381333931`,
      `${API}/search?type=album&q=upc:04006381333931&market=GB`,
    ]);
  });

  it('follows the next links of long tracklists and asks for ISRCs 50 at a time', async () => {
    const id = sid('Long');
    const tracks = Array.from({ length: 52 }, (_, i) => track(i + 1));
    const ids = tracks.map((t) => t.id);
    const next = `${API}/albums/${id}/tracks?offset=50&limit=50&locale=*`;
    const { fetch, requests } = fakeFetch({
      [TOKEN_URL]: TOKEN,
      [`${API}/albums/${id}?`]: album(id, tracks.slice(0, 50), {
        total_tracks: 52,
        tracks: { items: tracks.slice(0, 50), next },
      }),
      [next]: { items: tracks.slice(50), next: null },
      [`${API}/tracks?ids=${ids.slice(0, 50).join(',')}`]: {
        tracks: ids.slice(0, 50).map((tid, i) => ({
          id: tid,
          external_ids: { isrc: `GBAAA23${String(i + 1).padStart(5, '0')}` },
        })),
      },
      [`${API}/tracks?ids=${ids.slice(50).join(',')}`]: {
        tracks: [null, { id: ids[51], external_ids: { isrc: 'GBAAA2300052' } }],
      },
    });
    const result = await testProvider('spotify', { fetch, env: CREDENTIALS }).lookupById(
      entity(id),
      [],
    );
    const list = result.release.media[0]!.tracks;
    expect(list).toHaveLength(52);
    expect(list.at(-1)).toMatchObject({ number: '52', title: 'T52', isrc: 'GBAAA2300052' });
    expect(list[50]!.isrc).toBeUndefined();
    expect(requests.filter((url) => url.startsWith(`${API}/tracks?ids=`))).toHaveLength(2);
    expect(requests).toContain(next);
    expect(result.messages).toEqual([]);
  });

  it('names the bad field of a changed response and rejects an empty tracklist', async () => {
    const { fetch } = fakeFetch({
      [TOKEN_URL]: TOKEN,
      [`${API}/albums/${sid('Changed')}?`]: { ...album(sid('Changed'), [track(1)]), name: 42 },
      [`${API}/albums/${sid('Empty')}?`]: album(sid('Empty'), []),
    });
    const client = testProvider('spotify', { fetch, env: CREDENTIALS });
    await expect(client.lookupById(entity(sid('Changed')), [])).rejects.toThrow(
      /unexpected response \(name:/,
    );
    await expect(client.lookupById(entity(sid('Empty')), [])).rejects.toThrow(/no tracks/);
  });

  it('credits compilations to Various Artists and keeps going without ISRCs it cannot read', async () => {
    const id = sid('Comp');
    const various = { id: sid('Various'), name: 'Various Artists' };
    const tracks = [
      { ...track(1), artists: [{ id: sid('Beta'), name: 'Beta' }] },
      { ...track(2), artists: [alpha, { id: sid('Gamma'), name: 'Gamma' }] },
    ];
    const { fetch } = fakeFetch({
      [TOKEN_URL]: TOKEN,
      [`${API}/albums/${id}?`]: album(id, tracks, {
        album_type: 'compilation',
        artists: [various],
        release_date: '1999',
        release_date_precision: 'year',
        external_ids: { upc: '123' },
        available_markets: [],
      }),
      [`${API}/tracks?ids=${tracks.map((t) => t.id).join(',')}`]: { status: 503, body: 'down' },
    });
    const result = await testProvider('spotify', { fetch, env: CREDENTIALS }).lookupById(
      entity(id),
      [],
    );
    const release = releaseSchema.parse(result.release);
    expect(release.artists).toMatchObject([
      { name: 'Various Artists', mbid: '89ad4ac3-39f7-470e-963a-56509c546377' },
    ]);
    expect(release.types).toEqual(['Album', 'Compilation']);
    expect(release.releaseDate).toEqual({ year: 1999 });
    expect(release.gtin).toBeUndefined();
    expect(release.availableIn).toBeUndefined();
    expect(
      release.media[0]!.tracks.map((t) => t.artists?.map((a) => [a.name, a.joinPhrase])),
    ).toEqual([
      [['Beta', undefined]],
      [
        ['Alpha', ' & '],
        ['Gamma', undefined],
      ],
    ]);
    expect(release.media[0]!.tracks.every((t) => t.isrc === undefined)).toBe(true);
    expect(result.messages.map((m) => m.text)).toEqual([
      'the ISRCs of 2 tracks could not be read: spotify answered HTTP 503',
      "Spotify's barcode 123 is not a valid GTIN and was ignored",
      'Spotify lists no market where this release is available (it may have been withdrawn)',
    ]);
  });
});

describe('spotify app token', () => {
  const id = sid('Single');
  const routes = {
    [`${API}/albums/${id}?`]: album(id, [track(1)]),
    [`${API}/tracks?ids=${track(1).id}`]: { tracks: [{ id: track(1).id }] },
  };

  it('is fetched once for two look-ups and again after it expires', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const { fetch, requests } = fakeFetch({ [TOKEN_URL]: TOKEN, ...routes });
    const client = testProvider('spotify', { fetch, env: CREDENTIALS, now: () => clock });
    await Promise.all([client.lookupById(entity(id), []), client.lookupById(entity(id), [])]);
    await client.lookupById(entity(id), []);
    expect(requests.filter((url) => url === TOKEN_URL)).toHaveLength(1);
    // Still valid 58 minutes on; renewed within the last minute of its hour.
    clock = new Date(clock.getTime() + 58 * 60_000);
    await client.lookupById(entity(id), []);
    expect(requests.filter((url) => url === TOKEN_URL)).toHaveLength(1);
    clock = new Date(clock.getTime() + 90_000);
    await client.lookupById(entity(id), []);
    expect(requests.filter((url) => url === TOKEN_URL)).toHaveLength(2);
  });

  it('is sent as a bearer token, exchanged with basic auth, and renewed once on a 401', async () => {
    const seen: { url: string; authorization: string | null; body?: unknown }[] = [];
    let issued = 0;
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      const authorization = new Headers(init?.headers).get('authorization');
      seen.push({ url, authorization, body: init?.body });
      if (url === TOKEN_URL) {
        issued++;
        return Response.json({ access_token: `token-${issued}`, expires_in: 3600 });
      }
      if (authorization === 'Bearer token-1') return new Response('expired', { status: 401 });
      const route = routes[url];
      return route ? Response.json(route) : new Response('none', { status: 404 });
    }) as typeof globalThis.fetch;
    const result = await testProvider('spotify', { fetch, env: CREDENTIALS }).lookupById(
      entity(id),
      [],
    );
    expect(result.id).toBe(id);
    const exchanges = seen.filter((s) => s.url === TOKEN_URL);
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]).toEqual({
      url: TOKEN_URL,
      authorization: `Basic ${Buffer.from('app-id:app-secret').toString('base64')}`,
      body: 'grant_type=client_credentials',
    });
    expect(seen.filter((s) => s.url !== TOKEN_URL).map((s) => s.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
  });

  it('turns refused credentials into a credentials error', async () => {
    const { fetch } = fakeFetch({
      [TOKEN_URL]: { status: 400, body: { error: 'invalid_client' } },
    });
    await expect(
      testProvider('spotify', { fetch, env: CREDENTIALS }).lookupById(entity(id), []),
    ).rejects.toMatchObject({
      kind: 'credentials',
      message: 'Spotify refused the client credentials (HTTP 400)',
    });
    await expect(
      testProvider('spotify', { fetch }).lookupById(entity(id), []),
    ).rejects.toMatchObject({ kind: 'credentials' });
  });

  it('disables the provider without credentials, except under replay', () => {
    const status = (env: Record<string, string>, replaying = false) =>
      providerStatuses(testConfig(env), replaying).find((p) => p.name === 'spotify');
    expect(status({})).toMatchObject({
      enabled: false,
      reason: 'missing credentials: providers.spotify.clientId, providers.spotify.clientSecret',
    });
    expect(status({ LINER_SPOTIFY_CLIENT_ID: 'only-id' })?.reason).toBe(
      'missing credentials: providers.spotify.clientSecret',
    );
    expect(status(CREDENTIALS)).toMatchObject({
      enabled: true,
      hosts: ['api.spotify.com', 'accounts.spotify.com'],
    });
    expect(status({}, true)?.enabled).toBe(true);
  });
});
