import { PassThrough } from 'node:stream';
import { CHROME_EXTENSION_ORIGIN } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { createLogger } from '../../server/src/log.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestServer } from '../support/server.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';

const TOKEN = 'test-token-0123456789abcdef';

describe('access control, metrics and logs', () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    upstream = await startStoreStandIns({
      override: (req, res) => {
        const broken = /^\/deezer\/album\/66\d$/.test(req.path);
        if (broken) res.writeHead(500).end('broken');
        return broken;
      },
    });
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    running = await startTestServer({
      database,
      logger: createLogger({ level: 'debug', format: 'json', destination: stream }),
      env: {
        ...storeStandInEnv(upstream, 'deezer'),
        LINER_API_TOKEN: TOKEN,
        LINER_SERVER__CLIENT_REQUESTS_PER_MINUTE: '30',
        LINER_SERVER__MAX_BODY_BYTES: '2048',
      },
    });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  const api = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
    fetch(`${running.url}/trpc/${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
  const lookup = (id: string, headers: Record<string, string> = {}) =>
    api('lookup.release', {
      method: 'POST',
      body: JSON.stringify({ urls: [`https://www.deezer.com/album/${id}`] }),
      headers,
    });

  it('refuses the API without the token and keeps probes, metrics and pages open', async () => {
    expect((await api('system.info', {}, null)).status).toBe(401);
    expect((await api('system.info', {}, 'wrong-token-0123456789')).status).toBe(401);
    expect(await (await api('system.info')).json()).toMatchObject({
      result: { data: { client: 'default' } },
    });
    for (const path of ['/health', '/ready', '/metrics'])
      expect((await fetch(`${running.url}${path}`)).status).toBe(200);
    expect((await fetch(`${running.url}/release/zzzzzzzzzzzz`)).status).toBe(404);
  });

  it('counts a look-up, a cache hit and an upstream error in /metrics', async () => {
    expect((await lookup('100001')).status).toBe(200);
    expect((await lookup('100001')).status).toBe(200);
    expect((await lookup('666')).status).toBe(200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/^liner_lookups_total\{outcome="merged"\} 2$/m);
    expect(metrics).toMatch(/^liner_lookups_total\{outcome="empty"\} 1$/m);
    expect(metrics).toMatch(/^liner_lookup_cache_total\{result="hit"\} 1$/m);
    expect(metrics).toMatch(/^liner_lookup_cache_total\{result="miss"\} 2$/m);
    expect(metrics).toMatch(/^liner_provider_results_total\{provider="deezer",result="miss"\} 1$/m);
    expect(metrics).toMatch(/^liner_upstream_requests_total\{provider="deezer",status="500"\} 1$/m);
    expect(metrics).toMatch(
      /^liner_upstream_request_duration_seconds_count\{provider="deezer"\} \d+$/m,
    );
    expect(metrics).toMatch(/^liner_musicbrainz_queue_depth 0$/m);
    expect(metrics).toMatch(/^liner_database_up 1$/m);
    expect(metrics).toMatch(/^liner_process_cpu_seconds_total /m);
  });

  it('puts the request ID on every line of a request and never logs the token', async () => {
    const settled = async () => {
      // Lines reach the stream after the answer (the access log is written when it closes).
      for (let count = -1; count !== lines.length; ) {
        count = lines.length;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await settled();
    const start = lines.length;
    const response = await lookup('667', { 'x-request-id': 'req-trace-1' });
    expect(response.headers.get('x-request-id')).toBe('req-trace-1');
    await settled();
    const during = lines.slice(start);
    expect(during.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['upstream failed', 'request']),
    );
    for (const line of during) expect(line).toMatchObject({ requestId: 'req-trace-1' });
    expect(
      during.some(
        (l) =>
          l.msg === 'upstream failed' &&
          l.provider === 'deezer' &&
          String(l.url).includes('/deezer/album/667'),
      ),
    ).toBe(true);
    // At debug the access log shows the request's headers: the bearer token is redacted there.
    const access = during.find((l) => l.msg === 'request' && l.path === '/trpc/lookup.release');
    expect(access).toMatchObject({
      level: 20,
      headers: { authorization: '[redacted]', 'x-request-id': 'req-trace-1' },
    });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it('allows the extension origins by CORS and refuses web pages', async () => {
    const preflight = await fetch(`${running.url}/trpc/lookup.release`, {
      method: 'OPTIONS',
      headers: { origin: CHROME_EXTENSION_ORIGIN },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CHROME_EXTENSION_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const fromExtension = await api('system.info', {
      headers: { origin: 'moz-extension://1234-abcd' },
    });
    expect(fromExtension.status).toBe(200);
    const fromWeb = await lookup('100001', { origin: 'https://evil.example' });
    expect(fromWeb.status).toBe(403);
    expect(fromWeb.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses every other Chrome extension: only Liner’s pinned ID is allowed by default', async () => {
    const other = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect(other).not.toBe(CHROME_EXTENSION_ORIGIN);
    const preflight = await fetch(`${running.url}/trpc/lookup.release`, {
      method: 'OPTIONS',
      headers: { origin: other },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const call = await api('system.info', { headers: { origin: other } });
    expect(call.status).toBe(403);
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
    // Not a prefix match either: the ID is the whole host.
    const longer = await api('system.info', { headers: { origin: `${CHROME_EXTENSION_ORIGIN}x` } });
    expect(longer.status).toBe(403);
  });

  it('limits request bodies and the request rate per client, with clear errors', async () => {
    const big = await api('lookup.release', {
      method: 'POST',
      body: JSON.stringify({ urls: ['x'.repeat(4000)] }),
    });
    expect(big.status).toBe(413);
    const tooMany = await api(
      'musicbrainz.checkUrls?input=' +
        encodeURIComponent(
          JSON.stringify({ urls: Array(101).fill('https://www.deezer.com/album/1') }),
        ),
    );
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('at most 100 URLs per request');
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await api('system.info');
      if (response.status === 429) limited = response;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await limited!.json()).error).toMatch(/^too many requests: at most 30 per minute/);
    // Probes are not rate limited.
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });
});
