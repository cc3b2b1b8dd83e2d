/**
 * "Compare with stores" on the real server (API, services, providers, HTTP layer, database):
 * a stand-in MusicBrainz holds a release with one store link and one of three ISRCs, the stores
 * (Deezer's fixtures, a Bandcamp page) know more, and the comparison lists exactly what
 * MusicBrainz lacks, at MusicBrainz's own track places.
 */
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';
import type { StandIn } from '../support/stand-in.ts';
import { bandcampPage } from '../support/stand-ins.ts';
import {
  startStoreStandIns,
  storeStandInEnv,
  twoSidesRelease,
} from '../support/store-stand-ins.ts';

const MBID = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a10';
const BUSY = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a11';
const ABSENT = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a12';
const NO_NOTES = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a13';
const NOTES = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a14';
const LATER = '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a15';
/** A Bandcamp album whose artist wrote credits: what the stores state for an annotation. */
const NOTES_PAGE = 'https://alpha.bandcamp.com/album/liner-notes';
const notesRelease = (id: string, annotation: string | null) => ({
  ...twoSidesRelease(id, { links: [{ url: NOTES_PAGE, type: 'purchase for download' }] }),
  title: 'Liner Notes',
  annotation,
});

/** One flat medium where the stores have two (2 + 1 tracks), and only the first ISRC. */
const RELEASE = twoSidesRelease(MBID, {
  barcode: '192758000019',
  media: [
    {
      tracks: [
        {
          title: 'Opening',
          isrc: 'GBAAA2300001',
          links: [{ url: 'https://www.deezer.com/track/11', type: 'free streaming' }],
        },
        // Lengths as the stores' (3:05 and 1:39): what pairs each recording with their track.
        { title: 'Duet', lengthMs: 185_000 },
        { title: 'Reprise', lengthMs: 99_000 },
      ],
    },
  ],
});

