/**
 * 50 different cold look-ups at once against slow stand-ins: Deezer answers each request after
 * 300 ms within its declared 50 requests per 5 s, and MusicBrainz at its one request per 1.1 s.
 * Every answer goes out within the whole-look-up deadline (lookup.deadline) as the caller sees
 * it, and none fails: what had not arrived is said per provider, and fills the cache for the
 * next look-up; the status call says how many URLs wait for MusicBrainz while the burst runs.
 * The server runs as users run it (`liner serve`, its own process, the embedded default
 * database), so this client's work does not run on the server's event loop. Loopback only,
 * bounded in count and time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LookupResult } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../support/cli.ts';
import { deezerCatalogue } from '../support/deezer-catalogue.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import { musicBrainzUrlRoute } from '../support/stand-ins.ts';

const COUNT = 50;
const DEADLINE_MS = 12_000;
const LATENCY_MS = 300;
/**
 * The deadline counts from the request's arrival and covers the answer's write, less the time
 * to send it. What the server cannot count is the request's way in and the answer's way out on
 * loopback, and the lag of its event loop when the two cores are shared with other work (its
 * timers fire late): measured 0.3-0.75 s past the deadline at a load average of 9-14 with
 * another suite beside it, once 1.58 s at 17. So 3 s, a quarter of the deadline: this test runs
 * beside the others in CI, and a bound it meets only on a quiet machine would fail landings for
 * no fault of the server's. A look-up that waited for the burst, for the database or for its
 * write went further over (before: max 15.7-22.5 s); the deadline's own arithmetic is held
 * tightly by the unit tests of lookup-deadline.ts and the lookup service.
 */
const MARGIN_MS = 3_000;

describe('a burst of 50 cold look-ups', { timeout: 180_000 }, () => {
  let dataDir: string;
  let upstream: StandIn;
  let running: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'liner-burst-'));
    const catalogue = deezerCatalogue('/deezer');
    const mb = musicBrainzUrlRoute({});
    upstream = await startStandIn();
    upstream.route('*', async (req, res) => {
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      if (!catalogue(req, res)) mb(req, res);
    });
    running = await spawnServer([], {
      LINER_DATA_DIR: dataDir,
      LINER_PROVIDERS: 'deezer',
      LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
      LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
      LINER_HTTP_RETRIES: '0',
      LINER_LOOKUP_DEADLINE: `${DEADLINE_MS}ms`,
      LINER_SERVER_CLIENT_REQUESTS_PER_MINUTE: '10000',
    });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (album: number) => {
    const started = performance.now();
    const response = await fetch(`${running.url}/trpc/lookup.release`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [`https://www.deezer.com/album/${album}`] }),
    });
    const ms = performance.now() - started;
    const body = (await response.json()) as { result: { data: LookupResult } };
    return { status: response.status, ms, result: body.result.data };
  };

  it('answers every look-up within the deadline, none failed, what is missing said', async () => {
    const albums = Array.from({ length: COUNT }, (_, i) => 701 + i);
    const statuses: number[] = [];
    // Every half second from the start of the burst until the queue has been seen busy (the
    // look-ups reach MusicBrainz only after Deezer's limit lets their tracks through), at most
    // for the deadline and a little after it: the pending URLs are still being asked then.
    let answered = false;
    const watching = (async () => {
      const until = performance.now() + DEADLINE_MS + 5_000;
      while (performance.now() < until && !(answered && statuses.some((n) => n > 0))) {
        await new Promise((r) => setTimeout(r, 500));
        const response = await fetch(`${running.url}/trpc/lookup.queue`);
        const { result } = (await response.json()) as {
          result: { data: { musicbrainz: { queuedUrls: number }; lookupsRunning: number } };
        };
        statuses.push(result.data.musicbrainz.queuedUrls);
      }
    })();
    const answers = await Promise.all(albums.map(post));
    answered = true;
    await watching;
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    console.info(
      `50 cold look-ups: p50 ${Math.round(times[24]!)} ms, max ${Math.round(times[49]!)} ms; complete ${answers.filter((a) => a.result.release && !a.result.messages.some((m) => m.provider === 'musicbrainz' && m.level === 'warning')).length}; MusicBrainz URLs queued as seen by the status call: ${statuses.join(', ')}`,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS);
      const kinds = answer.result.providers.map((p) => p.error?.kind).filter(Boolean);
      expect(kinds.every((kind) => kind === 'pending')).toBe(true);
    }
    // The queue was seen from outside while the burst's URLs waited on MusicBrainz.
    expect(Math.max(...statuses)).toBeGreaterThan(0);
    // What was still pending went on filling the cache: asked again, every release is there.
    await new Promise((r) => setTimeout(r, 2000));
    const again = await Promise.all(albums.slice(0, 10).map(post));
    for (const answer of again) expect(answer.result.release?.title).toMatch(/^Catalogue Release/);
  });
});
