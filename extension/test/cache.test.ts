/** The Dexie cache on fake-indexeddb: TTLs, staleness, pruning, history. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCache, KEEP_EXPIRED, TTL } from '../src/background/cache.ts';
import { comparisonSchema } from '../src/background/comparison-view.ts';
import { LinerDatabase } from '../src/background/db.ts';
import { sampleComparison } from './support/comparison.ts';
import { DEEZER_URL, sampleResult } from './support/release.ts';

function cacheAt(start = 1_000_000) {
  let now = start;
  const db = new LinerDatabase(`cache-${Math.random()}`);
  return { db, cache: createCache(db, () => now), tick: (ms: number) => (now += ms) };
}

describe('URL answers', () => {
  it('keeps "linked" for days and "not linked" for minutes, then marks them stale', async () => {
    const { cache, tick } = cacheAt();
    await cache.putUrlStates([
      { url: 'https://a.example/1', status: 'linked', mbids: ['m1'] },
      { url: 'https://a.example/2', status: 'not-linked', mbids: [] },
    ]);
    let states = await cache.urlStates([
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
    ]);
    expect([...states.keys()]).toEqual(['https://a.example/1', 'https://a.example/2']);
    expect(states.get('https://a.example/1')).toMatchObject({
      fresh: true,
      row: { mbids: ['m1'] },
    });
    tick(TTL.notLinked + 1);
    states = await cache.urlStates(['https://a.example/1', 'https://a.example/2']);
    expect(states.get('https://a.example/1')?.fresh).toBe(true);
    expect(states.get('https://a.example/2')?.fresh).toBe(false);
    tick(TTL.linked);
    expect((await cache.urlStates(['https://a.example/1'])).get('https://a.example/1')?.fresh).toBe(
      false,
    );
    expect(TTL.linked).toBeGreaterThan(100 * TTL.notLinked);
  });

  it('expires one answer but keeps it for when the server is away', async () => {
    const { cache } = cacheAt();
    await cache.putUrlStates([{ url: 'https://a.example/1', status: 'not-linked', mbids: [] }]);
    await cache.expireUrlState('https://a.example/1');
    const state = (await cache.urlStates(['https://a.example/1'])).get('https://a.example/1');
    expect(state).toMatchObject({ fresh: false, row: { status: 'not-linked' } });
  });
});

describe('look-ups', () => {
  it('stores a result by canonical URL with its fetch time and lifetime, and survives a reopen', async () => {
    const { db, cache } = cacheAt(5_000);
    const result = sampleResult();
    await cache.putLookup(DEEZER_URL, result);
    const row = await cache.lookup(DEEZER_URL);
    expect(row).toMatchObject({
      fresh: true,
      row: {
        url: DEEZER_URL,
        permalink: result.id,
        fetchedAt: 5_000,
        expiresAt: 5_000 + TTL.release,
      },
    });
    expect(row?.row.result).toEqual(result);
    db.close();
    const reopened = createCache(new LinerDatabase(db.name), () => 5_000 + TTL.release + 1);
    expect((await reopened.lookup(DEEZER_URL))?.fresh).toBe(false);
    expect(await reopened.lookup('https://www.deezer.com/album/1')).toBeUndefined();
  });

  it('keeps an empty look-up only briefly', async () => {
    const { cache } = cacheAt(0);
    const empty = sampleResult({ release: undefined });
    const row = await cache.putLookup(DEEZER_URL, empty);
    expect(row.expiresAt).toBe(TTL.noRelease);
  });
});

describe('history', () => {
  it('lists the newest first and keeps at most 200 entries', async () => {
    const { cache, tick } = cacheAt();
    for (let i = 0; i < 205; i++) {
      await cache.addHistory({ kind: i % 2 ? 'import' : 'lookup', url: `https://a.example/${i}` });
      tick(1);
    }
    const recent = await cache.recent(3);
    expect(recent.map((r) => r.url)).toEqual([
      'https://a.example/204',
      'https://a.example/203',
      'https://a.example/202',
    ]);
    expect(recent[0]?.kind).toBe('lookup');
    expect(await cache.recent(1000)).toHaveLength(200);
  });
});

describe('pruning', () => {
  it('deletes what expired more than KEEP_EXPIRED ago, and keeps what is merely stale', async () => {
    const { db, cache, tick } = cacheAt(0);
    await cache.putUrlStates([{ url: 'https://a.example/old', status: 'not-linked', mbids: [] }]);
    await cache.putLookup(DEEZER_URL, sampleResult());
    await cache.putComparison(comparisonSchema.parse(sampleComparison()));
    tick(TTL.release + KEEP_EXPIRED / 2);
    await cache.putUrlStates([{ url: 'https://a.example/new', status: 'linked', mbids: ['m'] }]);
    // Stale but kept for when the server is away.
    expect(await db.lookups.count()).toBe(1);
    tick(KEEP_EXPIRED);
    await cache.putUrlStates([{ url: 'https://a.example/newer', status: 'linked', mbids: ['m'] }]);
    expect((await db.urls.toCollection().primaryKeys()).sort()).toEqual([
      'https://a.example/new',
      'https://a.example/newer',
    ]);
    expect(await db.lookups.count()).toBe(0);
    expect(await db.comparisons.count()).toBe(0);
  });
});

describe('look-ups asked otherwise', () => {
  it('are stale for another query, and still there for when the server is away', async () => {
    const { cache } = cacheAt();
    await cache.putLookup(DEEZER_URL, sampleResult(), '{"regions":["GB"]}');
    expect((await cache.lookup(DEEZER_URL, '{"regions":["GB"]}'))?.fresh).toBe(true);
    expect(await cache.lookup(DEEZER_URL, '{"regions":["JP"]}')).toMatchObject({
      fresh: false,
      row: { permalink: 'perm1234abcd' },
    });
  });
});
