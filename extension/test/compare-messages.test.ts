/**
 * The background's answers to the MusicBrainz release page, through WXT's fake browser against
 * a tRPC stand-in of the companion server: the chosen site, comparisons (cached briefly,
 * MusicBrainz's own failures in words, the cache while the server is down), and "Add missing
 * links" posting the comparison's own edit seed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TTL } from '../src/background/cache.ts';
import { clientFactory } from '../src/background/deps.ts';
import { sendToBackground } from '../src/content/send.ts';
import type { CompareResponse, SeedTakeResponse } from '../src/messages.ts';
import { BEATPORT_URL, COMPARED_MBID, SPOTIFY_URL } from './support/comparison.ts';
import { musicBrainzBackground } from './support/musicbrainz-background.ts';

let busy = false;
const setup = () => musicBrainzBackground({ busy: () => busy });

beforeEach(async () => {
  busy = false;
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'test' } });
});

describe('the chosen site and comparisons', () => {
  it('names the MusicBrainz site the options choose', async () => {
    setup();
    expect(await sendToBackground({ type: 'mb.site' })).toEqual({
      ok: true,
      musicbrainzUrl: 'https://test.musicbrainz.org',
    });
  });

  it('shows what MusicBrainz lacks, named for people, and answers again from the cache', async () => {
    const { companion } = setup();
    const answer = (await sendToBackground({
      type: 'compare',
      mbid: COMPARED_MBID,
    })) as CompareResponse & { ok: true };
    expect(answer.cache).toBeUndefined();
    expect(answer.comparison).toMatchObject({
      mbid: COMPARED_MBID,
      title: 'Night Shift',
      missingLinks: [
        { url: SPOTIFY_URL, store: 'Spotify', types: ['free streaming'] },
        { url: BEATPORT_URL, store: 'Beatport', types: ['paid download', 'paid streaming'] },
      ],
      canAddLinks: true,
      canAddBarcode: false,
      messages: [
        {
          level: 'warning',
          provider: 'Apple Music / iTunes',
          text: 'the iTunes look-up timed out',
        },
      ],
      lookupPage: 'http://127.0.0.1:5733/release/perm1234abcd',
    });
    expect(new URL(answer.comparison.magicIsrcUrl!).searchParams.get('isrc1-3')).toBe(
      'GBAAA2300003',
    );
    const again = (await sendToBackground({
      type: 'compare',
      mbid: COMPARED_MBID,
    })) as CompareResponse & { ok: true };
    expect(again.cache?.fetchedAt).toBeDefined();
    expect(companion.count('musicbrainz.compare')).toBe(1);
  });

  it('asks again after minutes, or when asked to, passing "refresh" on', async () => {
    const { companion, background } = setup();
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID });
    background.advance(TTL.comparison + 1);
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID });
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID, refresh: true });
    expect(
      companion.calls.filter((c) => c.path === 'musicbrainz.compare').map((c) => c.input),
    ).toEqual([
      { mbid: COMPARED_MBID, refresh: false },
      { mbid: COMPARED_MBID, refresh: false },
      { mbid: COMPARED_MBID, refresh: true },
    ]);
  });

  it('says in words that MusicBrainz asked the server to slow down, with a retry', async () => {
    setup();
    busy = true;
    expect(await sendToBackground({ type: 'compare', mbid: COMPARED_MBID })).toEqual({
      ok: false,
      problem: {
        kind: 'rate-limited',
        message:
          'MusicBrainz asked the Liner server to slow down (it allows one request per second). Try again in a few seconds.',
        retryable: true,
      },
    });
  });

  it('ends a slow comparison with a time-out, and shows the cached one while the server is down', async () => {
    const { companion, background } = setup();
    const slowClient = clientFactory(companion.fetch);
    background.deps.client = (settings) => slowClient(settings, 50);
    companion.set({ kind: 'slow', ms: 5_000 });
    expect(await sendToBackground({ type: 'compare', mbid: COMPARED_MBID })).toMatchObject({
      ok: false,
      problem: { kind: 'timeout', retryable: true },
    });
    companion.set({ kind: 'up' });
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID });
    companion.set({ kind: 'down' });
    const stale = (await sendToBackground({
      type: 'compare',
      mbid: COMPARED_MBID,
      refresh: true,
    })) as CompareResponse & { ok: true };
    expect(stale.comparison.missingLinks).toHaveLength(2);
    // Shown inside musicbrainz.org's page, which can read it: no server address (issue 20).
    expect(stale.cache?.serverProblem).toBe(
      "The Liner server is not reachable. Is it running? (Its address is in Liner's options.)",
    );
  });
});

describe('adding the missing links', () => {
  it('posts the comparison’s edit seed to the chosen site in a new tab, then compares past the caches', async () => {
    const { companion, background, take } = setup();
    expect(await sendToBackground({ type: 'compare.links', mbid: COMPARED_MBID })).toMatchObject({
      ok: false,
      problem: { kind: 'not-found' },
    });
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID });
    expect(await sendToBackground({ type: 'compare.links', mbid: COMPARED_MBID })).toEqual({
      ok: true,
      action: 'edit',
      builtLocally: false,
    });
    const handed = (await take(background.opened[0]!)) as SeedTakeResponse & { ok: true };
    expect(handed.seed.url).toBe(`https://test.musicbrainz.org/release/${COMPARED_MBID}/edit`);
    expect(handed.seed.fields.filter(([name]) => name.startsWith('urls.'))).toEqual([
      ['urls.0.url', SPOTIFY_URL],
      ['urls.0.link_type', '85'],
      ['urls.1.url', BEATPORT_URL],
      ['urls.1.link_type', '74'],
      ['urls.2.url', BEATPORT_URL],
      ['urls.2.link_type', '980'],
    ]);
    await sendToBackground({ type: 'compare', mbid: COMPARED_MBID });
    expect(companion.calls.at(-1)).toMatchObject({ input: { refresh: true } });
    expect((await background.deps.cache.recent())[0]).toMatchObject({
      kind: 'edit',
      mbid: COMPARED_MBID,
    });
  });
});
