/**
 * tRPC batches cannot get round the API's limits: a batch holds at most MAX_BATCH_CALLS calls and
 * each call takes its own token from the client's request rate. /metrics labels stay bounded
 * whatever paths clients make up, and an oversized look-up body is refused in tRPC's envelope.
 */
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '../../server/src/api/calls.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';

const TOKEN = 'test-token-batching-0123456789';
const PER_MINUTE = 17;

describe('batches, route labels and oversized bodies', () => {
  let database: DatabaseHandle;
  let running: RunningServer;

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    running = await startTestServer({
      database,
      env: {
        LINER_API_TOKEN: TOKEN,
        LINER_PROVIDERS: 'deezer',
        LINER_SERVER__CLIENT_REQUESTS_PER_MINUTE: String(PER_MINUTE),
        LINER_SERVER__MAX_BODY_BYTES: '2048',
      },
    });
  });
  afterAll(async () => {
    await running?.stop();
    await database?.close();
  });

  const auth = { authorization: `Bearer ${TOKEN}` };
  const batchOf = (n: number, procedure = 'system.info') =>
    fetch(`${running.url}/trpc/${Array(n).fill(procedure).join(',')}?batch=1`, { headers: auth });
  const routeLabels = async () => {
    const text = await (await fetch(`${running.url}/metrics`)).text();
    return new Set(
      [...text.matchAll(/^liner_http_requests_total\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]),
    );
  };

  /** An error envelope with the parts that differ between two answers (wording, stack) blanked. */
  const shapeOf = (body: unknown): unknown =>
    Array.isArray(body)
      ? body.map(shapeOf)
      : JSON.parse(JSON.stringify(body), (key, value) =>
          key === 'message' || key === 'stack' ? '…' : value,
        );

  // These run first and in order: the request rate below counts from a full bucket.
  it('refuses an oversized look-up body in the envelope tRPC uses for PAYLOAD_TOO_LARGE', async () => {
    const input = { urls: [`https://www.deezer.com/album/${'1'.repeat(4000)}`] };
    const post = (batch: boolean, headers: Record<string, string> = {}) =>
      fetch(`${running.url}/trpc/lookup.release${batch ? '?batch=1' : ''}`, {
        method: 'POST',
        body: JSON.stringify(batch ? { 0: input } : input),
        headers: { ...auth, 'content-type': 'application/json', ...headers },
      });
    // The typed client (batching, so the fast path) reads the reason.
    const error = await apiClient(running.url, auth)
      .lookup.release.mutate(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).message).toBe(
      'the request body is larger than the 2048 bytes this server takes',
    );
    expect((error as TRPCClientError<never>).data).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      httpStatus: 413,
      path: 'lookup.release',
    });
    // Plain and batched, the fast path answers as tRPC's handler (asked with trpc-accept) does.
    for (const batch of [false, true]) {
      const fast = await post(batch);
      const trpc = await post(batch, { 'trpc-accept': 'application/json' });
      expect(fast.status).toBe(413);
      expect(trpc.status).toBe(413);
      const [fastBody, trpcBody] = [await fast.json(), await trpc.json()];
      expect(Array.isArray(fastBody)).toBe(batch);
      expect(shapeOf(fastBody)).toEqual(shapeOf(trpcBody));
    }
  });

  it('refuses a batch over the cap in tRPC’s envelope, for fetch and the tRPC client', async () => {
    const refused = await batchOf(MAX_BATCH_CALLS + 1);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toBe(
      `a batch may hold at most ${MAX_BATCH_CALLS} calls, and this one has ${MAX_BATCH_CALLS + 1}: send them in smaller batches`,
    );
    // Commas written as %2C are the same batch to tRPC.
    const encoded = await fetch(
      `${running.url}/trpc/${Array(MAX_BATCH_CALLS + 1)
        .fill('system.info')
        .join('%2C')}?batch=1`,
      { headers: auth },
    );
    expect(encoded.status).toBe(400);
    // The typed client batches calls made together into one request and shows the reason.
    const client = apiClient(running.url, auth);
    const calls = await Promise.allSettled(
      Array.from({ length: MAX_BATCH_CALLS + 1 }, () => client.system.info.query()),
    );
    for (const call of calls) {
      expect(call.status).toBe('rejected');
      const reason = (call as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(TRPCClientError);
      expect((reason as Error).message).toMatch(/^a batch may hold at most \d+ calls/);
    }
  });

  it('takes one token per call of a batch, with a clear 429 when the batch needs more', async () => {
    // The typed client's look-up and four plain 413s (batches of one at most) and three refused
    // over-cap batches took a token each: 17 - 8 = 9 are left.
    const first = await batchOf(4);
    expect(first.status).toBe(200);
    expect(await first.json()).toHaveLength(4);
    expect((await batchOf(4)).status).toBe(200);
    // One token is left (and a fraction refilled): a batch of four must wait.
    const limited = await batchOf(4);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(
      new RegExp(
        `^too many requests: at most ${PER_MINUTE} per minute \\(each call of a batch counts\\), and this batch of 4 calls finds 1 left; retry in \\d+ s$`,
      ),
    );
    // The refused batch took nothing: the last token still answers one call, then none is left.
    expect((await batchOf(1)).status).toBe(200);
    const single = await fetch(`${running.url}/trpc/system.info`, { headers: auth });
    expect(single.status).toBe(429);
    expect((await single.json()).error).toMatch(
      new RegExp(`^too many requests: at most ${PER_MINUTE} per minute; retry in \\d+ s$`),
    );
  });

  it('adds no /metrics label for made-up paths, answered or refused', async () => {
    // One of each bounded label first, so the made-up paths below could only add new ones.
    await fetch(`${running.url}/trpc/junk0`);
    await fetch(`${running.url}/trpc/junk0,junk1?batch=1`);
    await routeLabels(); // /metrics itself is counted once its answer is sent
    const before = await routeLabels();
    expect(before).toContain('/trpc/unknown');
    expect(before).toContain('/trpc/batch');
    expect(before).toContain('/trpc/system.info');
    for (let i = 1; i <= 20; i++) {
      const unauthenticated = await fetch(`${running.url}/trpc/junk${i}`);
      expect(unauthenticated.status).toBe(401);
      await fetch(`${running.url}/trpc/junk${i}.x${i},other${i}?batch=1`);
      await fetch(`${running.url}/trpc/lookup.release${i}`, { headers: auth });
    }
    const after = await routeLabels();
    expect([...after].filter((label) => !before.has(label))).toEqual([]);
    expect([...after].some((label) => label?.includes('junk'))).toBe(false);
  });
});
