/**
 * `liner discography <artist url> --missing --json`, as a user runs it, against stand-ins of a
 * store (hand-written listing answers, two pages) and of MusicBrainz: the releases MusicBrainz
 * lacks, in no more MusicBrainz requests than ceil(URLs / 100) + 1. Every store's listing is
 * tested the same way in-process (test/services/discography.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discographySchema } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLiner } from '../support/cli.ts';
import {
  ARTIST_MBID,
  type DiscographyStandIn,
  startDiscographyStandIn,
} from '../support/discography-stand-in.ts';

describe('liner discography', () => {
  let stand: DiscographyStandIn;
  let dataDir: string;

  beforeAll(async () => {
    stand = await startDiscographyStandIn();
    dataDir = mkdtempSync(join(tmpdir(), 'liner-discography-'));
  });
  afterAll(async () => {
    await stand?.upstream.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the releases of an artist that MusicBrainz lacks as JSON', async () => {
    const listing = stand.listings.get('deezer')!;
    const run = await runLiner(
      ['discography', listing.artistUrl, '--missing', '--json'],
      { ...stand.env('deezer'), LINER_DATA_DIR: dataDir, LINER_DATABASE__EMBEDDED: 'pglite' },
      150_000,
    );
    expect(run.stderr).not.toMatch(/"level":(50|60)/);
    expect(run.code, run.stderr).toBe(0);
    const answer = discographySchema.parse(JSON.parse(run.stdout));
    expect(answer.artist).toMatchObject({ name: 'Ada Lane', mbid: ARTIST_MBID });
    // All but the linked release, the release group's, and the one titled like a group.
    expect(answer.releases.map((r) => r.url)).toEqual(listing.releaseUrls.slice(3));
    expect(answer.releases.every((r) => r.state === 'missing')).toBe(true);
    const mb = stand.upstream.requests.filter((r) => r.path.startsWith('/mb/'));
    expect(answer.musicbrainzRequests).toBe(mb.length);
    expect(mb.length).toBeLessThanOrEqual(Math.ceil((listing.releaseUrls.length + 1) / 100) + 1);
  }, 180_000);

  it('refuses a page that is no artist page, in words, before starting', async () => {
    const mora = await runLiner([
      'discography',
      'https://mora.jp/package/43000006/00602488058599/',
    ]);
    expect(mora.code).toBe(2);
    expect(mora.stderr).toContain('is a mora release page, not an artist page');
  });
});
