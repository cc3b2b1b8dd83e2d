import { describe, expect, it } from 'vitest';
import { HostLimiter, type RateLimit, sharedHostLimits } from './limits.ts';

const RULE: RateLimit = { host: 'api.deezer.com', requests: 50, perMs: 5000, concurrency: 8 };

describe('HostLimiter with a shared budget', () => {
  it('asks the shared budget for each request and waits as long as it says', async () => {
    const asked: string[] = [];
    const slept: number[] = [];
    const answers = [0, 700, 0];
    const limiter = new HostLimiter([RULE], {
      take: async (rule) => {
        asked.push(rule.host);
        return answers.shift() ?? 0;
      },
      sleep: async (ms) => void slept.push(ms),
    });
    const ran: number[] = [];
    await limiter.run('api.deezer.com', async () => ran.push(1));
    await limiter.run('api.deezer.com', async () => ran.push(2));
    expect(ran).toEqual([1, 2]);
    // The second request was told to wait 700 ms, waited, and asked again.
    expect(slept).toEqual([700]);
    expect(asked).toEqual(['api.deezer.com', 'api.deezer.com', 'api.deezer.com']);
  });

  it('leaves hosts without a declared limit alone', async () => {
    let asked = 0;
    const limiter = new HostLimiter([RULE], { take: async () => ++asked });
    expect(await limiter.run('example.org', async () => 'sent')).toBe('sent');
    expect(asked).toBe(0);
  });

  it('sends on its own limit when the shared budget cannot be asked, and says so once a minute', async () => {
    const warnings: string[] = [];
    let clock = 0;
    const shared = sharedHostLimits(
      { take: () => Promise.reject(new Error('connection refused')) },
      (message) => warnings.push(message),
      () => clock,
    );
    const limiter = new HostLimiter([RULE], shared);
    expect(await limiter.run('api.deezer.com', async () => 'sent')).toBe('sent');
    clock = 30_000;
    expect(await limiter.run('api.deezer.com', async () => 'sent again')).toBe('sent again');
    clock = 61_000;
    await limiter.run('api.deezer.com', async () => undefined);
    expect(warnings).toEqual([
      "the shared request budget is unavailable (connection refused); store requests follow this instance's own limits",
      "the shared request budget is unavailable (connection refused); store requests follow this instance's own limits",
    ]);
  });

  it('names each host rule as its own budget with the declared limit', async () => {
    const taken: unknown[] = [];
    const shared = sharedHostLimits(
      {
        take: async (...args) => {
          taken.push(args);
          return 0;
        },
      },
      () => {},
    );
    await shared.take(RULE);
    expect(taken).toEqual([['host:api.deezer.com', 50, 5000]]);
  });

  it('does not wait on the shared budget for ever: at most a minute, then the local limit', async () => {
    const slept: number[] = [];
    const limiter = new HostLimiter([RULE], {
      take: async () => 45_000,
      sleep: async (ms) => void slept.push(ms),
    });
    await limiter.run('api.deezer.com', async () => undefined);
    expect(slept).toEqual([45_000, 15_000]);
  });

  it('takes no share of the budget for a request whose look-up has given up, and stops waiting', async () => {
    let taken = 0;
    const given = new AbortController();
    given.abort();
    const limiter = new HostLimiter([RULE], {
      take: async () => {
        taken++;
        return 45_000;
      },
      // A real wait, cut short by the abort below.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    await limiter.run('api.deezer.com', async () => undefined, given.signal);
    expect(taken).toBe(0);
    const later = new AbortController();
    const waiting = limiter.run('api.deezer.com', async () => 'ran', later.signal);
    await expect.poll(() => taken).toBe(1);
    later.abort();
    // Without the abort this would sleep 45 s and the test would time out.
    expect(await waiting).toBe('ran');
    expect(taken).toBe(1);
  });
});
