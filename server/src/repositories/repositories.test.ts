import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import { createRepositories } from './index.ts';
import type { Repositories } from './types.ts';

describe.each(testDatabases())('repositories on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let clock = new Date('2026-01-01T00:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    handle = await open();
    repos = createRepositories(handle.db, now);
  });
  afterAll(() => handle.close());

  it('migrations are idempotent and readiness reports ready', async () => {
    await handle.migrate();
    await handle.migrate();
    expect(await handle.readiness()).toEqual({ ready: true });
  });

  it("reports this process's own connections (PostgreSQL)", async () => {
    const stats = await handle.poolStats();
    if (handle.kind === 'pglite') return expect(stats).toBeUndefined();
    // At least the connection that just answered stays open, idle, until its idle time-out.
    expect(stats?.idle).toBeGreaterThanOrEqual(1);
    expect(stats?.active).toBe(0);
  });

  describe('responses', () => {
    it('stores a body once and moves fetched-at on for the same content', async () => {
      const first = await repos.responses.record({
        provider: 'deezer',
        url: 'https://api.deezer.com/album/1',
        status: 200,
        contentType: 'application/json',
        body: '{"id":1}',
        fetchedAt: new Date('2026-01-01T00:00:00Z'),
      });
      const again = await repos.responses.record({
        provider: 'deezer',
        url: 'https://api.deezer.com/album/1',
        status: 200,
        body: '{"id":1}',
        fetchedAt: new Date('2026-01-02T00:00:00Z'),
      });
      expect(again).toEqual(first);
      const stored = await repos.responses.get(first.id);
      expect(stored?.body).toBe('{"id":1}');
      expect(stored?.fetchedAt.toISOString()).toBe('2026-01-02T00:00:00.000Z');
      expect(stored?.firstFetchedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    });

    it('keeps a changed body as a new row and finds the latest', async () => {
      const url = 'https://api.deezer.com/album/2';
      await repos.responses.record({
        provider: 'deezer',
        url,
        status: 200,
        body: 'a',
        fetchedAt: new Date('2026-01-01'),
      });
      const second = await repos.responses.record({
        provider: 'deezer',
        url,
        status: 200,
        body: 'b',
        fetchedAt: new Date('2026-01-03'),
      });
      expect((await repos.responses.latestForUrl(url))?.id).toBe(second.id);
      expect(await repos.responses.get(999_999)).toBeUndefined();
      expect(await repos.responses.latestForUrl('https://nowhere.example/')).toBeUndefined();
    });

    it('concurrent writers of the same response make one row', async () => {
      const url = 'https://api.deezer.com/album/3';
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          repos.responses.record({
            provider: 'deezer',
            url,
            status: 200,
            body: 'same',
            fetchedAt: new Date(),
          }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
    });
  });

  describe('provider releases', () => {
    const base = {
      provider: 'deezer' as const,
      lookupKey: 'id:10',
      release: { title: 'A', media: [] },
      info: { url: 'https://www.deezer.com/album/10' },
      responseIds: [],
      fetchedAt: new Date('2026-01-01'),
    };

    it('reuses the row for an unchanged answer and adds one for a changed answer', async () => {
      const a = await repos.providerReleases.save(base);
      const b = await repos.providerReleases.save({ ...base, fetchedAt: new Date('2026-01-05') });
      const c = await repos.providerReleases.save({ ...base, release: { title: 'B', media: [] } });
      expect(b).toBe(a);
      expect(c).not.toBe(a);
      expect((await repos.providerReleases.get(a))?.fetchedAt.toISOString()).toBe(
        '2026-01-05T00:00:00.000Z',
      );
      const many = await repos.providerReleases.getMany([c, a]);
      expect(many.map((r) => r.id)).toEqual([c, a]);
      expect(many[0]?.release).toEqual({ title: 'B', media: [] });
      expect(await repos.providerReleases.getMany([])).toEqual([]);
      expect(await repos.providerReleases.get(123_456)).toBeUndefined();
    });
  });

  describe('provider cache', () => {
    const opts = (force = false) => ({
      freshSince: new Date(clock.getTime() - 86_400_000),
      leaseMs: 30_000,
      force,
    });

    it('gives the lease to one of many concurrent claimers', async () => {
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((owner) =>
          repos.providerCache.claim('spotify', 'k1', owner, opts()),
        ),
      );
      expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c.state === 'leased')).toHaveLength(4);
    });

    it('serves a completed entry as fresh until it is older than freshSince', async () => {
      const owner = 'x';
      expect((await repos.providerCache.claim('spotify', 'k2', owner, opts())).state).toBe(
        'claimed',
      );
      const releaseId = await repos.providerReleases.save({
        provider: 'spotify',
        lookupKey: 'k2',
        release: {},
        info: {},
        responseIds: [],
        fetchedAt: clock,
      });
      await repos.providerCache.complete('spotify', 'k2', owner, {
        releaseId,
        error: null,
        fetchedAt: clock,
      });
      const claim = await repos.providerCache.claim('spotify', 'k2', 'y', opts());
      expect(claim).toMatchObject({ state: 'fresh', entry: { releaseId } });
      expect(await repos.providerCache.getFresh('spotify', 'k2', opts().freshSince)).toMatchObject({
        releaseId,
      });
      // A refresh takes the lease even though the entry is fresh.
      expect((await repos.providerCache.claim('spotify', 'k2', 'y', opts(true))).state).toBe(
        'claimed',
      );
      await repos.providerCache.release('spotify', 'k2', 'y');
      clock = new Date(clock.getTime() + 2 * 86_400_000);
      expect(
        await repos.providerCache.getFresh('spotify', 'k2', opts().freshSince),
      ).toBeUndefined();
      expect((await repos.providerCache.claim('spotify', 'k2', 'z', opts())).state).toBe('claimed');
    });

    it('lets a new owner take an expired lease and stores errors', async () => {
      expect(
        (await repos.providerCache.claim('tidal', 'k3', 'a', { ...opts(), leaseMs: 1000 })).state,
      ).toBe('claimed');
      expect((await repos.providerCache.claim('tidal', 'k3', 'b', opts())).state).toBe('leased');
      clock = new Date(clock.getTime() + 5000);
      expect((await repos.providerCache.claim('tidal', 'k3', 'b', opts())).state).toBe('claimed');
      // The first owner's late result is not written over the new owner's lease.
      await repos.providerCache.complete('tidal', 'k3', 'a', {
        releaseId: null,
        error: { message: 'late' },
        fetchedAt: clock,
      });
      expect(await repos.providerCache.getFresh('tidal', 'k3', new Date(0))).toBeUndefined();
      await repos.providerCache.complete('tidal', 'k3', 'b', {
        releaseId: null,
        error: { message: 'not found' },
        fetchedAt: clock,
      });
      expect(await repos.providerCache.getFresh('tidal', 'k3', new Date(0))).toMatchObject({
        releaseId: null,
        error: { message: 'not found' },
      });
    });
  });

  describe('lookups', () => {
    it('creates, gets and finds the latest for a query', async () => {
      const lookup = {
        query: { urls: ['u'] },
        queryKey: 'q1',
        result: JSON.stringify({ release: { title: 'T' } }),
        sources: [1, 2],
      };
      const day = (d: number) => new Date(Date.UTC(2026, 0, d));
      await repos.lookups.create({
        ...lookup,
        id: 'first',
        createdAt: day(1),
        reusableUntil: day(5),
      });
      // Newer, but reusable only briefly (a provider failed): after it lapses, nothing answers;
      // the older "first" must not come back after a refresh replaced it.
      await repos.lookups.create({
        ...lookup,
        id: 'second',
        createdAt: day(2),
        reusableUntil: day(3),
      });
      expect((await repos.lookups.get('first'))?.result).toBe('{"release":{"title":"T"}}');
      expect((await repos.lookups.latestForQuery('q1', day(2)))?.id).toBe('second');
      expect(await repos.lookups.latestForQuery('q1', day(4))).toBeUndefined();
      expect(await repos.lookups.get('missing')).toBeUndefined();
      expect(await repos.lookups.latestForQuery('none', day(1))).toBeUndefined();
      // A permalink's moment (Harmony's ts) finds the look-up made by then, however old.
      expect(await repos.lookups.madeBy('q1', day(9))).toEqual({ id: 'second' });
      expect(await repos.lookups.madeBy('q1', new Date(Date.UTC(2026, 0, 1, 12)))).toEqual({
        id: 'first',
      });
      expect(await repos.lookups.madeBy('q1', new Date(Date.UTC(2025, 11, 31)))).toBeUndefined();
      await expect(
        repos.lookups.create({ ...lookup, id: 'first', createdAt: day(1), reusableUntil: day(1) }),
      ).rejects.toThrow();
    });
  });

  describe('MusicBrainz URL mappings', () => {
    it('upserts and reads many', async () => {
      const relations = [
        { targetType: 'release', mbid: '0a6c4d4c-2b7a-4b6e-9d4a-1f7e1d0b3a55', ended: false },
      ];
      await repos.mbUrls.upsertMany([
        {
          url: 'https://open.spotify.com/album/A',
          found: true,
          relations,
          checkedAt: new Date('2026-01-01'),
        },
        {
          url: 'https://open.spotify.com/album/B',
          found: false,
          relations: [],
          checkedAt: new Date('2026-01-01'),
        },
      ]);
      await repos.mbUrls.upsertMany([
        {
          url: 'https://open.spotify.com/album/B',
          found: true,
          relations,
          checkedAt: new Date('2026-01-02'),
        },
        {
          url: 'https://open.spotify.com/album/B',
          found: true,
          relations,
          checkedAt: new Date('2026-01-03'),
        },
      ]);
      await repos.mbUrls.upsertMany([]);
      const map = await repos.mbUrls.getMany([
        'https://open.spotify.com/album/A',
        'https://open.spotify.com/album/B',
        'https://x/',
      ]);
      expect(map.size).toBe(2);
      expect(map.get('https://open.spotify.com/album/B')).toMatchObject({ found: true, relations });
      expect(map.get('https://open.spotify.com/album/B')?.checkedAt.toISOString()).toBe(
        '2026-01-03T00:00:00.000Z',
      );
      expect((await repos.mbUrls.getMany([])).size).toBe(0);
    });
  });

  describe('MusicBrainz URL queue', () => {
    const urls = ['https://q/1', 'https://q/2', 'https://q/3'];

    it('hands each queued URL to one claimant, oldest first, up to the limit', async () => {
      await repos.mbUrlQueue.enqueue(urls.slice(0, 2));
      await repos.mbUrlQueue.enqueue(urls);
      expect(await repos.mbUrlQueue.pending()).toBe(3);
      const first = await repos.mbUrlQueue.claim('a', 2, 60_000);
      expect(first).toHaveLength(2);
      expect(await repos.mbUrlQueue.pending()).toBe(1);
      expect(await repos.mbUrlQueue.claim('b', 100, 60_000)).toEqual(
        urls.filter((u) => !first.includes(u)),
      );
      expect(await repos.mbUrlQueue.claim('c', 100, 60_000)).toEqual([]);
      // Given back after a failure: another instance takes them; answered: gone for good.
      await repos.mbUrlQueue.release('a', first);
      expect((await repos.mbUrlQueue.claim('c', 100, 60_000)).sort()).toEqual([...first].sort());
      await repos.mbUrlQueue.finish('b', urls);
      await repos.mbUrlQueue.finish('c', urls);
      await repos.mbUrlQueue.enqueue(['https://q/4']);
      expect(await repos.mbUrlQueue.claim('d', 100, 60_000)).toEqual(['https://q/4']);
    });

    it('lets another instance take a claim that has lapsed', async () => {
      await repos.mbUrlQueue.enqueue(['https://q/5']);
      expect(await repos.mbUrlQueue.claim('crashed', 100, 1)).toEqual(['https://q/5']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await repos.mbUrlQueue.claim('e', 100, 60_000)).toEqual(['https://q/5']);
      // The lapsed claimant can no longer remove it.
      await repos.mbUrlQueue.finish('crashed', ['https://q/5']);
      expect(await repos.mbUrlQueue.claim('f', 100, 1)).toEqual([]);
    });
    it.each([
      ['URL', 'mbUrlQueue', ['https://q/w1', 'https://q/w2']],
      ['ISRC', 'mbIsrcQueue', ['GBAAA2600091', 'GBAAA2600092']],
    ] as const)(
      '%s queue: says which keys it queued, and takes back only unclaimed ones',
      async (_, name, [a, b]) => {
        const queue = repos[name];
        expect(await queue.enqueue([a])).toEqual([a]);
        // A key already queued is not this call's.
        expect(await queue.enqueue([a, b])).toEqual([b]);
        expect(await queue.claim('w', 1, 60_000)).toEqual([a]);
        await queue.withdraw([a, b]);
        // The claimed one stays its claimant's; the other is gone.
        expect(await queue.pending()).toBe(0);
        expect(await queue.claim('x', 100, 60_000)).toEqual([]);
        await queue.finish('w', [a]);
      },
    );
  });

  describe('instances', () => {
    const opts = { freshSince: new Date(0), leaseMs: 120_000, force: false };
    /** Puts an instance's last heartbeat `ms` into the past, as a crash would leave it. */
    const silence = (id: string, ms: number) =>
      handle.db.execute(
        sql`update instances set heartbeat_at = clock_timestamp() - ${`${ms} milliseconds`}::interval where id = ${id}`,
      );

    it('takes over at once a lease and a MusicBrainz batch whose holder stopped beating', async () => {
      await repos.instances.register('alive');
      await repos.instances.register('crashed');
      expect((await repos.providerCache.claim('deezer', 'h1', 'alive', opts)).state).toBe(
        'claimed',
      );
      expect((await repos.providerCache.claim('deezer', 'h2', 'crashed', opts)).state).toBe(
        'claimed',
      );
      await repos.mbUrlQueue.enqueue(['https://q/h1']);
      expect(await repos.mbUrlQueue.claim('crashed', 100, 60_000)).toEqual(['https://q/h1']);
      await silence('crashed', 7000);
      // Both leases have two minutes left: the live holder's stands, the silent one's does not.
      expect((await repos.providerCache.claim('deezer', 'h1', 'other', opts)).state).toBe('leased');
      expect(await repos.mbUrlQueue.pending()).toBe(1);
      expect((await repos.providerCache.claim('deezer', 'h2', 'other', opts)).state).toBe(
        'claimed',
      );
      expect(await repos.mbUrlQueue.claim('other', 100, 60_000)).toEqual(['https://q/h1']);
      // A beat in time keeps a holder's leases; the holder beats again after a pause.
      await silence('alive', 3000);
      await repos.instances.beat('alive');
      expect((await repos.providerCache.claim('deezer', 'h1', 'other', opts)).state).toBe('leased');
    });

    it('frees its own leases when an instance restarts, and all it holds when it leaves', async () => {
      await repos.instances.register('restarting');
      expect((await repos.providerCache.claim('deezer', 'r1', 'restarting', opts)).state).toBe(
        'claimed',
      );
      await repos.mbUrlQueue.enqueue(['https://q/r1']);
      expect(await repos.mbUrlQueue.claim('restarting', 100, 60_000)).toEqual(['https://q/r1']);
      await repos.mbIsrcQueue.enqueue(['GBAAA2600001']);
      expect(await repos.mbIsrcQueue.claim('restarting', 50, 60_000)).toEqual(['GBAAA2600001']);
      // The same ID again is a new process: what the old one held is nobody's.
      await repos.instances.register('restarting');
      expect((await repos.providerCache.claim('deezer', 'r1', 'next', opts)).state).toBe('claimed');
      expect(await repos.mbUrlQueue.claim('next', 100, 60_000)).toEqual(['https://q/r1']);
      expect(await repos.mbIsrcQueue.claim('next', 50, 60_000)).toEqual(['GBAAA2600001']);
      await repos.instances.register('next');
      await repos.instances.leave('next');
      expect((await repos.providerCache.claim('deezer', 'r1', 'third', opts)).state).toBe(
        'claimed',
      );
      const rows = await handle.db.execute(sql`select id from instances where id = 'next'`);
      expect(rowsOf(rows)).toEqual([]);
    });
  });

  describe('rate budgets', () => {
    it('lets one request go per interval, claimed at the moment of sending', async () => {
      expect(await repos.rateBudgets.nextFree('test-budget')).toBe(0);
      expect(await repos.rateBudgets.claim('test-budget', 1000)).toBe(0);
      // The moment is taken: the next claim and the free moment are about an interval away.
      const wait = await repos.rateBudgets.claim('test-budget', 1000);
      expect(wait).toBeGreaterThan(500);
      expect(wait).toBeLessThanOrEqual(1000);
      expect(await repos.rateBudgets.nextFree('test-budget')).toBeGreaterThan(500);
      // Claims at once, as from several instances: exactly one may go.
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => repos.rateBudgets.claim('race-budget', 60_000)),
      );
      expect(claims.filter((w) => w === 0)).toHaveLength(1);
      for (const w of claims.filter((w) => w > 0)) expect(w).toBeGreaterThan(59_000);
    });

    it('moves the free moment on after a push-back, and never back', async () => {
      await repos.rateBudgets.pushBack('other-budget', 5000);
      expect(await repos.rateBudgets.claim('other-budget', 1000)).toBeGreaterThan(4000);
      await repos.rateBudgets.pushBack('other-budget', 10);
      expect(await repos.rateBudgets.nextFree('other-budget')).toBeGreaterThan(4000);
    });

    it('counts requests per window and says how long until the next one', async () => {
      // A year's window: the four questions would have to straddle New Year to see two.
      const YEAR_MS = 365 * 24 * 3600 * 1000;
      const takes = [];
      for (let i = 0; i < 4; i++)
        takes.push(await repos.rateBudgets.take('test-window', 2, YEAR_MS));
      expect(takes.slice(0, 2)).toEqual([0, 0]);
      for (const wait of takes.slice(2)) {
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(YEAR_MS);
      }
      // Another name has a budget of its own.
      expect(await repos.rateBudgets.take('other-window', 1, 60_000)).toBe(0);
    });

    it('clears the windows before the one a name opens', async () => {
      await repos.rateBudgets.take('short-window', 5, 20);
      await new Promise((resolve) => setTimeout(resolve, 45));
      expect(await repos.rateBudgets.take('short-window', 5, 20)).toBe(0);
      const rows = await handle.db.execute(
        sql`select count(*)::int as n from rate_windows where name = 'short-window'`,
      );
      expect(rowsOf<{ n: number }>(rows)[0]?.n).toBe(1);
    });
  });
});
