import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createRepositories } from '../repositories/index.ts';
import type { MbRelation, Repositories } from '../repositories/types.ts';
import { createMbidResolver, type MbidResolverOptions, type UrlAnswers } from './resolver.ts';

const A1 = '11111111-1111-4111-8111-111111111111';

/** A ws/2/url stand-in: knows the URLs ending in 1, records each batch, may hold answers back. */
function client() {
  const asked: string[][] = [];
  let hold: Promise<void> = Promise.resolve();
  let fail: Error | undefined;
  return {
    asked,
    holdUntil(p: Promise<void>) {
      hold = p;
    },
    failWith(error: Error | undefined) {
      fail = error;
    },
    lookup: async (urls: readonly string[]) => {
      asked.push([...urls].sort());
      await hold;
      if (fail) throw fail;
      return new Map<string, MbRelation[]>(
        urls
          .filter((u) => u.endsWith('1'))
          .map((u) => [u, [{ targetType: 'artist', mbid: A1, ended: false }]]),
      );
    },
  };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let isOpen = false;
  void opened.then(() => (isOpen = true));
  return { open, untilFree: async () => (isOpen ? 0 : 5) };
}

describe.each(testDatabases())('MBID resolver on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let clock = 1_000_000;
  const now = () => new Date(clock);

  beforeAll(async () => {
    handle = await open();
    repos = createRepositories(handle.db, now);
  });
  afterAll(() => handle.close());

  const resolver = (c: ReturnType<typeof client>, extra: Partial<MbidResolverOptions> = {}) =>
    createMbidResolver({
      repository: repos.mbUrls,
      queue: repos.mbUrlQueue,
      client: c,
      now,
      ttlMs: 10_000,
      notFoundTtlMs: 1000,
      pollMs: 5,
      ...extra,
    });

  it('serves fresh answers from the database and asks unknown URLs again sooner', async () => {
    const c = client();
    const r = resolver(c);
    const answers = await r.resolveUrls(['t/1', 't/2']);
    expect(answers.get('t/1')?.[0]?.mbid).toBe(A1);
    expect(answers.get('t/2')).toBeNull();
    expect(c.asked).toEqual([['t/1', 't/2']]);
    clock += 2000;
    await r.resolveUrls(['t/1', 't/2']);
    expect(c.asked.at(-1)).toEqual(['t/2']);
    await r.resolveUrls(['t/1'], { refresh: true });
    expect(c.asked.at(-1)).toEqual(['t/1']);
    expect(r.requests()).toBe(3);
  });

  it('gives a batch waiting for its slot the URLs of every look-up waiting then', async () => {
    const c = client();
    let release!: () => void;
    c.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const g = gate();
    g.open();
    const r = resolver(c, { untilFree: g.untilFree });
    const first = r.resolveUrls(['b/11', 'b/12']);
    // The first request is out (held by the stand-in) before the others ask.
    while (c.asked.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // While the first request is out, three more look-ups queue up their URLs.
    const later = [
      r.resolveUrls(['b/21', 'b/12']),
      r.resolveUrls(['b/31', 'b/32']),
      r.resolveUrls(['b/41']),
    ];
    while ((await repos.mbUrlQueue.pending()) < 4) await new Promise((r) => setTimeout(r, 5));
    release();
    const [a, x, y, z] = (await Promise.all([first, ...later])) as [
      UrlAnswers,
      UrlAnswers,
      UrlAnswers,
      UrlAnswers,
    ];
    expect(c.asked).toEqual([
      ['b/11', 'b/12'],
      ['b/21', 'b/31', 'b/32', 'b/41'],
    ]);
    expect(a.get('b/11')?.[0]?.mbid).toBe(A1);
    expect(x.get('b/12')).toBeNull();
    expect(y.get('b/31')?.[0]?.mbid).toBe(A1);
    expect(z.size).toBe(1);
  });

  it('lets a batch that waited for its slot gather the look-ups on their way, when told to', async () => {
    const run = async (gatherMs: number, prefix: string) => {
      const c = client();
      let freeAt = 0;
      const lookup = c.lookup;
      c.lookup = async (urls) => {
        freeAt = Date.now() + 300;
        return lookup(urls);
      };
      const r = resolver(c, { untilFree: async () => Math.max(0, freeAt - Date.now()), gatherMs });
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const first = r.resolveUrls([`${prefix}/11`]);
      await pause(50);
      const second = r.resolveUrls([`${prefix}/21`]);
      await pause(600);
      const third = r.resolveUrls([`${prefix}/31`]);
      await Promise.all([first, second, third]);
      return c.asked;
    };
    // Without gathering, the second goes as soon as the slot is free, the third after it.
    expect(await run(0, 'n')).toEqual([['n/11'], ['n/21'], ['n/31']]);
    // Gathering one more interval, the third joins the second's batch.
    expect(await run(1000, 'y')).toEqual([['y/11'], ['y/21', 'y/31']]);
  });

  it('shares one request between instances: whoever gets the slot asks for all', async () => {
    const c1 = client();
    const c2 = client();
    const g = gate();
    const one = resolver(c1, { untilFree: g.untilFree });
    const two = resolver(c2, { untilFree: g.untilFree });
    const answers = Promise.all([
      one.resolveUrls(['i/11', 'i/12']),
      two.resolveUrls(['i/21', 'i/12']),
    ]);
    while ((await repos.mbUrlQueue.pending()) < 3) await new Promise((r) => setTimeout(r, 5));
    g.open();
    const [a, b] = await answers;
    expect([...c1.asked, ...c2.asked]).toEqual([['i/11', 'i/12', 'i/21']]);
    expect(a.get('i/11')?.[0]?.mbid).toBe(A1);
    expect(b.get('i/21')?.[0]?.mbid).toBe(A1);
    expect(b.get('i/12')).toBeNull();
  });

  it('does not queue again a URL another instance answered between its read and its insert', async () => {
    const c1 = client();
    const c2 = client();
    // The first instance's insert waits, once, for the second instance to finish: the second
    // reads, queues, asks, stores the answer and empties the queue between the first's read of
    // the stored answers and its insert.
    let reached!: () => void;
    const atInsert = new Promise<void>((resolve) => (reached = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const queue = repos.mbUrlQueue;
    let held = false;
    const one = resolver(c1, {
      queue: {
        ...queue,
        async enqueue(keys) {
          if (!held) {
            held = true;
            reached();
            await resumed;
          }
          return queue.enqueue(keys);
        },
      },
    });
    const two = resolver(c2);
    const first = one.resolveUrls(['r/11']);
    await atInsert;
    expect((await two.resolveUrls(['r/11'])).get('r/11')?.[0]?.mbid).toBe(A1);
    resume();
    expect((await first).get('r/11')?.[0]?.mbid).toBe(A1);
    expect(await queue.pending()).toBe(0);
    // The next request carries only what is asked now, not the URL answered already.
    await two.resolveUrls(['r/21']);
    expect([...c1.asked, ...c2.asked]).toEqual([['r/11'], ['r/21']]);
  });

  it('fails the look-ups of a failed request and leaves its URLs for another try', async () => {
    const c = client();
    c.failWith(new Error('MusicBrainz is down'));
    const r = resolver(c);
    await expect(r.resolveUrls(['f/11'])).rejects.toThrow('MusicBrainz is down');
    c.failWith(undefined);
    const answers = await r.resolveUrls(['f/11']);
    expect(answers.get('f/11')?.[0]?.mbid).toBe(A1);
    expect(c.asked).toEqual([['f/11'], ['f/11']]);
  });
});
