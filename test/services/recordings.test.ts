/**
 * Recordings by ISRC on the real wiring (app, HTTP layer, MusicBrainz budget, repositories)
 * against a stand-in MusicBrainz that knows some of the release's ISRCs (a hand-written table)
 * and refuses, as musicbrainz.org does, any request less than a second after the one before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { ISRC_BATCH } from '../../server/src/musicbrainz/recording-search.ts';
import { importedPage } from '../../server/src/pages/imported-page.tsx';
import { testDatabases } from '../support/databases.ts';
import type { StandInRecording } from '../support/musicbrainz-recordings.ts';
import { testConfig } from '../support/providers.ts';
import type { StandIn } from '../support/stand-in.ts';
import { ALPHA_MBID, startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';

const DEEZER = 'https://www.deezer.com/album/100001';
const GROUP = '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4';
const OLD_RELEASE = '6b1d2f3e-4a5c-4b6d-8e7f-8091a2b3c4d5';
const alpha = { id: ALPHA_MBID, name: 'Alpha' };
const onTheAlbum = [
  { id: OLD_RELEASE, title: 'Two Sides', group: { id: GROUP, title: 'Two Sides' } },
];
const rec = (n: number) => `0c0c0c0c-0000-4000-8000-00000000000${n}`;

/** Deezer's "Two Sides": Opening 3:21 GBAAA2300001, Duet (feat. Beta & Gamma) 3:05 …02, Reprise 1:39 …03. */
const RECORDINGS: StandInRecording[] = [
  {
    id: rec(1),
    title: 'Opening',
    lengthMs: 201_400,
    isrcs: ['GBAAA2300001'],
    artist: alpha,
    releases: onTheAlbum,
  },
  // The featured artists are in MusicBrainz's credit, not its title.
  {
    id: rec(2),
    title: 'Duet',
    lengthMs: 184_000,
    isrcs: ['GBAAA2300002'],
    artist: alpha,
    releases: onTheAlbum,
  },
  // The same ISRC on a live recording: too long, not chosen.
  {
    id: rec(3),
    title: 'Duet (live)',
    lengthMs: 242_000,
    isrcs: ['GBAAA2300002'],
    artist: alpha,
    releases: [],
  },
  // Half a minute longer: another edit of the track, not this one.
  {
    id: rec(4),
    title: 'Reprise',
    lengthMs: 130_000,
    isrcs: ['GBAAA2300003'],
    artist: alpha,
    releases: onTheAlbum,
  },
];

