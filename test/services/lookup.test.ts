/**
 * The look-up service on the real wiring (app, providers, HTTP layer, repositories) against
 * stand-in stores and a stand-in MusicBrainz on 127.0.0.1, on both databases.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { testDatabases } from '../support/databases.ts';
import { testConfig } from '../support/providers.ts';
import type { StandIn } from '../support/stand-in.ts';
import {
  ALPHA_MBID,
  TWO_SIDES_BANDCAMP as BANDCAMP,
  startStoreStandIns,
  storeStandInEnv,
} from '../support/store-stand-ins.ts';

const RELEASE_MBID = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
const DEEZER = 'https://www.deezer.com/album/100001';

describe.each(testDatabases())('look-up service on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let app: App;
  let clock = new Date('2026-03-01T12:00:00Z');
  let deezerFails = false;
  let musicBrainzFails = false;
  const linked: Record<string, [string, string, string?][]> = {
    'https://www.deezer.com/artist/1': [['artist', ALPHA_MBID]],
    [DEEZER]: [['release', RELEASE_MBID, 'Two Sides (MusicBrainz)']],
  };
  const count = (prefix: string) =>
    upstream.requests.filter((r) => r.path.startsWith(prefix)).length;

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns({
      linked,
      override: (req, res) => {
        const down =
          (deezerFails && req.path.startsWith('/deezer/') && 500) ||
          (musicBrainzFails && req.path.startsWith('/mb/ws/2/url') && 503);
        if (down) res.writeHead(down).end('down');
        return Boolean(down);
      },
    });
    const config = testConfig(storeStandInEnv(upstream));
    app = await createApp({ config, logger: silentLogger(), database, now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    await database.close();
  });
  beforeEach(() => {
    deezerFails = false;
    musicBrainzFails = false;
  });

  it('merges, finds the barcode in phase one and asks the barcode stores in phase two', async () => {
    const result = await app.services.lookup.lookup({ urls: [BANDCAMP] });
    expect(result.providers.map((p) => [p.name, p.lookup.method])).toEqual([
      ['bandcamp', 'id'],
      ['deezer', 'gtin'],
    ]);
    expect(upstream.requests.some((r) => r.path === '/deezer/album/upc:192758000019')).toBe(true);
    expect(result.release?.title).toBe('Two Sides');
    expect(result.release?.media.map((m) => m.tracks.length)).toEqual([2, 1]);
    expect(result.sources).toMatchObject({
      media: 'deezer',
      'tracks.isrc': 'deezer',
      gtin: expect.any(String),
    });
    expect(result.release?.artists[0]).toMatchObject({ name: 'Alpha', mbid: ALPHA_MBID });
    expect(result.existing).toEqual([{ mbid: RELEASE_MBID, url: DEEZER }]);
    expect(result.messages.filter((m) => m.level === 'error')).toEqual([]);
  });

  it('says what each look-up cost upstream: requests per provider and the longest chain', async () => {
    const deezerBefore = count('/deezer/');
    const mbBefore = count('/mb/');
    const groupsBefore = count('/mb/ws/2/release-group');
    const url = 'https://www.deezer.com/album/100001';
    const result = await app.services.lookup.lookup({ urls: [url], refresh: true });
    const deezer = result.providers.find((p) => p.name === 'deezer')!;
    // The album, then its tracks at once: at least two round trips (the stand-in answers at
    // once, so a track may end before another one leaves; then the chain is longer).
    expect(deezer.requests).toBe(count('/deezer/') - deezerBefore);
    expect(deezer.requests).toBeGreaterThan(2);
    expect(deezer.chain).toBeGreaterThanOrEqual(2);
    expect(deezer.chain).toBeLessThanOrEqual(deezer.requests!);
    // MusicBrainz is asked after the stores: one or two more links in the chain (the URL
    // look-up and the recording search share the budget, so they may go one after the other).
    expect(result.cost).toEqual({
      requests: count('/deezer/') - deezerBefore,
      musicbrainzRequests: count('/mb/') - mbBefore,
      chain: expect.any(Number),
    });
    expect(result.cost!.chain - deezer.chain!).toBeGreaterThanOrEqual(1);
    expect(result.cost!.chain - deezer.chain!).toBeLessThanOrEqual(2);
    // The URLs in one request, the tracks' three ISRCs in one recording search, and, since no
    // recording matched and the artist is known, the artist's release groups: browsed again on
    // a refresh, which must see a group an editor has just added.
    expect(count('/mb/ws/2/release-group') - groupsBefore).toBe(1);
    expect(result.cost?.musicbrainzRequests).toBe(3);
    // Answered from the database, a provider's part costs nothing.
    const again = await app.services.lookup.lookup({ urls: [url], regions: ['US'] });
    expect(again.providers[0]).toMatchObject({ cached: true, requests: 0, chain: 0 });
  });

  it('answers a second look-up within the TTL from the database, and asks again on refresh', async () => {
    const first = await app.services.lookup.lookup({ urls: [DEEZER] });
    const before = count('/deezer/');
    const mbBefore = count('/mb/');
    const again = await app.services.lookup.lookup({ urls: [DEEZER] });
    expect(count('/deezer/')).toBe(before);
    expect(count('/mb/')).toBe(mbBefore);
    // The same question within the TTL is answered by the same stored look-up.
    expect(again.id).toBe(first.id);
    // A different question about the same release is merged anew from the cached provider data.
    const other = await app.services.lookup.lookup({ urls: [DEEZER], regions: ['JP'] });
    expect(count('/deezer/')).toBe(before);
    expect(other.id).not.toBe(first.id);
    expect(other.providers[0]).toMatchObject({ name: 'deezer', cached: true });
    await app.services.lookup.lookup({ urls: [DEEZER], refresh: true });
    expect(count('/deezer/')).toBe(before + 4);
    // The URLs, the ISRCs and the artist's release groups again.
    expect(count('/mb/')).toBe(mbBefore + 3);
  });

  it('expires the cache after the TTL', async () => {
    await app.services.lookup.lookup({ urls: [DEEZER] });
    const before = count('/deezer/');
    clock = new Date(clock.getTime() + 25 * 3600 * 1000);
    const later = await app.services.lookup.lookup({ urls: [DEEZER] });
    expect(count('/deezer/')).toBe(before + 4);
    expect(later.providers[0]?.cached).toBeUndefined();
  });

  it('reproduces a permalink exactly, even after the cache was refreshed', async () => {
    const first = await app.services.lookup.lookup({ urls: [DEEZER, BANDCAMP] });
    await app.services.lookup.lookup({ urls: [DEEZER, BANDCAMP], refresh: true });
    const again = await app.services.lookup.get(first.id);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(await app.services.lookup.get('nosuchlinkxx')).toBeUndefined();
    expect(await app.services.lookup.get('../../etc')).toBeUndefined();
  });

  it('makes one upstream request set for concurrent identical look-ups', async () => {
    clock = new Date(clock.getTime() + 48 * 3600 * 1000);
    const before = count('/deezer/');
    const mbBefore = count('/mb/');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.services.lookup.lookup({ urls: [DEEZER] })),
    );
    expect(count('/deezer/') - before).toBe(4);
    // One URL look-up and one recording search for all twenty.
    expect(count('/mb/') - mbBefore).toBe(2);

    expect(new Set(results.map((r) => JSON.stringify(r.release))).size).toBe(1);
  });

  it('keeps a partial result with the failing provider as a message', async () => {
    clock = new Date(clock.getTime() + 48 * 3600 * 1000);
    deezerFails = true;
    const result = await app.services.lookup.lookup({ urls: [BANDCAMP, DEEZER] });
    expect(result.release?.title).toBe('Two Sides');
    expect(result.providers.find((p) => p.name === 'deezer')?.error).toMatchObject({
      kind: 'status',
      status: 500,
      message: 'Deezer had a problem of its own (HTTP 500); try again later',
      detail: 'deezer answered HTTP 500',
    });
    expect(result.messages).toContainEqual({
      level: 'error',
      provider: 'deezer',
      text: 'Deezer had a problem of its own (HTTP 500); try again later',
    });
  });

  it('asks a failed provider again once the error lifetime has passed, not a day later', async () => {
    clock = new Date(clock.getTime() + 48 * 3600 * 1000);
    deezerFails = true;
    const failed = await app.services.lookup.lookup({ urls: [DEEZER] });
    expect(failed.release).toBeUndefined();
    // Within the error lifetime the same failure is the answer: no hammering a broken store.
    const before = count('/deezer/');
    expect((await app.services.lookup.lookup({ urls: [DEEZER] })).id).toBe(failed.id);
    expect(count('/deezer/')).toBe(before);
    deezerFails = false;
    clock = new Date(clock.getTime() + 10 * 60 * 1000);
    const recovered = await app.services.lookup.lookup({ urls: [DEEZER] });
    expect(recovered.id).not.toBe(failed.id);
    expect(recovered.release?.title).toBeDefined();
    expect(count('/deezer/')).toBeGreaterThan(before);
  });

  it('names a linked release by its MusicBrainz title, for the badge', async () => {
    const [check] = await app.services.urlCheck.check([DEEZER]);
    expect(check).toMatchObject({
      status: 'linked',
      mbids: [RELEASE_MBID],
      titles: { [RELEASE_MBID]: 'Two Sides (MusicBrainz)' },
    });
  });

  it('says "unknown" per URL when MusicBrainz cannot be asked, and keeps the other answers', async () => {
    musicBrainzFails = true;
    const checks = await app.services.urlCheck.check(
      ['https://alpha.bandcamp.com/album/never-asked', 'https://example.com/x'],
      true,
    );
    expect(checks.map((c) => c.status)).toEqual(['unknown', 'invalid']);
    expect(checks[0]?.error).toBe(
      'MusicBrainz had a problem of its own (HTTP 503); try again later',
    );
  });

  it('asks MusicBrainz again after an import, so the badge turns to "in MusicBrainz" at once', async () => {
    clock = new Date(clock.getTime() + 48 * 3600 * 1000);
    const result = await app.services.lookup.lookup({ urls: [BANDCAMP] });
    const badge = async () => (await app.services.urlCheck.check([BANDCAMP]))[0]?.status;
    expect(await badge()).toBe('not-linked');
    const imported = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
    linked[BANDCAMP] = [['release', imported]];
    // Within the "not in MusicBrainz" lifetime the cached answer stands...
    expect(await badge()).toBe('not-linked');
    // ...until the after-import page asks again.
    await app.services.seeds.followUps(result, imported);
    expect(await badge()).toBe('linked');
    delete linked[BANDCAMP];
  });

  it('cites the permalink in the edit note only at a public address, and always the sources', async () => {
    const result = await app.services.lookup.lookup({ urls: [DEEZER] });
    const seed = await app.services.seeds.seed(result);
    const field = (name: string) => seed.fields.find(([n]) => n === name)?.[1];
    expect(field('edit_note')).toContain(DEEZER);
    expect(field('edit_note')).not.toContain(`/release/${result.id}`);
    // The redirect is for the user's own browser, so the local address is right there.
    expect(field('redirect_uri')).toMatch(new RegExp(`^http://.*/release/${result.id}/imported$`));
    expect(seed.problems).toEqual([]);
  });

  it('rejects bad input with the reason', async () => {
    await expect(
      app.services.lookup.lookup({ urls: ['https://example.com/album/1'] }),
    ).rejects.toThrow(/example\.com is not a supported store/);
    await expect(
      app.services.lookup.lookup({
        urls: ['https://open.spotify.com/artist/1Xyo4u8uXC1ZmMpatF05PJ'],
      }),
    ).rejects.toThrow(/artist page, not a release page/);
    await expect(app.services.lookup.lookup({ gtin: '123' })).rejects.toThrow(/invalid GTIN "123"/);
    await expect(app.services.lookup.lookup({ urls: [] })).rejects.toThrow(
      /needs at least one store URL or a GTIN/,
    );
  });
});
