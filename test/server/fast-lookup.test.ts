/**
 * A repeated look-up is served by the fast path with the same bytes tRPC would send, for plain
 * and batched calls; first calls, refreshes and bad input still go through tRPC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';

describe.each(testDatabases())('warm look-up fast path on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns();
    running = await startTestServer({ database, env: storeStandInEnv(upstream, 'deezer') });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  const post = async (body: unknown, batch = false) => {
    const response = await fetch(`${running.url}/trpc/lookup.release${batch ? '?batch=1' : ''}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers a repeat with exactly the bytes of the first answer', async () => {
    const input = { urls: ['https://www.deezer.com/album/100001'] };
    const first = await post(input);
    const deezerCalls = upstream.requests.length;
    const second = await post(input);
    expect(second).toEqual(first);
    expect(upstream.requests.length).toBe(deezerCalls);
    const batched = await post({ 0: input }, true);
    expect(batched).toEqual({ status: 200, text: `[${first.text}]` });
    // The typed client (batching) reads the fast path's answer like any other.
    const viaClient = await apiClient(running.url).lookup.release.mutate(input);
    expect(JSON.stringify({ result: { data: viaClient } })).toBe(first.text);
  });

  it('leaves refreshes, bad input and other procedures to tRPC', async () => {
    const refreshed = await post({ urls: ['https://www.deezer.com/album/100001'], refresh: true });
    expect(refreshed.status).toBe(200);
    expect(JSON.parse(refreshed.text).result.data.providers[0].cached).toBeUndefined();
    const bad = await post({ urls: ['https://example.com/x'] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('example.com is not a supported store');
    const malformed = await fetch(`${running.url}/trpc/lookup.release`, {
      method: 'POST',
      body: '{"urls":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
  });
});
