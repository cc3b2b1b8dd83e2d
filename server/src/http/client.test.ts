import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type StandIn, startStandIn, text } from '../../../test/support/stand-in.ts';
import { createHttpClient, type HttpClientOptions, type UpstreamEvent } from './client.ts';
import { UpstreamError } from './errors.ts';
import { createLookupContext } from './lookup-context.ts';
import { recordResponse } from './replay.ts';

describe('HTTP client against a local stand-in', () => {
  let upstream: StandIn;
  let foreign: StandIn;
  const events: UpstreamEvent[] = [];
  const client = (extra: Partial<HttpClientOptions> = {}) =>
    createHttpClient({
      allowedHosts: new Map([['test', [upstream.host]]]),
      userAgent: 'Liner/0 ( https://example.org/liner )',
      timeoutMs: 300,
      retries: 2,
      retryBaseMs: 5,
      maxRetryAfterMs: 2000,
      maxResponseBytes: 10_000,
      onEvent: (event) => events.push(event),
      ...extra,
    });
  let flaky = 0;
  let limited = 0;

  beforeAll(async () => {
    foreign = await startStandIn({
      '/internal-admin': json({ secret: true }),
      '/landing': json({ landed: true }),
    });
    upstream = await startStandIn({
      '/ok': json({ ok: true }),
      '/slow': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 1000));
        res.end('{}');
      },
      '/flaky': (_req, res) => {
        flaky++;
        if (flaky < 3) res.writeHead(500).end('oops');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}');
      },
      '/always500': text('broken', 500),
      '/limited': (_req, res) => {
        limited++;
        if (limited === 1) res.writeHead(429, { 'retry-after': '1' }).end();
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"after":"wait"}');
      },
      '/limited-long': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
      '/malformed': text('{"a":', 200, 'application/json'),
      '/html': text('<!DOCTYPE html><html><body>Sorry</body></html>'),
      '/empty': text('', 200, 'application/json'),
      '/big': text('x'.repeat(20_000), 200, 'text/plain'),
      '/missing': text('nope', 404, 'text/plain'),
      '/redirect-out': (_req, res) =>
        res.writeHead(302, { location: `${foreign.url}/internal-admin` }).end(),
      '/redirect-in': (_req, res) => res.writeHead(301, { location: '/ok' }).end(),
      '/redirect-other-allowed': (_req, res) =>
        res.writeHead(302, { location: `${foreign.url}/landing` }).end(),
      '/redirect-loop': (_req, res) => res.writeHead(302, { location: '/redirect-loop' }).end(),
      '/see-other': (_req, res) => res.writeHead(303, { location: '/ok' }).end(),
      '/quick': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 150));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"quick":true}');
      },
    });
  });
  afterAll(async () => {
    await upstream.close();
    await foreign.close();
  });

  it('sends the User-Agent and returns parsed JSON', async () => {
    const response = await client().request({
      provider: 'test',
      url: `${upstream.url}/ok`,
      expect: 'json',
    });
    expect(response.data).toEqual({ ok: true });
    expect(upstream.requests.at(-1)?.headers['user-agent']).toBe(
      'Liner/0 ( https://example.org/liner )',
    );
  });

  it('refuses hosts the provider did not declare, before any request', async () => {
    const before = upstream.requests.length;
    await expect(
      client().request({ provider: 'test', url: 'https://evil.example/steal' }),
    ).rejects.toMatchObject({
      kind: 'host-not-allowed',
      provider: 'test',
    });
    await expect(
      client().request({ provider: 'other', url: `${upstream.url}/ok` }),
    ).rejects.toMatchObject({ kind: 'host-not-allowed' });
    await expect(
      client().request({ provider: 'test', url: 'file:///etc/passwd' }),
    ).rejects.toMatchObject({ kind: 'host-not-allowed' });
    expect(upstream.requests.length).toBe(before);
  });

  it('times out, retries, and reports the time-out', async () => {
    const before = upstream.requests.length;
    await expect(
      client().request({ provider: 'test', url: `${upstream.url}/slow` }),
    ).rejects.toMatchObject({ kind: 'timeout' });
    expect(upstream.requests.length - before).toBe(3);
  });

  it('retries 5xx until it succeeds, and gives up with the status after the retries', async () => {
    const response = await client().request({
      provider: 'test',
      url: `${upstream.url}/flaky`,
      expect: 'json',
    });
    expect(response.data).toEqual({ ok: 1 });
    expect(flaky).toBe(3);
    await expect(
      client().request({ provider: 'test', url: `${upstream.url}/always500` }),
    ).rejects.toMatchObject({ kind: 'status', status: 500 });
  });

  it('honours Retry-After on 429 within the bound, and gives up beyond it', async () => {
    const started = Date.now();
    const response = await client().request({
      provider: 'test',
      url: `${upstream.url}/limited`,
      expect: 'json',
    });
    expect(response.data).toEqual({ after: 'wait' });
    const gap = upstream.requests.filter((r) => r.path === '/limited');
    expect(gap[1]!.at - gap[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const count = () => upstream.requests.filter((r) => r.path === '/limited-long').length;
    await expect(
      client().request({ provider: 'test', url: `${upstream.url}/limited-long` }),
    ).rejects.toMatchObject({
      kind: 'rate-limited',
      status: 429,
    });
    expect(count()).toBe(1);
  });

  it('names malformed JSON, HTML instead of JSON, and empty bodies', async () => {
    const c = client();
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/malformed`, expect: 'json' }),
    ).rejects.toThrow(/malformed JSON/);
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/html`, expect: 'json' }),
    ).rejects.toThrow(/expected JSON but got an HTML page/);
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/empty`, expect: 'json' }),
    ).rejects.toThrow(/empty/);
  });

  it('limits body size, does not retry 404, and keeps redirects inside the allow-list', async () => {
    const c = client();
    await expect(c.request({ provider: 'test', url: `${upstream.url}/big` })).rejects.toMatchObject(
      { kind: 'too-large' },
    );
    const before = upstream.requests.length;
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/missing` }),
    ).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    expect(upstream.requests.length - before).toBe(1);
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/redirect-out` }),
    ).rejects.toMatchObject({ kind: 'host-not-allowed' });
    // The foreign host never hears of the request: the hop is checked before it is made.
    expect(foreign.requests).toEqual([]);
    const followed = await c.request({
      provider: 'test',
      url: `${upstream.url}/redirect-in`,
      expect: 'json',
    });
    expect(followed.data).toEqual({ ok: true });
    // To another allowed host the request goes on, but without the credentials meant for this one.
    const twoHosts = client({
      allowedHosts: new Map([['test', [upstream.host, foreign.host]]]),
    });
    const landed = await twoHosts.request({
      provider: 'test',
      url: `${upstream.url}/redirect-other-allowed`,
      headers: { authorization: 'Bearer not-for-you', accept: 'application/json' },
      expect: 'json',
    });
    expect(landed.data).toEqual({ landed: true });
    expect(foreign.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(foreign.requests.at(-1)?.headers.accept).toBe('application/json');
    await expect(
      c.request({ provider: 'test', url: `${upstream.url}/redirect-loop` }),
    ).rejects.toThrow(/more than 5 redirects/);
    // 303 turns a POST into a GET without its body.
    const seeOther = await c.request({
      provider: 'test',
      url: `${upstream.url}/see-other`,
      method: 'POST',
      body: '{"q":1}',
      expect: 'json',
    });
    expect(seeOther.data).toEqual({ ok: true });
    expect(upstream.requests.at(-1)).toMatchObject({ method: 'GET', path: '/ok', body: '' });
    expect(events.some((e) => e.outcome === 'error' && e.errorKind === 'too-large')).toBe(true);
  });

  it('starts the time-out when a request is sent, not while it waits for its host budget', async () => {
    // Two at a time, 300 ms time-out, 150 ms answers: the last of six waits ~450 ms in the queue.
    const c = client({
      retries: 0,
      rateLimits: [{ host: upstream.host, requests: 2, perMs: 1, concurrency: 2 }],
    });
    const answers = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        c.request({ provider: 'test', url: `${upstream.url}/quick`, expect: 'json' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill('fulfilled'));
  });

  it('records bodies to a directory and replays them without the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-record-'));
    const url = `${upstream.url}/ok`;
    await client({ recordDir: dir }).request({ provider: 'test', url, expect: 'json' });
    const file = join(dir, 'http!', upstream.host.replace(':', '!'), 'ok');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ok: true });
    const offline = client({
      replayDir: dir,
      fetch: () => Promise.reject(new Error('network used')),
    });
    expect((await offline.request({ provider: 'test', url, expect: 'json' })).data).toEqual({
      ok: true,
    });
    const miss = offline.request({ provider: 'test', url: `${upstream.url}/never` });
    await expect(miss).rejects.toBeInstanceOf(UpstreamError);
    await expect(miss).rejects.toThrow(/^not recorded: /);
  });

  it('records a definite refusal with its status, so the replay refuses the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-record-'));
    const recorder = client({ recordDir: dir, retries: 0 });
    const missing = `${upstream.url}/missing`;
    await expect(recorder.request({ provider: 'test', url: missing })).rejects.toMatchObject({
      kind: 'not-found',
    });
    // A 5xx or 429 is the moment's weather: not recorded.
    await expect(
      recorder.request({ provider: 'test', url: `${upstream.url}/always500` }),
    ).rejects.toMatchObject({ status: 500 });
    const folder = join(dir, 'http!', upstream.host.replace(':', '!'));
    expect(readFileSync(join(folder, 'missing'), 'utf8')).toBe('nope');
    expect(readFileSync(join(folder, 'missing.status'), 'utf8').trim()).toBe('404');
    expect(existsSync(join(folder, 'always500'))).toBe(false);
    const offline = client({
      replayDir: dir,
      fetch: () => Promise.reject(new Error('network used')),
    });
    await expect(offline.request({ provider: 'test', url: missing })).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    // Recorded again as found, the status sidecar goes.
    recordResponse(dir, missing, '{"found":true}');
    expect(existsSync(join(folder, 'missing.status'))).toBe(false);
  });

  it('stores responses through the injected store and passes gates before each attempt', async () => {
    const stored: string[] = [];
    const order: string[] = [];
    const c = client({
      store: async (r) => {
        stored.push(r.url);
        return 7;
      },
      gates: [
        {
          provider: 'test',
          acquire: async () => void order.push('gate'),
          observe: (s) => void order.push(`status ${s}`),
        },
      ],
    });
    const response = await c.request({
      provider: 'test',
      url: `${upstream.url}/ok`,
      expect: 'json',
    });
    expect(response.responseId).toBe(7);
    expect(stored).toEqual([`${upstream.url}/ok`]);
    expect(order).toEqual(['gate', 'status 200']);
    await c.request({ provider: 'test', url: `${upstream.url}/ok`, secret: true });
    expect(stored).toHaveLength(1);
  });

  it("notes a look-up's stored responses in its context, and its deadline cancels what is left", async () => {
    let id = 0;
    const c = client({ store: async () => ++id });
    const lookup = createLookupContext(AbortSignal.timeout(100));
    const bound = c.forLookup(lookup);
    await bound.request({ provider: 'test', url: `${upstream.url}/ok`, expect: 'json' });
    // A request of no look-up is stored but noted nowhere.
    await c.request({ provider: 'test', url: `${upstream.url}/ok`, expect: 'json' });
    expect(lookup.responseIds).toEqual([1]);
    const late = await bound
      .request({ provider: 'test', url: `${upstream.url}/slow` })
      .catch((e: unknown) => e);
    expect(late).toBeInstanceOf(UpstreamError);
    expect((late as UpstreamError).message).toBe(
      "test: cancelled, the look-up's time for this provider was up",
    );
    // Past the deadline nothing is sent: the request is refused before it reaches the host.
    const before = upstream.requests.length;
    await expect(bound.request({ provider: 'test', url: `${upstream.url}/ok` })).rejects.toThrow(
      /cancelled/,
    );
    expect(upstream.requests.length).toBe(before);
  });
});