describe.each(testDatabases())('recordings by ISRC on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let app: App;
  const musicBrainz = () => upstream.requests.filter((r) => r.path.startsWith('/mb/'));

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns({
      linked: {
        'https://www.deezer.com/artist/1': [['artist', ALPHA_MBID]],
        // Opening's Deezer page is linked to its recording already.
        'https://www.deezer.com/track/11': [['recording', rec(1)]],
      },
      recordings: RECORDINGS,
      musicBrainzGapMs: 1000,
    });
    // MusicBrainz's own pace: the default interval, not the tests' quick one.
    const config = testConfig({
      ...storeStandInEnv(upstream, 'deezer'),
      LINER_MUSICBRAINZ_REQUEST_INTERVAL: '1100ms',
      // One retry, as a deployment has (more): on a loaded machine a kept-alive connection the
      // stand-in closes as the next request reuses it is cut off. A request refused with 503
      // would still show, as a second request of its kind and a gap under a second.
      LINER_HTTP_RETRIES: '1',
    });
    app = await createApp({ config, logger: silentLogger(), database });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
    await database.close();
  });

  it('seeds the recordings that fit, none that do not, in one search within the budget', async () => {
    const result = await app.services.lookup.lookup({ urls: [DEEZER] });
    const tracks = result.release!.media.flatMap((m) => m.tracks);
    expect(tracks.map((t) => t.recordingMbid)).toEqual([rec(1), rec(2), undefined]);
    expect(result.sources['media.0.tracks.0.recordingMbid']).toBe('musicbrainz');
    expect(result.recordings?.map((r) => [r.position, r.matched, r.mbid])).toEqual([
      [1, true, rec(1)],
      [2, true, rec(2)],
      [1, false, undefined],
    ]);
    expect(result.recordings?.[1]?.reason).toMatch(/chosen among 2/);
    expect(result.recordings?.[2]?.reason).toMatch(/1:39.*31 s|31 s.*1:39/);

    // First, so that a failure names what went wrong: a failed or late MusicBrainz part is said.
    expect(result.messages.filter((m) => m.level !== 'info')).toEqual([]);
    const sent = musicBrainz();
    const searches = sent.filter((r) => r.path.startsWith('/mb/ws/2/recording'));
    const urls = sent.filter((r) => r.path.startsWith('/mb/ws/2/url'));
    expect(searches).toHaveLength(Math.ceil(3 / ISRC_BATCH));
    expect(decodeURIComponent(searches[0]!.path)).toContain(
      'query=isrc:GBAAA2300001 OR isrc:GBAAA2300002 OR isrc:GBAAA2300003',
    );
    expect(urls).toHaveLength(1);
    expect(result.cost?.musicbrainzRequests).toBe(sent.length);
    // Never two within a second: the stand-in would have refused one with 503.
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('seeds the release group the matched recordings are on, and no type', async () => {
    const result = await app.services.lookup.lookup({ urls: [DEEZER] });
    expect(result.release?.releaseGroupMbid).toBe(GROUP);
    expect(result.releaseGroup).toMatchObject({ mbid: GROUP, title: 'Two Sides' });
    expect(result.releaseGroup?.reason).toMatch(/2 of the 2 recordings/);
    const seed = await app.services.seeds.seed(result);
    const names = seed.fields.map(([name]) => name);
    expect(seed.fields).toContainEqual(['release_group', GROUP]);
    expect(names).not.toContain('type');
    expect(seed.fields).toContainEqual(['mediums.0.track.0.recording', rec(1)]);
    expect(seed.fields).toContainEqual(['mediums.0.track.1.recording', rec(2)]);
    expect(names).not.toContain('mediums.1.track.0.recording');
    expect(seed.problems).toEqual([]);
  });

  it('answers the ISRCs from the database the next time, with no search', async () => {
    const before = musicBrainz().length;
    const result = await app.services.lookup.lookup({ urls: [DEEZER], regions: ['US'] });
    expect(result.recordings?.filter((r) => r.matched)).toHaveLength(2);
    expect(musicBrainz().length).toBe(before);
  });

  it("offers each matched recording, after the import, the stores' track pages MusicBrainz does not link to it", async () => {
    const result = await app.services.lookup.lookup({ urls: [DEEZER] });
    const imported = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d99';
    const actions = await app.services.seeds.followUps(result, imported);
    // Opening's page is linked to its recording; Reprise matched no recording.
    expect(actions.recordingLinks.map((row) => [row.mbid, row.links])).toEqual([
      [
        rec(2),
        [{ url: 'https://www.deezer.com/track/12', provider: 'deezer', types: ['free streaming'] }],
      ],
    ]);
    const edit = new URL(actions.recordingLinks[0]!.editUrl);
    expect(`${edit.origin}${edit.pathname}`).toBe(
      `https://musicbrainz.org/recording/${rec(2)}/edit`,
    );
    expect([...edit.searchParams].filter(([name]) => !name.endsWith('edit_note'))).toEqual([
      ['edit-recording.url.0.text', 'https://www.deezer.com/track/12'],
      ['edit-recording.url.0.link_type_id', '268'],
    ]);
    // The page lists it, and its stepper starts with it.
    const page = importedPage(result, actions, imported, 'https://musicbrainz.org');
    expect(page).toContain('Recording 1 of 1, Duet');
    expect(page).toContain(`href="${actions.recordingLinks[0]!.editUrl.replaceAll('&', '&amp;')}"`);
  });
});
