/**
 * What the artist's release groups finder keeps in this process: a `refresh` look-up asks
 * MusicBrainz again (a group the editor has just added must be seen) and its answer is kept for
 * the look-ups after it; a failed request that a newer one overtook does not drop the newer
 * answer. A stand-in MusicBrainz on 127.0.0.1 behind the real HTTP client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, type StandIn, startStandIn } from '../../../test/support/stand-in.ts';
import { createHttpClient } from '../http/client.ts';
import { type ArtistGroupFinder, createArtistGroupFinder } from './artist-groups.ts';

const ALPHA = '8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e';
const page = (title: string) => ({
  'release-group-count': 1,
  'release-groups': [{ id: 'g-1', title, 'primary-type': 'Album', 'artist-credit': [] }],
});

describe("the artist's release groups kept in this process", () => {
  let upstream: StandIn;
  let finder: ArtistGroupFinder;
  /** Each browse's answer in turn: a body, or a promise of a status to fail with. */
  let answers: (object | Promise<number>)[];

  beforeEach(async () => {
    answers = [];
    upstream = await startStandIn({
      '/ws/2/release-group': async (_req, res) => {
        const answer = answers.shift() ?? page('none left');
        if (answer instanceof Promise) res.writeHead(await answer).end('failed');
        else json(answer)(_req, res);
      },
    });
    const http = createHttpClient({
      allowedHosts: new Map([['musicbrainz', [upstream.host]]]),
      userAgent: 'test',
      timeoutMs: 5000,
      retries: 0,
      maxRetryAfterMs: 1000,
      maxResponseBytes: 1_000_000,
    });
    finder = createArtistGroupFinder({ http, apiUrl: upstream.url, ttlMs: 60_000 });
  });
  afterEach(() => upstream.close());

  it('asks again for a refresh, and keeps that answer for the look-ups after it', async () => {
    answers.push(page('Before'), page('Just added'));
    expect((await finder.groups(ALPHA)).groups[0]!.title).toBe('Before');
    expect((await finder.groups(ALPHA)).groups[0]!.title).toBe('Before');
    expect(upstream.requests).toHaveLength(1);
    expect((await finder.groups(ALPHA, { refresh: true })).groups[0]!.title).toBe('Just added');
    expect((await finder.groups(ALPHA)).groups[0]!.title).toBe('Just added');
    expect(upstream.requests).toHaveLength(2);
  });

  it('keeps a newer answer when an older request fails after it', async () => {
    let fail!: (status: number) => void;
    answers.push(new Promise<number>((resolve) => (fail = resolve)), page('Newer'));
    const older = finder.groups(ALPHA);
    const settled = older.then(
      () => 'answered',
      () => 'failed',
    );
    await expect.poll(() => upstream.requests.length).toBe(1);
    expect((await finder.groups(ALPHA, { refresh: true })).groups[0]!.title).toBe('Newer');
    fail(500);
    expect(await settled).toBe('failed');
    expect((await finder.groups(ALPHA)).groups[0]!.title).toBe('Newer');
    expect(upstream.requests).toHaveLength(2);
  });
});
