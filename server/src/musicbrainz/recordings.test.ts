/**
 * The ISRC queue's request counts: a search waiting for its slot takes the ISRCs of every
 * look-up waiting then, on every instance on the database, up to 50 a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { RequestSpan } from '../http/types.ts';
import { createRepositories } from '../repositories/index.ts';
import type { MbRecording, Repositories } from '../repositories/types.ts';
import { ISRC_BATCH, type RecordingSearchClient } from './recording-search.ts';
import { createRecordingFinder } from './recordings.ts';

const isrc = (prefix: string, n: number) =>
  `${prefix}${String(n).padStart(12 - prefix.length, '0')}`;

/** A recording search stand-in: an ISRC ending in 1 has one recording; records each search. */
function searchClient() {
  const asked: string[][] = [];
  let hold: Promise<void> = Promise.resolve();
  const client: RecordingSearchClient & { asked: string[][]; holdUntil(p: Promise<void>): void } = {
    asked,
    holdUntil(p) {
      hold = p;
    },
    async search(isrcs, note?: (span: RequestSpan) => void) {
      const start = performance.now();
      asked.push([...isrcs].sort());
      await hold;
      note?.({ start, end: performance.now() });
      return new Map(
        isrcs.map((code): [string, MbRecording[]] => [
          code,
          code.endsWith('1')
            ? [{ mbid: `rec-${code}`, title: code, artists: [], isrcs: [code], releases: [] }]
            : [],
        ]),
      );
    },
  };
  return client;
}

/** The budget's answer to "how long until a request may go": closed until opened. */
function gate() {
  let isOpen = false;
  return { open: () => (isOpen = true), untilFree: async () => (isOpen ? 0 : 5) };
}

describe.each(testDatabases())('ISRC queue on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  const now = () => new Date();

  beforeAll(async () => {
    handle = await open();
    repos = createRepositories(handle.db, now);
  });
  afterAll(() => handle.close());

  const finder = (client: RecordingSearchClient, untilFree?: () => Promise<number>) =>
    createRecordingFinder({
      repository: repos.mbIsrcs,
      queue: repos.mbIsrcQueue,
      client,
      now,
      ttlMs: 60_000,
      notFoundTtlMs: 60_000,
      pollMs: 5,
      ...(untilFree ? { untilFree } : {}),
    });
  const queued = async (n: number) => {
    while ((await repos.mbIsrcQueue.pending()) < n) await new Promise((r) => setTimeout(r, 5));
  };

  it('gives a search waiting for its slot the ISRCs of every look-up waiting then', async () => {
    const c = searchClient();
    let release!: () => void;
    c.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const f = finder(c);
    const first = f.find([isrc('AA', 1), isrc('AA', 2)]);
    while (c.asked.length === 0) await new Promise((r) => setTimeout(r, 5));
    // While the first search is out, three look-ups queue theirs (one shares an ISRC with it).
    const spans: RequestSpan[] = [];
    const later = [
      f.find([isrc('AA', 11), isrc('AA', 2)], { onRequest: (s) => spans.push(s) }),
      f.find([isrc('AA', 21), isrc('AA', 22)]),
      f.find([isrc('AA', 31)]),
    ];
    await queued(4);
    release();
    const [a, x, , z] = await Promise.all([first, ...later]);
    expect(c.asked).toEqual([
      [isrc('AA', 1), isrc('AA', 2)],
      [isrc('AA', 11), isrc('AA', 21), isrc('AA', 22), isrc('AA', 31)],
    ]);
    expect(a.get(isrc('AA', 1))?.[0]?.mbid).toBe(`rec-${isrc('AA', 1)}`);
    expect(x?.get(isrc('AA', 2))).toEqual([]);
    expect(z?.get(isrc('AA', 31))).toHaveLength(1);
    // The look-up is told of the search that carried its ISRC, with when it asked for it.
    expect(spans).toHaveLength(1);
    expect(spans[0]!.asked).toBeLessThanOrEqual(spans[0]!.start);
    expect(f.requests()).toBe(2);
  });

  it('shares one search between instances, up to 50 ISRCs a request', async () => {
    const c1 = searchClient();
    const c2 = searchClient();
    const g = gate();
    const one = finder(c1, g.untilFree);
    const two = finder(c2, g.untilFree);
    // Three look-ups on two instances: 30 + 30 ISRCs and 5 they share.
    const list = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => isrc('BB', from + i));
    const found = Promise.all([
      one.find(list(0, 30)),
      two.find(list(30, 30)),
      two.find(list(25, 10)),
    ]);
    await queued(60);
    g.open();
    const [a, b, c] = await found;
    const asked = [...c1.asked, ...c2.asked];
    expect(asked).toHaveLength(Math.ceil(60 / ISRC_BATCH));
    expect(asked.map((batch) => batch.length).sort()).toEqual([10, 50]);
    expect(new Set(asked.flat()).size).toBe(60);
    expect(a.get(isrc('BB', 1))).toHaveLength(1);
    expect(b.get(isrc('BB', 31))).toHaveLength(1);
    expect(c.size).toBe(10);
    // Answered and stored: asked again, nothing is searched.
    await one.find(list(0, 60));
    expect([...c1.asked, ...c2.asked]).toHaveLength(2);
  });
});
