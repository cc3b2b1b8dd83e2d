import { PassThrough } from 'node:stream';
import { recognizeUrl, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testConfig, testProvider } from '../../../../test/support/providers.ts';
import { createHttpClient } from '../../http/client.ts';
import { createLogger } from '../../log.ts';
import { createProviderSet, providerStatuses } from '../setup.ts';
import { parsePerformers } from './parse.ts';

const replayDir = fixtureDir(import.meta.url);
const API = 'https://www.qobuz.com/api.json/0.2';
const APP_ID = { LINER_QOBUZ_APP_ID: '123456789' };
const album = (id: string) => ({ store: 'qobuz' as const, type: 'release' as const, id });
const minimal = (id: string, extra: object = {}) => ({
  id,
  title: 'Small',
  tracks_count: 1,
  tracks: { total: 1, items: [{ id: 1, title: 'One', track_number: 1, duration: 60 }] },
  ...extra,
});

describe('qobuz provider', () => {
  const qobuz = testProvider('qobuz', { replayDir, env: APP_ID });

  it('pages through the tracks and splits discs by media_number', async () => {
    const result = await qobuz.lookupById(album('abc123xyz'), ['GB']);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Night Lines (Deluxe Edition)');
    expect(
      release.media.map((m) => [m.format, m.tracks.map((t) => `${t.number} ${t.title}`)]),
    ).toEqual([
      ['Digital Media', ['1 Opening', '2 Duet']],
      ['Digital Media', ['1 Reprise (Live)']],
    ]);
    expect(release.media[1]!.tracks[0]).toMatchObject({ lengthMs: 99_000, isrc: 'GBAAA2300003' });
    expect(release.media[0]!.tracks[0]!.externalIds).toEqual([
      { provider: 'qobuz', type: 'track', id: '9001' },
    ]);
    expect(result.messages).toEqual([]);
    expect(result).toMatchObject({
      id: 'abc123xyz',
      url: 'https://www.qobuz.com/gb-en/album/night-lines-alpha/abc123xyz',
      apiUrl: `${API}/album/get?album_id=abc123xyz`,
      region: 'GB',
    });
  });

  it('moves featured artists from titles into credits, composers left out', async () => {
    const { release } = await qobuz.lookupById(album('abc123xyz'), []);
    expect(release.artists).toEqual([
      { name: 'Alpha', externalIds: [{ provider: 'qobuz', type: 'artist', id: '101' }] },
    ]);
    const [opening, duet] = release.media[0]!.tracks;
    expect(opening!.artists).toBeUndefined();
    expect(duet!.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Alpha', ' feat. '],
      // Listed by Qobuz as one credit: it stays one artist.
      ['Beta & Gamma', undefined],
    ]);
  });

  it('reads barcode, label, original date, copyright, type and store links', async () => {
    const { release } = await qobuz.lookupById(album('abc123xyz'), []);
    expect(release).toMatchObject({
      gtin: '0012345678905',
      releaseDate: { year: 2023, month: 5, day: 5 },
      labels: [
        {
          name: 'Liner Test Records',
          externalIds: [{ provider: 'qobuz', type: 'label', id: '501' }],
        },
      ],
      copyright: '2023 Liner Test Records 2023 Liner Test Records',
      types: ['Album'],
      packaging: 'None',
      status: 'Official',
    });
    expect(release.externalLinks?.[0]?.types).toEqual(['paid streaming', 'paid download']);
    expect(release.images?.[0]).toMatchObject({
      url: 'https://static.qobuz.com/images/covers/yz/3x/abc123xyz_org.jpg',
      thumbUrl: 'https://static.qobuz.com/images/covers/yz/3x/abc123xyz_600.jpg',
    });
  });

  it('keeps the locale of the URL it was given', async () => {
    const { entity } = recognizeUrl('https://www.qobuz.com/fr-fr/album/night-lines/abc123xyz');
    const result = await qobuz.lookupById(entity, ['GB']);
    expect(result.region).toBe('FR');
    expect(result.url).toMatch(/^https:\/\/www\.qobuz\.com\/fr-/);
  });

  it('finds an album by GTIN in the forms Qobuz holds, asked at once', async () => {
    const result = await qobuz.lookupByGtin!('012345678905', ['GB']);
    expect(result.id).toBe('abc123xyz');
    await expect(qobuz.lookupByGtin!('4006381333931', [])).rejects.toMatchObject({
      kind: 'not-found',
      // An EAN-13 is its own 13-digit form: one search.
      url: `${API}/album/search?query=4006381333931`,
    });
  });

  it("reports Qobuz's error body as not found, replayed or live, and app ID refusals", async () => {
    await expect(qobuz.lookupById(album('missing'), [])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'qobuz',
      url: `${API}/album/get?album_id=missing`,
    });
    const { fetch } = fakeFetch({
      [`${API}/album/get?album_id=gone`]: {
        status: 404,
        body: { status: 'error', code: 404, message: 'No result matching given argument' },
      },
      [`${API}/album/get?album_id=nokey`]: {
        status: 400,
        body: { status: 'error', code: 400, message: 'Invalid or missing app_id parameter' },
      },
    });
    const live = testProvider('qobuz', { fetch, env: APP_ID });
    await expect(live.lookupById(album('gone'), [])).rejects.toMatchObject({ kind: 'not-found' });
    await expect(live.lookupById(album('nokey'), [])).rejects.toMatchObject({
      kind: 'credentials',
      message: expect.stringMatching(/app ID/),
    });
  });

  it('names the bad field of a changed response and rejects an empty tracklist', async () => {
    const { fetch } = fakeFetch({
      [`${API}/album/get?album_id=changed`]: minimal('changed', { title: 42 }),
      [`${API}/album/get?album_id=empty`]: minimal('empty', {
        tracks_count: 0,
        tracks: { items: [] },
      }),
    });
    const client = testProvider('qobuz', { fetch, env: APP_ID });
    await expect(client.lookupById(album('changed'), [])).rejects.toThrow(
      /unexpected response \(title:/,
    );
    await expect(client.lookupById(album('empty'), [])).rejects.toThrow(/no tracks/);
  });

  it('completes a barcode without its check digit, knows Various Artists, sends the app ID', async () => {
    const headers: Headers[] = [];
    const inner = fakeFetch({
      [`${API}/album/get?album_id=1234`]: minimal('x', {
        id: 1234,
        upc: '400638133393',
        tracks_count: 2,
        artists: [{ id: 145383, name: 'Various Artists', roles: ['main-artist'] }],
      }),
    });
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      headers.push(new Headers(init?.headers));
      return inner.fetch(input, init);
    }) as typeof globalThis.fetch;
    const result = await testProvider('qobuz', { fetch, env: APP_ID }).lookupById(
      album('1234'),
      [],
    );
    expect(result.id).toBe('1234');
    expect(result.release.gtin).toBe('4006381333931');
    expect(result.release.artists.map((a) => [a.name, a.mbid])).toEqual([
      ['Various Artists', '89ad4ac3-39f7-470e-963a-56509c546377'],
    ]);
    expect(result.messages.map((m) => m.text)).toEqual(['Qobuz counts 2 tracks but listed 1']);
    expect(headers[0]!.get('x-app-id')).toBe('123456789');
    // The app ID goes in a header, never into the stored request URL.
    expect(inner.requests).toEqual([`${API}/album/get?album_id=1234`]);
  });

  it('is disabled with one warning without an app ID, except under replay', () => {
    const lines = new PassThrough();
    const logged: string[] = [];
    lines.on('data', (chunk: Buffer) => logged.push(...chunk.toString().trim().split('\n')));
    const logger = createLogger({ destination: lines, format: 'json', level: 'info' });
    const config = testConfig();
    const http = createHttpClient({
      allowedHosts: new Map(),
      userAgent: 'test',
      timeoutMs: 1000,
      retries: 0,
      maxRetryAfterMs: 0,
      maxResponseBytes: 1000,
    });
    const set = createProviderSet(config, http, logger, () => new Date(0));
    expect(set.clients.has('qobuz')).toBe(false);
    const warnings = logged.map((l) => JSON.parse(l)).filter((l) => /Qobuz/.test(l.msg));
    expect(warnings.map((w) => w.msg)).toEqual([
      'Qobuz is disabled: missing credentials: providers.qobuz.appId',
    ]);
    const status = (env: Record<string, string>, replaying = false) =>
      providerStatuses(testConfig(env), replaying).find((p) => p.name === 'qobuz');
    expect(status(APP_ID)?.enabled).toBe(true);
    expect(status({}, true)?.enabled).toBe(true);
  });

  it('splits performer credits, keeping names with commas whole when Qobuz lists them', () => {
    expect(
      parsePerformers('Earth, Wind & Fire, MainArtist - Jo, FeaturedArtist, Composer', [
        'Earth, Wind & Fire',
      ]),
    ).toEqual([
      { name: 'Earth, Wind & Fire', roles: ['MainArtist'] },
      { name: 'Jo', roles: ['FeaturedArtist', 'Composer'] },
    ]);
    expect(parsePerformers(null, [])).toEqual([]);
  });
});
