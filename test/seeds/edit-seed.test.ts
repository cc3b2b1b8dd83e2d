/**
 * The edit seed of "Compare with stores" on the real server: it adds the store links
 * MusicBrainz lacks and, when MusicBrainz's release has no barcode, the one the stores agree on;
 * when MusicBrainz already has everything there is no edit seed to post at all.
 */
import { validateSeed } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';
import type { StandIn } from '../support/stand-in.ts';
import {
  startStoreStandIns,
  storeStandInEnv,
  TWO_SIDES_BANDCAMP,
  twoSidesRelease,
} from '../support/store-stand-ins.ts';

const NO_BARCODE = '4d2e1b63-8e5f-4c9b-8a32-7f6e5d4c3b21';
const COMPLETE = '4d2e1b63-8e5f-4c9b-8a32-7f6e5d4c3b22';
const TYPO = '4d2e1b63-8e5f-4c9b-8a32-7f6e5d4c3b23';
const NONE = '4d2e1b63-8e5f-4c9b-8a32-7f6e5d4c3b24';
const DEEZER = 'https://www.deezer.com/album/100001';

describe('the edit seed of a comparison', () => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    upstream = await startStoreStandIns({
      releases: {
        [NO_BARCODE]: twoSidesRelease(NO_BARCODE),
        // A barcode with a typo: not a valid GTIN, but MusicBrainz does hold one.
        [TYPO]: twoSidesRelease(TYPO, { barcode: '192758000018' }),
        // An editor ticked "this release has no barcode": MusicBrainz answers "".
        [NONE]: twoSidesRelease(NONE, { barcode: '' }),
        // Everything the stores state is there already: links, barcode, packaging, the
        // release events and the label.
        [COMPLETE]: twoSidesRelease(COMPLETE, {
          barcode: '192758000019',
          packaging: 'None',
          date: '2023-05-05',
          events: ['DE', 'GB', 'US'].map((country) => ({ date: '2023-05-05', country })),
          labels: [{ id: '5c2e1b63-8e5f-4c9b-8a32-7f6e5d4c3b99', name: 'Liner Test Records' }],
          links: [
            { url: TWO_SIDES_BANDCAMP, type: 'purchase for download' },
            { url: DEEZER, type: 'free streaming' },
          ],
        }),
      },
    });
    running = await startTestServer({
      database,
      env: storeStandInEnv(upstream, 'deezer,bandcamp,musicbrainz'),
    });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  it('adds the barcode the stores agree on when MusicBrainz has none, after the links', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: NO_BARCODE });
    expect(comparison.barcode).toEqual({ stores: '192758000019' });
    const seed = comparison.editSeed!;
    expect(seed.fields.filter(([name]) => name === 'barcode')).toEqual([
      ['barcode', '192758000019'],
    ]);
    const names = seed.fields.map(([name]) => name);
    expect(names.indexOf('barcode')).toBeGreaterThan(names.lastIndexOf('urls.0.link_type'));
    expect(seed.fields).toContainEqual(['urls.0.url', DEEZER]);
    expect(seed.problems).toEqual([]);
    expect(validateSeed(seed, { existing: NO_BARCODE })).toEqual([]);
  });

  it('has no edit seed when MusicBrainz already has every link, the barcode and every field', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: COMPLETE });
    expect(comparison.missingLinks).toEqual([]);
    expect(comparison.missingFields).toEqual([]);
    expect(comparison.barcode).toMatchObject({ musicbrainz: '192758000019', agrees: true });
    expect(comparison.editSeed).toBeUndefined();
  });

  it('does not take an invalid barcode on MusicBrainz for none: shown as differing, not replaced', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: TYPO });
    expect(comparison.barcode).toEqual({
      musicbrainz: '192758000018',
      stores: '192758000019',
      agrees: false,
    });
    expect(comparison.editSeed!.fields.some(([name]) => name === 'barcode')).toBe(false);
    expect(comparison.editSeed!.fields).toContainEqual(['urls.0.url', DEEZER]);
  });

  it('leaves MusicBrainz\'s "no barcode" alone, and says why the stores\' is not offered', async () => {
    const comparison = await apiClient(running.url).musicbrainz.compare.query({ mbid: NONE });
    expect(comparison.editSeed!.fields.some(([name]) => name === 'barcode')).toBe(false);
    expect(comparison.editSeed!.fields).toContainEqual(['urls.0.url', DEEZER]);
    expect(comparison.messages.map((m) => m.text)).toContainEqual(
      expect.stringMatching(
        /^MusicBrainz says this release has no barcode and the stores give 192758000019/,
      ),
    );
  });
});
