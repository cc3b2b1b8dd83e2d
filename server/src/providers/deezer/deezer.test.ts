import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';

const replayDir = fixtureDir(import.meta.url);
const entity = (id: string) => ({ store: 'deezer' as const, type: 'release' as const, id });

describe('deezer provider', () => {
  const deezer = testProvider('deezer', { replayDir });

  it('splits discs, keeps featured artists as credits with join phrases, and reads ISRCs', async () => {
    const result = await deezer.lookupById(entity('100001'), ['GB']);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Two Sides');
    expect(release.gtin).toBe('192758000019');
    expect(release.artists).toEqual([
      { name: 'Alpha', externalIds: [{ provider: 'deezer', type: 'artist', id: '1' }] },
    ]);
    expect(release.media.map((m) => m.tracks.map((t) => t.title))).toEqual([
      ['Opening', 'Duet'],
      ['Reprise'],
    ]);
    const duet = release.media[0]!.tracks[1]!;
    expect(duet.artists?.map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Alpha', ' feat. '],
      // One credited name stays one artist even with "&" in it.
      ['Beta & Gamma', undefined],
    ]);
    expect(duet.title).toBe('Duet');
    expect(release.media[0]!.tracks[0]!.artists).toBeUndefined();
    expect(release.media[1]!.tracks[0]).toMatchObject({
      number: '1',
      lengthMs: 99_000,
      isrc: 'GBAAA2300003',
    });
    expect(release.releaseDate).toEqual({ year: 2023, month: 5, day: 5 });
    expect(release.labels).toEqual([{ name: 'Liner Test Records', externalIds: [] }]);
    expect(release.availableIn).toEqual(['DE', 'GB', 'US']);
    expect(release.externalLinks).toEqual([
      { url: 'https://www.deezer.com/album/100001', types: ['free streaming'], provider: 'deezer' },
    ]);
    expect(result).toMatchObject({
      id: '100001',
      url: 'https://www.deezer.com/album/100001',
      apiUrl: 'https://api.deezer.com/album/100001',
    });
  });

  it('finds a release by GTIN after trying the zero-padded forms', async () => {
    const result = await deezer.lookupByGtin!('0192758000019', ['GB']);
    expect(result.id).toBe('100001');
    expect(result.apiUrl).toBe('https://api.deezer.com/album/upc:192758000019');
  });

  it('reports an unknown album as not found', async () => {
    await expect(deezer.lookupById(entity('999'), ['GB'])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'deezer',
    });
    await expect(deezer.lookupByGtin!('4006381333931', ['GB'])).rejects.toMatchObject({
      kind: 'not-recorded',
    });
  });

  it('pages through long tracklists', async () => {
    const track = (id: number, position: number) => ({
      id,
      title: `T${id}`,
      duration: 60,
      track_position: position,
      disk_number: 1,
    });
    const { fetch, requests } = fakeFetch({
      'https://api.deezer.com/album/5': {
        id: 5,
        title: 'Long',
        nb_tracks: 3,
        tracks: { data: [{ id: 1, title: 'T1' }] },
      },
      'https://api.deezer.com/album/5/tracks?index=1&limit=100': {
        data: [
          { id: 2, title: 'T2' },
          { id: 3, title: 'T3' },
        ],
      },
      'https://api.deezer.com/track/1': track(1, 1),
      'https://api.deezer.com/track/2': track(2, 2),
      'https://api.deezer.com/track/3': track(3, 3),
    });
    const result = await testProvider('deezer', { fetch }).lookupById(entity('5'), []);
    expect(result.release.media[0]!.tracks.map((t) => t.title)).toEqual(['T1', 'T2', 'T3']);
    expect(requests).toContain('https://api.deezer.com/album/5/tracks?index=1&limit=100');
  });

  it('names the bad field of a changed response and rejects an empty tracklist', async () => {
    const { fetch } = fakeFetch({
      'https://api.deezer.com/album/6': { id: 6, title: 42 },
      'https://api.deezer.com/album/7': {
        id: 7,
        title: 'Empty',
        nb_tracks: 0,
        tracks: { data: [] },
      },
    });
    const client = testProvider('deezer', { fetch });
    await expect(client.lookupById(entity('6'), [])).rejects.toThrow(
      /unexpected response \(title:/,
    );
    await expect(client.lookupById(entity('7'), [])).rejects.toThrow(/no tracks/);
  });

  it('waits out a quota answer and tries again instead of failing the album', async () => {
    const album = {
      id: 8,
      title: 'Busy',
      nb_tracks: 1,
      tracks: { data: [{ id: 81, title: 'A' }] },
    };
    const track = { id: 81, title: 'A', duration: 60, track_position: 1, disk_number: 1 };
    let trackCalls = 0;
    const waits: number[] = [];
    const fetch = (async (input: string | URL | Request) => {
      const url = String(input);
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/album/8')) return json(album);
      trackCalls++;
      return trackCalls === 1
        ? json({ error: { type: 'Exception', message: 'Quota limit exceeded', code: 4 } })
        : json(track);
    }) as typeof globalThis.fetch;
    const client = testProvider('deezer', {
      fetch,
      http: {
        retries: 2,
        maxRetryAfterMs: 10_000,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    });
    const result = await client.lookupById(entity('8'), []);
    expect(result.release.media[0]!.tracks[0]!.title).toBe('A');
    expect(trackCalls).toBe(2);
    expect(waits).toEqual([5000]);
  });
});
