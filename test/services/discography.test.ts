/**
 * `discography.artist` for every store with a listing, through the API on a real database:
 * each release's state (linked release, release group only, missing), every page read, and no
 * more MusicBrainz requests than ceil(URLs / 100) + 1 (the URLs being the releases and the
 * artist page); the answers cached like the badges' (a second listing asks only the browse);
 * progress while it runs; the text the CLI prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiscography } from '../../server/src/cli/discography.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import {
  ARTIST_MBID,
  type DiscographyStandIn,
  GROUP_MBID,
  LISTING_STORES,
  RELEASE_MBID,
  startDiscographyStandIn,
  TITLED_GROUP,
} from '../support/discography-stand-in.ts';
import { apiClient, startTestServer } from '../support/server.ts';

describe.each(testDatabases())('artist discographies on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let stand: DiscographyStandIn;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await open();
    stand = await startDiscographyStandIn();
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await stand?.upstream.close();
    await database?.close();
  });

  it.each(LISTING_STORES)(
    'lists a %s artist with each release’s MusicBrainz state',
    async (store) => {
      const running = await startTestServer({ database, env: stand.env(store) });
      servers.push(running);
      const listing = stand.listings.get(store)!;
      const api = apiClient(running.url);
      const before = stand.upstream.requests.length;
      const answer = await api.discography.artist.query({
        url: listing.artistUrl,
        progressId: `test-${store}-1`,
      });
      expect(answer.artist).toMatchObject({ name: 'Ada Lane', mbid: ARTIST_MBID });
      expect(answer.releases.map((r) => r.url)).toEqual(listing.releaseUrls);
      expect(answer.releases.slice(0, 4).map((r) => [r.state, r.mbids])).toEqual([
        ['linked', [RELEASE_MBID]],
        ['release-group', [GROUP_MBID]],
        ['release-group', [TITLED_GROUP]],
        ['missing', []],
      ]);
      const mb = stand.upstream.requests.slice(before).filter((r) => r.path.startsWith('/mb/'));
      expect(answer.musicbrainzRequests).toBe(mb.length);
      expect(mb.length).toBeLessThanOrEqual(Math.ceil((listing.releaseUrls.length + 1) / 100) + 1);
      expect(await api.discography.progress.query({ progressId: `test-${store}-1` })).toEqual({
        phase: 'done',
        pages: answer.pages,
        releases: listing.releaseUrls.length,
      });
      // Asked again, MusicBrainz's answers about the URLs come from the database.
      const again = stand.upstream.requests.length;
      const second = await api.discography.artist.query({ url: listing.artistUrl });
      expect(second.releases).toEqual(answer.releases);
      const mbAgain = stand.upstream.requests.slice(again).filter((r) => r.path.startsWith('/mb/'));
      expect(mbAgain.map((r) => r.path.split('?')[0])).toEqual(['/mb/ws/2/release-group']);
    },
    120_000,
  );

  it('refuses what is not an artist page of a store with a listing, in words', async () => {
    const api = apiClient(servers[0]!.url);
    await expect(
      api.discography.artist.query({ url: 'https://www.deezer.com/album/1' }),
    ).rejects.toThrow('is a Deezer release page, not an artist page');
    await expect(
      api.discography.artist.query({ url: 'https://ototoy.jp/_/default/a/1' }),
    ).rejects.toThrow("Liner cannot list OTOTOY artists' releases");
    await expect(
      api.discography.artist.query({
        url: 'https://open.spotify.com/artist/AdaLaneArtist000000000',
      }),
    ).rejects.toThrow('Spotify is not enabled on this server');
    expect(await api.discography.progress.query({ progressId: 'never-started' })).toBeNull();
    // Progress is asked by the same kind of ID as a listing is started with (contracts.ts).
    await expect(api.discography.progress.query({ progressId: 'x/../y' })).rejects.toThrow(
      /a progress ID of 8-64 letters/,
    );
  });

  it('prints the listing as text, one line a release and its state', async () => {
    const api = apiClient(servers[0]!.url);
    const listing = stand.listings.get('deezer')!;
    const answer = await api.discography.artist.query({ url: listing.artistUrl });
    const text = formatDiscography(answer, false);
    expect(text.split('\n')[0]).toMatch(
      /^Ada Lane at deezer: 150 releases \(1 in MusicBrainz, 2 release group only, 147 not in MusicBrainz\), 2 pages, \d MusicBrainz requests$/,
    );
    expect(text).toContain('[in MusicBrainz] Song Book 0 (single, ');
    expect(text).toContain(`→ song book 2 ${TITLED_GROUP}`);
    expect(formatDiscography(answer, true)).not.toContain('[in MusicBrainz]');
  });
});