describe.each(testDatabases())('compare with stores on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;
  /** What the stand-in MusicBrainz holds, read at each request: a test may edit a release. */
  const releases = {
    [MBID]: RELEASE,
    [BUSY]: 503,
    [NO_NOTES]: notesRelease(NO_NOTES, null),
    [NOTES]: notesRelease(NOTES, 'Mastered by someone else [see the booklet].'),
    [LATER]: notesRelease(LATER, null),
  };

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns({
      releases,
      override(req, res) {
        if (req.path !== '/bandcamp/alpha/album/liner-notes') return false;
        const tracks = [{ title: 'Opening', duration: 201 }];
        const credits = 'Mixed by Beta [at home]\nMastered by Gamma';
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(bandcampPage({ artist: 'Alpha', title: 'Liner Notes', tracks, credits }));
        return true;
      },
    });
    running = await startTestServer({
      database,
      env: storeStandInEnv(upstream, 'deezer,bandcamp,musicbrainz'),
    });
  });
  afterAll(async () => {
    await running.stop();
    await upstream.close();
    await database.close();
  });

  it('lists the missing link and ISRCs, with a MagicISRC link and an edit seed for just those', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: MBID });
    expect(comparison.missingLinks).toEqual([
      { url: 'https://www.deezer.com/album/100001', provider: 'deezer', types: ['free streaming'] },
    ]);
    expect(comparison.missingIsrcs).toEqual([
      { medium: 1, position: 2, title: 'Duet', isrc: 'GBAAA2300002' },
      { medium: 1, position: 3, title: 'Reprise', isrc: 'GBAAA2300003' },
    ]);
    expect(comparison.differentIsrcs).toEqual([]);
    expect(comparison.barcode).toEqual({
      musicbrainz: '192758000019',
      stores: expect.any(String),
      agrees: true,
    });
    const magic = new URL(comparison.magicIsrcUrl!);
    expect([...magic.searchParams.keys()]).toEqual([
      'musicbrainzid',
      'isrc1-2',
      'isrc1-3',
      'edit-note',
    ]);
    expect(magic.searchParams.get('musicbrainzid')).toBe(MBID);
    expect(magic.searchParams.get('isrc1-3')).toBe('GBAAA2300003');
    const urls = comparison.editSeed?.fields.filter(([name]) => name.startsWith('urls.'));
    expect(urls).toEqual([
      ['urls.0.url', 'https://www.deezer.com/album/100001'],
      ['urls.0.link_type', '85'],
    ]);
    expect(comparison.editSeed?.url).toBe(`https://musicbrainz.org/release/${MBID}/edit`);
    expect(comparison.editSeed?.problems).toEqual([]);
  });

  it('offers an edit seed with every field MusicBrainz lacks and nothing it has', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: MBID });
    // MusicBrainz has the status (Official) and the barcode; it lacks these.
    expect(comparison.missingFields.map((row) => [row.field, row.value])).toEqual([
      ['packaging', 'None'],
      ['events', '2023-05-05 DE, GB, US'],
      ['labels', 'Liner Test Records'],
    ]);
    expect(comparison.disagreements).toEqual([]);
    const fields = comparison.editSeed!.fields;
    const names = fields.map(([name]) => name);
    expect(names).not.toContain('status');
    expect(names).not.toContain('barcode');
    // Exactly the listed rows: the missing link, then each field row's own seed fields.
    expect(fields.filter(([name]) => !['edit_note', 'redirect_uri'].includes(name))).toEqual([
      ['urls.0.url', 'https://www.deezer.com/album/100001'],
      ['urls.0.link_type', '85'],
      ...comparison.missingFields.flatMap((row) => row.seed),
    ]);
    expect(comparison.editSeed!.problems).toEqual([]);
  });

  it("offers each recording its stores' track pages that MusicBrainz does not link to it, with recording link types", async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: MBID });
    // MusicBrainz's recordings at their places, with the links each has.
    expect(comparison.musicbrainz.recordings.map((r) => [r.position, r.links])).toEqual([
      [1, ['https://www.deezer.com/track/11']],
      [2, []],
      [3, []],
    ]);
    const rows = comparison.recordingLinks.map((row) => {
      const url = new URL(row.editUrl);
      const pairs = [0, 1, 2, 3].flatMap((i) => {
        const text = url.searchParams.get(`edit-recording.url.${i}.text`);
        return text ? [[text, url.searchParams.get(`edit-recording.url.${i}.link_type_id`)]] : [];
      });
      expect(`${url.origin}${url.pathname}`).toBe(
        `https://musicbrainz.org/recording/${row.mbid}/edit`,
      );
      expect(row.mbid).toBe(comparison.musicbrainz.recordings[row.position - 1]!.mbid);
      return [row.title, pairs];
    });
    // Opening has its Deezer track already. Both stores stream for free (the stand-in Bandcamp
    // page sells no download): a recording's 268, never the release's 85.
    const streamed = (url: string) => [url, '268'];
    expect(rows).toEqual([
      ['Opening', [streamed('https://alpha.bandcamp.com/track/opening')]],
      [
        'Duet',
        [
          streamed('https://alpha.bandcamp.com/track/duet'),
          streamed('https://www.deezer.com/track/12'),
        ],
      ],
      [
        'Reprise',
        [
          streamed('https://alpha.bandcamp.com/track/reprise'),
          streamed('https://www.deezer.com/track/13'),
        ],
      ],
    ]);
    const bandcamp = comparison.lookup?.release?.externalLinks.find(
      (l) => l.provider === 'bandcamp',
    );
    expect(bandcamp?.types).toEqual(['free streaming']);
  });

  it("offers the stores' credits as the annotation only where MusicBrainz has none, and shows a different one", async () => {
    const api = apiClient(running.url);
    const none = await api.musicbrainz.compare.query({ mbid: NO_NOTES });
    const text =
      '=== Credits from Bandcamp ===\nMixed by Beta &#91;at home&#93;\nMastered by Gamma';
    expect(none.missingFields.filter((row) => row.field === 'annotation')).toEqual([
      { field: 'annotation', label: 'Annotation', value: text, seed: [['annotation', text]] },
    ]);
    expect(none.editSeed?.fields).toContainEqual(['annotation', text]);
    expect(none.editSeed?.problems).toEqual([]);
    // MusicBrainz has an annotation: a seed would replace it, so it is shown, never seeded.
    const held = await api.musicbrainz.compare.query({ mbid: NOTES });
    expect(held.missingFields.map((row) => row.field)).not.toContain('annotation');
    expect(held.disagreements.filter((row) => row.field === 'annotation')).toEqual([
      {
        field: 'annotation',
        label: 'Annotation',
        musicbrainz: 'Mastered by someone else [see the booklet].',
        stores: '=== Credits from Bandcamp === Mixed by Beta [at home] Mastered by Gamma',
      },
    ]);
    expect((held.editSeed?.fields ?? []).map(([name]) => name)).not.toContain('annotation');
    // The request asked for the annotation; without it nothing would be known, nor offered.
    const reads = upstream.requests.filter((r) => r.path.startsWith(`/mb/ws/2/release/${NOTES}`));
    expect(reads.at(-1)?.path).toMatch(/[?&]inc=[^&]*\bannotation\b/);
  });

  it('reads MusicBrainz again before offering the annotation on a cached read, and offers none an editor has since made unneeded', async () => {
    const api = apiClient(running.url);
    const reads = () =>
      upstream.requests.filter((r) => r.path.startsWith(`/mb/ws/2/release/${LATER}`)).length;
    const offered = (comparison: { missingFields: { field: string }[] }) =>
      comparison.missingFields.some((row) => row.field === 'annotation');
    // A first read is MusicBrainz's own: nothing to read again.
    expect(offered(await api.musicbrainz.compare.query({ mbid: LATER }))).toBe(true);
    expect(reads()).toBe(1);
    // From Liner's cache (up to 10 minutes old): read again, still none, offered.
    expect(offered(await api.musicbrainz.compare.query({ mbid: LATER }))).toBe(true);
    expect(reads()).toBe(2);
    // An editor wrote an annotation since: the seed would have replaced it.
    releases[LATER] = notesRelease(LATER, 'Written by an editor a minute ago.');
    const after = await api.musicbrainz.compare.query({ mbid: LATER });
    expect(reads()).toBe(3);
    expect(offered(after)).toBe(false);
    expect((after.editSeed?.fields ?? []).map(([name]) => name)).not.toContain('annotation');
    expect(after.disagreements.find((row) => row.field === 'annotation')?.musicbrainz).toBe(
      'Written by an editor a minute ago.',
    );
  });

  it('says which upstream failed and how: MusicBrainz slowing the server down, or no such release', async () => {
    const failure = (mbid: string) =>
      apiClient(running.url)
        .musicbrainz.compare.query({ mbid })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
    const busy = await failure(BUSY);
    expect(busy).toBeInstanceOf(TRPCClientError);
    expect((busy as TRPCClientError<never>).data).toMatchObject({
      code: 'BAD_GATEWAY',
      upstream: { provider: 'musicbrainz', kind: 'status', status: 503 },
    });
    const absent = await failure(ABSENT);
    expect((absent as TRPCClientError<never>).data).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { provider: 'musicbrainz', kind: 'not-found', status: 404 },
    });
  });
});
