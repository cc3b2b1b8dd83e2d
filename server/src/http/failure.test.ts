import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from './client.ts';
import { NotRecordedError, UpstreamError } from './errors.ts';
import { failureInWords, upstreamInWords } from './failure.ts';

/** A port nothing listens on: bound, read, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function client(host: string, fetch?: typeof globalThis.fetch) {
  return createHttpClient({
    allowedHosts: new Map([['itunes', [host]]]),
    userAgent: 'Liner/0 ( https://example.org/liner )',
    timeoutMs: 2000,
    retries: 0,
    retryBaseMs: 1,
    maxRetryAfterMs: 10,
    maxResponseBytes: 10_000,
    ...(fetch ? { fetch } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('failures in words', () => {
  it('keeps the cause of a failed fetch, and says it in one sentence naming the provider', async () => {
    // undici's shape: "fetch failed", the resolver's error as its cause.
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND itunes.apple.com'), {
      code: 'ENOTFOUND',
    });
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: dns });
    };
    const error = await failure(
      client('itunes.apple.com', fetch).request({
        provider: 'itunes',
        url: 'https://itunes.apple.com/lookup?id=1',
      }),
    );
    expect(error.message).toBe('fetch failed: getaddrinfo ENOTFOUND itunes.apple.com');
    expect(upstreamInWords(error)).toEqual({
      message: 'Apple Music / iTunes did not answer: the address could not be resolved',
      detail: 'fetch failed: getaddrinfo ENOTFOUND itunes.apple.com',
    });
  });

  it('names a refused connection from a real one', async () => {
    const port = await closedPort();
    const error = await failure(
      client(`127.0.0.1:${port}`).request({
        provider: 'itunes',
        url: `http://127.0.0.1:${port}/lookup`,
      }),
    );
    expect(error.message).toMatch(/^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(upstreamInWords(error).message).toBe(
      'Apple Music / iTunes did not answer: the connection was refused',
    );
  });

  it('reads the same from what a cached failure keeps (kind, message, status)', () => {
    const cached = { kind: 'status' as const, message: 'deezer answered HTTP 502', status: 502 };
    expect(failureInWords(cached, 'Deezer')).toEqual({
      message: 'Deezer had a problem of its own (HTTP 502); try again later',
      detail: 'deezer answered HTTP 502',
    });
    expect(
      failureInWords({ kind: 'network', message: 'fetch failed: read ECONNRESET' }, 'Tidal')
        .message,
    ).toBe('Tidal did not answer: the connection was cut off');
  });

  it("keeps the server's file paths and a bug's internals out of what clients get", () => {
    const miss = new NotRecordedError(
      'deezer',
      'https://api.deezer.com/album/1',
      '/srv/liner/fixtures/deezer/album/1.json',
    );
    expect(miss.message).toContain('/srv/liner/fixtures');
    const words = upstreamInWords(miss);
    expect(JSON.stringify(words)).not.toContain('/srv/liner');
    expect(words).toEqual({
      message:
        'Deezer has no recorded answer for this request (the server replays recorded answers)',
      detail: 'not recorded: no replay file for https://api.deezer.com/album/1',
    });
    const bug = new UpstreamError(
      'internal',
      'spotify',
      '',
      "Cannot read properties of undefined (reading 'tracks')",
    );
    expect(upstreamInWords(bug)).toEqual({
      message: 'Spotify could not be asked because of an error inside Liner',
    });
  });
});
