/**
 * The smaller faults a probe of the server found, each kept fixed: an oversized body gets a 413
 * the client reads, whatever the route; too many URLs is a 400; a password in a submitted URL
 * is neither stored nor echoed; a refused redirect names no configured host; a failure keeps
 * its cause under one provider name; /ready names no SQL; an unreachable DATABASE_URL at start
 * is one line.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { runLiner } from '../support/cli.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestServer } from '../support/server.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import { startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';

const [first] = testDatabases();
const MAX_BODY = 262_144;

/** Sends `size` bytes to `path` (with a length, or chunked) and reads the answer's status. */
function post(url: string, path: string, size: number, chunked = false) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const target = new URL(path, url);
    const req = request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(size) }),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let left = size;
    const write = () => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(chunk.length, left));
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('the smaller faults', { timeout: 60_000 }, () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let refused: StandIn;
  let running: RunningServer;

  beforeAll(async () => {
    database = await first!.open();
    upstream = await startStoreStandIns({
      override: (req, res) => {
        // A redirect off Deezer's own hosts, which the allow-list refuses.
        if (!req.path.startsWith('/deezer/album/77')) return false;
        res.writeHead(302, { location: 'https://evil.example/steal' }).end();
        return true;
      },
    });
    // Nothing listens behind this one once it is closed: connections are refused.
    refused = await startStandIn();
    await refused.close();
    running = await startTestServer({ database, env: storeStandInEnv(upstream, 'deezer') });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  const trpc = (path: string, body: unknown) =>
    fetch(`${running.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each([
    ['a look-up', '/trpc/lookup.release', false],
    ['a look-up, chunked', '/trpc/lookup.release', true],
    ['another procedure', '/trpc/seeds.build', false],
    ['a page', '/release/abc', false],
    ['no route', '/nowhere', false],
    ['no route, chunked', '/nowhere', true],
  ])(
    'answers 413 to a 50 MB body sent to %s, and the client reads it',
    async (_, path, chunked) => {
      const answer = await post(running.url, path, 50 * 1024 * 1024, chunked);
      expect(answer.status).toBe(413);
      expect(answer.body).toContain(`${MAX_BODY} bytes`);
    },
  );

  it('answers 400, not 413, to more URLs than a look-up takes', async () => {
    const urls = Array.from({ length: 11 }, (_, i) => `https://www.deezer.com/album/${i + 1}`);
    const response = await trpc('lookup.release', { urls });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('a look-up takes at most 10 URLs, got 11');
  });

  it('neither stores nor echoes a password inside a submitted store URL', async () => {
    const response = await trpc('lookup.release', {
      urls: ['https://someone:s3cret-pw@www.deezer.com/album/100001'],
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain('s3cret-pw');
    const { id } = JSON.parse(text).result.data;
    const stored = await running.app.repos.lookups.get(id);
    expect(JSON.stringify(stored)).not.toContain('s3cret-pw');
    expect(JSON.stringify(stored)).not.toContain('someone');
    const permalink = await fetch(`${running.url}/trpc/lookup.get?input=${JSON.stringify({ id })}`);
    expect(await permalink.text()).not.toContain('s3cret-pw');
  });

  it('refuses a redirect off the store without naming the hosts it may fetch', async () => {
    const response = await trpc('lookup.release', { urls: ['https://www.deezer.com/album/77'] });
    const text = await response.text();
    expect(text).toContain('evil.example');
    expect(text).not.toContain('api.deezer.com');
    expect(text).not.toContain(upstream.host);
  });

  it('says a refused connection once under the provider name, its cause kept', async () => {
    const other = await startTestServer({
      database,
      env: {
        ...storeStandInEnv(upstream, 'deezer'),
        LINER_PROVIDERS__DEEZER__BASE_URL: refused.url,
      },
    });
    try {
      const response = await fetch(`${other.url}/trpc/lookup.release`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ urls: ['https://www.deezer.com/album/100002'] }),
      });
      const { result } = await response.json();
      const deezer = result.data.providers.find((p: { name: string }) => p.name === 'deezer');
      expect(deezer.error.message).toBe('Deezer did not answer: the connection was refused');
      expect(deezer.error.detail).toMatch(/^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
      expect(JSON.stringify(result.data)).not.toMatch(/deezer: deezer|Deezer: Deezer/i);
    } finally {
      await other.stop();
    }
  });

  it('keeps SQL out of /ready when the database is gone', async () => {
    const gone = await first!.open();
    await gone.close();
    const readiness = await gone.readiness();
    expect(readiness.ready).toBe(false);
    expect(readiness.reason).toMatch(/^database unreachable/);
    expect(readiness.reason).not.toMatch(/select|drizzle|migrations/i);
  });

  it('says an unreachable DATABASE_URL at start in one line, with no stack', async () => {
    const result = await runLiner(['serve', '--port', '0'], {
      DATABASE_URL: `postgres://liner@${refused.host}/liner`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'liner: the database cannot be reached (ECONNREFUSED): check database.url (DATABASE_URL) and that PostgreSQL runs there, or leave it unset for the embedded database',
    ]);
  });
});
