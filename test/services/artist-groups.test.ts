/**
 * The release group through the resolved artist, on the real wiring: no recording of "Two
 * Sides" matches by ISRC (the stand-in MusicBrainz knows none), Alpha resolves from its Deezer
 * page, and Alpha's release groups (a hand-written table) hold the album, a single of the same
 * title and another album: the album is seeded, in one browse that the next look-up reuses and
 * a refresh asks again. On Bandcamp, which states no type, the group follows the guessed type and
 * is labelled a guess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { testDatabases } from '../support/databases.ts';
import { testConfig } from '../support/providers.ts';
import type { StandIn } from '../support/stand-in.ts';
import {
  ALPHA_MBID,
  startStoreStandIns,
  storeStandInEnv,
  TWO_SIDES_BANDCAMP,
} from '../support/store-stand-ins.ts';

const DEEZER = 'https://www.deezer.com/album/100001';
const ALBUM = '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c5';
const SINGLE = '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c6';
const OTHER = '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c7';

describe.each(testDatabases())(
  'the release group through the resolved artist on $kind',
  ({ open }) => {
    let database: DatabaseHandle;
    let upstream: StandIn;
    let app: App;
    const browses = () =>
      upstream.requests.filter((r) => r.path.startsWith('/mb/ws/2/release-group'));

    beforeAll(async () => {
      database = await open();
      upstream = await startStoreStandIns({
        linked: {
          'https://www.deezer.com/artist/1': [['artist', ALPHA_MBID]],
          'https://alpha.bandcamp.com/': [['artist', ALPHA_MBID]],
        },
        artistGroups: {
          [ALPHA_MBID]: [
            { id: SINGLE, title: 'Two Sides', type: 'Single' },
            { id: ALBUM, title: 'Two Sides', type: 'Album' },
            { id: OTHER, title: 'One Side', type: 'Album' },
          ],
        },
      });
      app = await createApp({
        config: testConfig(storeStandInEnv(upstream, 'deezer')),
        logger: silentLogger(),
        database,
      });
    });
    afterAll(async () => {
      await app.close();
      await upstream.close();
      await database.close();
    });

    it("seeds the artist's one release group with the release's title, credit and type, and says why", async () => {
      const result = await app.services.lookup.lookup({ urls: [DEEZER] });
      expect(result.recordings?.some((m) => m.matched)).toBe(false);
      expect(result.release?.artists[0]?.mbid).toBe(ALPHA_MBID);
      expect(result.release?.types[0]).toBe('Album');
      expect(result.release?.releaseGroupMbid).toBe(ALBUM);
      expect(result.releaseGroup?.reason).toMatch(
        /^no recording matched by ISRC, and it is the only one of the artist's 3 release groups/,
      );
      expect(result.sources.releaseGroupMbid).toBe('musicbrainz');
      const seed = await app.services.seeds.seed(result);
      expect(seed.fields).toContainEqual(['release_group', ALBUM]);
      expect(seed.fields.map(([name]) => name)).not.toContain('type');
      expect(browses()).toHaveLength(1);
      expect(browses()[0]!.path).toContain(`artist=${ALPHA_MBID}`);
    });

    it("reuses the artist's release groups, and asks again for a refresh", async () => {
      const bandcamp = await app.services.lookup.lookup({
        urls: [TWO_SIDES_BANDCAMP],
        providers: ['bandcamp'],
      });
      expect(bandcamp.release?.artists[0]?.mbid).toBe(ALPHA_MBID);
      expect(browses()).toHaveLength(1);
      // A group the editor has just added must be seen: a refresh does not reuse the browse.
      const again = await app.services.lookup.lookup({ urls: [DEEZER], refresh: true });
      expect(again.release?.releaseGroupMbid).toBe(ALBUM);
      expect(browses()).toHaveLength(2);
    });

    it('follows the guessed type where the store states none, and labels the choice a guess', async () => {
      const result = await app.services.lookup.lookup({
        urls: [TWO_SIDES_BANDCAMP],
        providers: ['bandcamp'],
        refresh: true,
      });
      // Three tracks of about three minutes: Bandcamp states no type, Liner guesses a single.
      expect(result.release?.types[0]).toBe('Single');
      expect(result.sources['types.0']).toMatchObject({ guess: true });
      expect(result.release?.releaseGroupMbid).toBe(SINGLE);
      expect(result.releaseGroup?.reason).toMatch(
        /type \(Single, as guessed: 3 track\(s\) under 10 min/,
      );
      expect(result.sources.releaseGroupMbid).toEqual({
        guess: true,
        reason: result.releaseGroup?.reason,
      });
    });
  },
);
