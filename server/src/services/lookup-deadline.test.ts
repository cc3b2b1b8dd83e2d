import { describe, expect, it, vi } from 'vitest';
import { configSchema } from '../config/schema.ts';
import { silentLogger } from '../log.ts';
import { ISRC_BATCH } from '../musicbrainz/recording-search.ts';
import { lookupDeadline } from './lookup-deadline.ts';

const config = configSchema.parse({ lookup: { deadline: '1s' } });

function deadlineAt(clock: { ms: number }, warn = vi.fn()) {
  const logger = { ...silentLogger(), warn } as unknown as ReturnType<typeof silentLogger>;
  const deadline = lookupDeadline(
    { config, declarations: [] as never, logger, now: () => new Date(clock.ms) },
    new Date(0),
  );
  return { deadline, warn };
}

/** A promise that rejects on the next turn, as a database call does when its pool is closed. */
const failingLater = () =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error('PGlite is closed')), 5));

describe('the whole look-up deadline', () => {
  it("counts the queued ISRC searches in the MusicBrainz message's estimate", async () => {
    const queue = { untilFreeMs: 500, queuedUrls: 3, queuedIsrcs: ISRC_BATCH + 1 };
    const deadline = lookupDeadline(
      {
        config,
        declarations: [] as never,
        logger: silentLogger(),
        now: () => new Date(0),
        musicbrainzQueue: async () => queue,
      },
      new Date(0),
    );
    // One URL batch and two ISRC batches, a request interval each, after the 0.5 s wait.
    const seconds = (500 + 3 * config.musicbrainz.requestInterval) / 1000;
    expect((await deadline.musicbrainzPending()).text).toContain(
      `(3 URLs and ${ISRC_BATCH + 1} ISRCs queued, about ${seconds} s)`,
    );
  });

  it('answers with the work before the deadline, and the work is awaited', async () => {
    const { deadline } = deadlineAt({ ms: 0 });
    await expect(deadline.settle(Promise.resolve('ids'), () => 'late')).resolves.toBe('ids');
  });

  it('asked after the deadline: answers at once, and a later failure is logged, not unhandled', async () => {
    // Without a listener on the work, Node ends the process on its rejection (vitest reports
    // it as an unhandled error and fails the run).
    const clock = { ms: 5_000 };
    const { deadline, warn } = deadlineAt(clock);
    await expect(deadline.settle(failingLater(), () => 'late')).resolves.toBe('late');
    await new Promise((r) => setTimeout(r, 20));
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      'part of a look-up failed after its deadline',
    );
  });

  it('work that loses the race fails later: logged, the answer already out', async () => {
    const clock = { ms: 0 };
    const { deadline, warn } = deadlineAt(clock);
    const work = new Promise<never>((_, reject) =>
      setTimeout(() => {
        clock.ms = 2_000;
        reject(new Error('store hung up'));
      }, 950),
    );
    await expect(deadline.settle(work, () => 'late')).resolves.toBe('late');
    await new Promise((r) => setTimeout(r, 100));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("the answer's own write", () => {
  it('is waited for while the deadline leaves time to send the answer', async () => {
    const { deadline } = deadlineAt({ ms: 500 });
    await expect(deadline.finish(Promise.resolve('written'))).resolves.toBe('written');
  });

  it('is not waited for once only the time to send is left; a later failure is logged', async () => {
    // 1 s deadline: the answer is sent 20 ms (a fiftieth) before it.
    const clock = { ms: 985 };
    const { deadline, warn } = deadlineAt(clock);
    await expect(deadline.finish(failingLater())).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('waits past the reserve for merging, up to the time to send', async () => {
    // 950 ms: past the point where waiting for providers stops (900 ms), before 980 ms.
    const clock = { ms: 950 };
    const { deadline } = deadlineAt(clock);
    await expect(deadline.settle(Promise.resolve('ids'), () => 'late')).resolves.toBe('late');
    const slow = new Promise((r) => setTimeout(() => r('written'), 10));
    await expect(deadline.finish(slow)).resolves.toBe('written');
  });
});
