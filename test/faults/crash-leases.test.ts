/**
 * A server killed with kill -9 while it fetches leaves its fetch leases behind. Restarted on the
 * same data (the same instance), it frees them at once; another instance on the database takes
 * them over once the dead one's heartbeat has stopped, not when lookup.fetchLease (2 minutes)
 * runs out. Re-look-ups of the interrupted releases answer within store latencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LookupResult } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { catalogueAlbumOf, deezerCatalogue } from '../support/deezer-catalogue.ts';
import { postgresAvailable } from '../support/skip.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import { musicBrainzUrlRoute } from '../support/stand-ins.ts';

const ALBUMS = [301, 302, 303, 304, 305, 306];
/** The stand-in store's latency once it answers. */
const LATENCY_MS = 50;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A Deezer that holds every request open while `hanging`, and answers after LATENCY_MS else. */
async function hangingDeezer() {
  const state = { hanging: true, held: [] as ServerResponse[] };
  const catalogue = deezerCatalogue('/deezer');
  const mb = musicBrainzUrlRoute({});
  const upstream = await startStandIn();
  upstream.route('*', async (req, res) => {
    if (!req.path.startsWith('/deezer/')) return mb(req, res);
    if (state.hanging) return void state.held.push(res);
    await new Promise((r) => setTimeout(r, LATENCY_MS));
    catalogue(req, res);
  });
  return { upstream, state };
}

function env(upstream: StandIn, extra: Record<string, string>): Record<string, string> {
  return {
    LINER_PROVIDERS: 'deezer',
    LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
    LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
    LINER_MUSICBRAINZ_REQUEST_INTERVAL: '20ms',
    LINER_HTTP_RETRIES: '0',
    ...extra,
  };
}

const lookup = (server: ServerProcess, album: number) =>
  fetch(`${server.url}/trpc/lookup.release`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ urls: [`https://www.deezer.com/album/${album}`] }),
  });

/** Starts the cold look-ups, waits until each holds its lease (its request reached Deezer). */
async function interrupted(server: ServerProcess, upstream: StandIn) {
  for (const album of ALBUMS) lookup(server, album).catch(() => {});
  const asked = () =>
    new Set(upstream.requests.map((r) => catalogueAlbumOf(r.path)).filter((n) => n !== undefined));
  for (let i = 0; i < 300 && asked().size < ALBUMS.length; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(asked().size).toBe(ALBUMS.length);
  expect(await server.stop('SIGKILL')).toBe(null);
}

/** Looks each album up again at once; each one's time in ms, and checks each is answered. */
async function relookups(server: ServerProcess, albums = ALBUMS): Promise<number[]> {
  return Promise.all(
    albums.map(async (album) => {
      const started = performance.now();
      const response = await lookup(server, album);
      const ms = performance.now() - started;
      const body = (await response.json()) as { result: { data: LookupResult } };
      const result = body.result.data;
      expect(result.release?.title).toBe(`Catalogue Release ${album}`);
      expect(result.providers.every((p) => !p.error)).toBe(true);
      return ms;
    }),
  );
}

describe('a server killed during cold look-ups', { timeout: 120_000 }, () => {
  let dataDir: string;
  let deezer: Awaited<ReturnType<typeof hangingDeezer>>;
  let restarted: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'liner-crash-'));
    deezer = await hangingDeezer();
  });
  afterAll(async () => {
    if (restarted) expect(await restarted.stop()).toBe(0);
    await deezer?.upstream.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarted on the same data and port, answers the interrupted releases at once', async () => {
    const port = String(await freePort());
    const settings = env(deezer.upstream, { LINER_DATA_DIR: dataDir });
    const first = await spawnServer(['--port', port], settings);
    await interrupted(first, deezer.upstream);
    deezer.state.hanging = false;
    for (const held of deezer.state.held) held.destroy();
    restarted = await spawnServer(['--port', port], settings);
    // Beside them, a release nobody asked before: what a cold look-up costs this new process.
    const [times, [control]] = await Promise.all([
      relookups(restarted),
      relookups(restarted, [399]),
    ]);
    console.info(
      `re-look-ups after kill -9 and restart: ${times.map(Math.round).join(', ')} ms; a new release beside them: ${Math.round(control!)} ms`,
    );
    // The dead process's leases had two minutes left; store latency here is 50 ms a request.
    expect(Math.max(...times)).toBeLessThan(30_000);
  });
});

describe.skipIf(!postgresAvailable('a killed instance beside a running one'))(
  'a killed instance beside a running one on PostgreSQL',
  { timeout: 120_000 },
  () => {
    let deezer: Awaited<ReturnType<typeof hangingDeezer>>;
    let survivor: ServerProcess | undefined;
    let drop: (() => Promise<void>) | undefined;

    afterAll(async () => {
      if (survivor) expect(await survivor.stop()).toBe(0);
      await deezer?.upstream.close();
      await drop?.();
    });

    it('has its leases taken over by the other instance once its heartbeat stops', async () => {
      const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!, false);
      await created.handle.close();
      drop = created.drop;
      deezer = await hangingDeezer();
      const settings = env(deezer.upstream, {
        DATABASE_URL: created.url,
        LINER_SERVER_HEARTBEAT: '500ms',
      });
      const [doomed, other] = await Promise.all([
        spawnServer([], settings),
        spawnServer([], settings),
      ]);
      survivor = other;
      await interrupted(doomed!, deezer.upstream);
      deezer.state.hanging = false;
      for (const held of deezer.state.held) held.destroy();
      const times = await relookups(survivor!);
      console.info(`re-look-ups on the surviving instance: ${times.map(Math.round).join(', ')} ms`);
      // Three missed beats of 500 ms, a second's wait between tries, then the store's latency.
      expect(Math.max(...times)).toBeLessThan(30_000);
    });
  },
);
