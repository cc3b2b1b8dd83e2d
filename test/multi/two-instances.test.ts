/**
 * Two `liner serve` processes on one PostgreSQL: they share the cache and the permalinks, make one
 * upstream request set for the same look-up, write no duplicate rows, and together stay within
 * MusicBrainz's 1 request per second. Needs TEST_DATABASE_URL (CI always sets it).
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { musicBrainzRecordingRoute } from '../support/musicbrainz-recordings.ts';
import { apiClient } from '../support/server.ts';
import { postgresAvailable } from '../support/skip.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import { DEEZER_FIXTURES, musicBrainzUrlRoute, replayRoute } from '../support/stand-ins.ts';

const baseUrl = process.env.TEST_DATABASE_URL;
const DEEZER = 'https://www.deezer.com/album/100001';

describe.skipIf(!postgresAvailable('two server processes on one PostgreSQL'))(
  'two server processes on one PostgreSQL',
  { timeout: 90_000 },
  () => {
    let upstream: StandIn;
    let servers: ServerProcess[] = [];
    let url: string;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const created = await createPostgresDatabase(baseUrl!, false);
      await created.handle.close();
      url = created.url;
      drop = created.drop;
      upstream = await startStandIn();
      const deezer = replayRoute('/deezer', 'https://api.deezer.com', DEEZER_FIXTURES);
      const mb = musicBrainzUrlRoute({
        [DEEZER]: [['release', '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f']],
      });
      const recordings = musicBrainzRecordingRoute([]);
      upstream.route('*', async (req, res) => {
        // A little latency so that concurrent requests really overlap.
        await new Promise((r) => setTimeout(r, 30));
        if (req.path.startsWith('/mb/ws/2/recording')) return recordings(req, res);
        return req.path.startsWith('/deezer/') ? deezer(req, res) : mb(req, res);
      });
      const env = {
        DATABASE_URL: url,
        LINER_PROVIDERS: 'deezer',
        LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
        LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
        LINER_HTTP_RETRIES: '0',
      };
      // Started together: they also race to apply the migrations.
      servers = await Promise.all([spawnServer([], env), spawnServer([], env)]);
    });
    afterAll(async () => {
      for (const server of servers) expect(await server.stop()).toBe(0);
      await upstream?.close();
      await drop?.();
    });

    const mbRequests = () => upstream.requests.filter((r) => r.path.startsWith('/mb/'));
    const deezerRequests = () => upstream.requests.filter((r) => r.path.startsWith('/deezer/'));

    it('shares one upstream request set and the permalinks, with no duplicate rows', async () => {
      const [a, b] = servers.map((s) => apiClient(s.url));
      const results = await Promise.all([
        a!.lookup.release.mutate({ urls: [DEEZER] }),
        b!.lookup.release.mutate({ urls: [DEEZER] }),
        a!.lookup.release.mutate({ urls: [DEEZER] }),
        b!.lookup.release.mutate({ urls: [DEEZER] }),
      ]);
      expect(deezerRequests()).toHaveLength(4);
      // One URL look-up and one search for the three ISRCs, for both instances.
      expect(
        mbRequests()
          .map((r) => r.path.split('?')[0])
          .sort(),
      ).toEqual(['/mb/ws/2/recording', '/mb/ws/2/url']);
      expect(new Set(results.map((r) => JSON.stringify(r.release))).size).toBe(1);
      // A permalink made on one instance opens on the other.
      expect(await b!.lookup.get.query({ id: results[0]!.id })).toEqual(results[0]);

      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const releases =
          await sql`select provider, lookup_key, count(*)::int as n from provider_releases group by 1, 2`;
        expect(releases.every((row) => row.n === 1)).toBe(true);
        const responses =
          await sql`select url, count(*)::int as n from provider_responses group by url having count(*) > 1`;
        expect(responses).toHaveLength(0);
        const lookups = await sql`select count(*)::int as n from lookups`;
        expect(lookups[0]!.n).toBe(4);
        // Both count their store requests in one budget: the stand-in's Deezer rule has a window.
        const windows = await sql`select used from rate_windows where name like 'host:127.0.0.1%'`;
        expect(windows.length).toBeGreaterThan(0);
        expect(windows.every((row) => row.used > 0)).toBe(true);
      } finally {
        await sql.end();
      }
    });

    it('keeps MusicBrainz to one request per interval across both instances, batches shared', async () => {
      const before = mbRequests().length;
      const clients = servers.map((s) => apiClient(s.url));
      // 132 distinct albums at once from both instances, each asked in 3 forms (https, http,
      // trailing slash): 396 URLs, so 4 batches of up to 100, one per slot.
      const checks = Array.from({ length: 4 }, (_, i) =>
        clients[i % 2]!.musicbrainz.checkUrls.query({
          urls: Array.from(
            { length: 33 },
            (_, j) => `https://www.deezer.com/album/${9000 + i * 100 + j}`,
          ),
        }),
      );
      const answers = await Promise.all(checks);
      expect(answers.flat().every((a) => a.status === 'not-linked')).toBe(true);
      const times = mbRequests()
        .slice(before)
        .map((r) => r.at)
        .sort((x, y) => x - y);
      expect(times).toHaveLength(4);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // Requests go one interval apart (1.1 s) from their sending. Arrival times carry the loaded
      // machine's delivery jitter, so no single gap is held to the interval: none is a burst, and
      // the three span at least 3 s.
      for (const gap of gaps) expect(gap).toBeGreaterThan(500);
      expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3000);
    });
  },
);
