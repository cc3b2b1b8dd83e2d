import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';

describe.each(testDatabases())('HTTP server on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let running: RunningServer;
  let releaseSlow: () => void = () => {};
  let slowStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    slowStarted = resolve;
  });

  beforeAll(async () => {
    database = await open();
    running = await startTestServer({
      database,
      http: () => ({
        routes: [
          async (_req, res, ctx) => {
            if (ctx.url.pathname !== '/test/slow') return false;
            slowStarted();
            await new Promise<void>((resolve) => {
              releaseSlow = resolve;
            });
            res.end('finished');
            return true;
          },
        ],
      }),
    });
  });
  afterAll(async () => {
    await running.stop();
    await database.close();
  });

  it('answers health, readiness and the typed API', async () => {
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await (await fetch(`${running.url}/ready`)).json()).toEqual({ ready: true });
    const info = await apiClient(running.url).system.info.query();
    expect(info).toMatchObject({ name: 'liner', database: database.kind });
    const providers = await apiClient(running.url).providers.list.query();
    expect(providers.find((p) => p.name === 'deezer')).toMatchObject({
      enabled: true,
      hosts: ['api.deezer.com'],
    });
    // Errors say what went wrong, never where in the code: no stack trace on the wire.
    const unknown = await fetch(`${running.url}/trpc/system.nothing`);
    expect(unknown.status).toBe(404);
    const body = await unknown.json();
    expect(body.error.data).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(body)).not.toContain('stack');
    const missing = await fetch(`${running.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such endpoint: /nope' });
  });

  it('sends the request ID with every answer, pages and 404s included', async () => {
    for (const path of ['/nope', '/release/nosuchlookup', '/trpc/system.info']) {
      const response = await fetch(`${running.url}${path}`, {
        headers: { 'x-request-id': 'req-7' },
      });
      await response.arrayBuffer();
      expect(response.headers.get('x-request-id')).toBe('req-7');
    }
  });

  it('listens on loopback by default', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers without a token only requests addressed to a loopback name (DNS rebinding)', async () => {
    const { port } = new URL(running.url);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/trpc/system.info', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`localhost:${port}`)).toBe(200);
    expect(await status(`[::1]:${port}`)).toBe(200);
    expect(await status(`rebound.attacker.example:${port}`)).toBe(403);
  });

  it('finishes in-flight requests on shutdown and then refuses new ones', async () => {
    const inFlight = fetch(`${running.url}/test/slow`);
    await started;
    const stopping = running.stop();
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
    releaseSlow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    await stopping;
  });
});
