/**
 * The artist listing through the background: only a store page of the listed store, or the
 * chosen MusicBrainz site's page of the artist MusicBrainz links the store page to, is given
 * it; the MusicBrainz page may then look up and import that listing's releases and no others;
 * progress is followed under the asking tab's name; answers are cached for TTL.discography and
 * shown from the cache, with the reason, when the server is down.
 */
import { type Discography, discographySchema } from '@liner/shared/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TTL } from '../src/background/cache.ts';
import { createTabMemory } from '../src/background/tab-memory.ts';
import type { Request, Sender } from '../src/messages.ts';
import { seedAnswers } from './support/answers.ts';
import { listeningBackground } from './support/background.ts';
import { DEEZER_URL, sampleResult } from './support/release.ts';

const ARTIST = 'https://www.deezer.com/artist/27';
const ARTIST_MBID = '3a1f7c2e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER_MBID = '00000000-0000-4000-8000-000000000000';
const MB_PAGE = `https://test.musicbrainz.org/artist/${ARTIST_MBID}`;
const UNLISTED = 'https://www.deezer.com/album/999999';
const REFUSED = { ok: false, problem: { kind: 'invalid-request', retryable: false } };
const PROGRESS = 'progress-abc123';

/** HAND-WRITTEN: a deezer artist's listing as the server answers it. */
function listing(mbid: string | null = ARTIST_MBID): Discography {
  return discographySchema.parse({
    store: 'deezer',
    artist: { url: ARTIST, name: 'Ada Lane', ...(mbid ? { mbid } : {}) },
    releases: [
      { url: DEEZER_URL, title: 'Night Shift', type: 'album', state: 'missing' },
      {
        url: 'https://www.deezer.com/album/100002',
        title: 'Day Shift',
        type: 'single',
        state: 'linked',
        mbids: [OTHER_MBID],
      },
    ],
    pages: 1,
    musicbrainzRequests: 2,
    messages: [],
  });
}

/** What MusicBrainz links the artist page to, as the server's URL check answers it. */
type Linked = string[] | 'unknown';

function setup(
  answer: () => Discography = () => listing(),
  linked: () => Linked = () => [ARTIST_MBID],
) {
  const { companion, background, listener } = listeningBackground({
    checkUrls: (urls) =>
      urls.map((url) => {
        const mbids = linked();
        if (mbids === 'unknown')
          return { url, status: 'unknown', mbids: [], error: 'MusicBrainz answered 503' };
        return { url, status: mbids.length ? 'linked' : 'not-linked', mbids };
      }),
    discography: () => answer(),
    progress: ({ progressId }) => ({ phase: 'store', pages: 2, releases: 100, id: progressId }),
    lookup: () => sampleResult(),
    seed: seedAnswers(sampleResult()),
  });
  const fromTab = <R extends Request>(request: R, url: string, tabId = 7) =>
    new Promise<{ ok: boolean } & Record<string, unknown>>((resolve) =>
      listener(request, { url, tab: { id: tabId } } satisfies Sender, resolve as never),
    );
  return { companion, background, fromTab };
}

const ask = (url = ARTIST, refresh = false) => ({
  type: 'discography' as const,
  url,
  progressId: PROGRESS,
  refresh,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'test' } });
});

describe('the artist listing', () => {
  it('goes to its own store’s pages only, for artist pages Liner lists', async () => {
    const { companion, fromTab } = setup();
    expect(await fromTab(ask(), 'https://open.spotify.com/artist/x')).toMatchObject(REFUSED);
    expect(await fromTab(ask(DEEZER_URL), DEEZER_URL)).toMatchObject(REFUSED);
    const moraArtist = 'https://mora.jp/artist/123/';
    expect(await fromTab(ask(moraArtist), moraArtist)).toMatchObject(REFUSED);
    expect(companion.calls).toEqual([]);
    const answer = await fromTab(ask(`${ARTIST}?from=x`), 'https://www.deezer.com/en/artist/27');
    expect(answer).toMatchObject({ ok: true, discography: { artist: { url: ARTIST } } });
    expect(companion.calls.map((c) => [c.path, c.input])).toEqual([
      ['discography.artist', { url: ARTIST, refresh: false, progressId: `7-${PROGRESS}` }],
    ]);
  });

  it('goes to a MusicBrainz artist page only when MusicBrainz links the store page to that artist, asked before listing', async () => {
    let linked: Linked = [OTHER_MBID];
    const { companion, background, fromTab } = setup(undefined, () => linked);
    const refused = await fromTab(ask(), MB_PAGE);
    expect(refused).toMatchObject(REFUSED);
    expect(refused).toMatchObject({ problem: { message: /^MusicBrainz does not link/ } });
    linked = [];
    background.advance(TTL.linked + 1);
    expect(await fromTab(ask(undefined, true), MB_PAGE)).toMatchObject(REFUSED);
    // The store's listing is never read for a page MusicBrainz does not link to the artist.
    expect(companion.count('discography.artist')).toBe(0);
    expect(companion.count('musicbrainz.checkUrls')).toBe(2);
    // MusicBrainz could not be asked: said as such, with Retry, not as "not linked".
    linked = 'unknown';
    background.advance(TTL.linked + 1);
    const unknown = await fromTab(ask(undefined, true), MB_PAGE);
    expect(unknown).toMatchObject({
      ok: false,
      problem: { retryable: true, message: /^MusicBrainz could not be asked whether it links/ },
    });
    expect(companion.count('discography.artist')).toBe(0);
    linked = [ARTIST_MBID];
    // Another MusicBrainz site than the chosen one, and a page that is not the artist's.
    const elsewhere = `https://musicbrainz.org/artist/${ARTIST_MBID}`;
    expect(await fromTab(ask(undefined, true), elsewhere)).toMatchObject(REFUSED);
    expect(await fromTab(ask(undefined, true), `${MB_PAGE}/releases`)).toMatchObject(REFUSED);
    expect(companion.count('discography.artist')).toBe(0);
    expect(await fromTab(ask(undefined, true), MB_PAGE)).toMatchObject({ ok: true });
    expect(companion.count('discography.artist')).toBe(1);
  });

  it('lets a MusicBrainz artist page look up and import only the releases it was listed', async () => {
    const { background, fromTab } = setup();
    const lookup = (url: string) => ({ type: 'lookup' as const, url });
    expect(await fromTab(lookup(DEEZER_URL), MB_PAGE)).toMatchObject(REFUSED);
    expect(await fromTab(ask(), MB_PAGE)).toMatchObject({ ok: true });
    expect(await fromTab(lookup(UNLISTED), MB_PAGE)).toMatchObject(REFUSED);
    // Another tab was not listed it.
    expect(await fromTab(lookup(DEEZER_URL), MB_PAGE, 8)).toMatchObject(REFUSED);
    expect(await fromTab(lookup(DEEZER_URL), MB_PAGE)).toMatchObject({ ok: true });
    const permalink = sampleResult().id;
    const importing = { type: 'import' as const, url: DEEZER_URL, permalink };
    expect(await fromTab(importing, MB_PAGE, 8)).toMatchObject(REFUSED);
    expect(await fromTab(importing, MB_PAGE)).toMatchObject({ ok: true, action: 'add' });
    expect(background.opened).toHaveLength(1);
  });

  it('follows progress under the asking tab’s name', async () => {
    const { companion, fromTab } = setup();
    const answer = await fromTab(
      { type: 'discography.progress', progressId: PROGRESS },
      'https://www.deezer.com/artist/27',
      12,
    );
    expect(answer).toEqual({ ok: true, progress: { phase: 'store', pages: 2, releases: 100 } });
    expect(companion.calls.map((c) => c.input)).toEqual([{ progressId: `12-${PROGRESS}` }]);
    expect(
      await fromTab({ type: 'discography.progress', progressId: 'short' }, ARTIST),
    ).toMatchObject(REFUSED);
  });

  it('answers from the cache while fresh, and from an older answer when the server is down', async () => {
    const { companion, background, fromTab } = setup();
    await fromTab(ask(), ARTIST);
    expect(await fromTab(ask(), ARTIST)).toMatchObject({ ok: true, cache: {} });
    expect(companion.count('discography.artist')).toBe(1);
    background.advance(TTL.discography + 1);
    companion.set({ kind: 'down' });
    const stale = await fromTab(ask(), ARTIST);
    expect(stale).toMatchObject({ ok: true, cache: { serverProblem: expect.any(String) } });
    expect(companion.count('discography.artist')).toBe(1);
    companion.set({ kind: 'up' });
    expect(await fromTab(ask(), ARTIST)).not.toHaveProperty('cache');
    expect(companion.count('discography.artist')).toBe(2);
  });

  it('joins a listing under way for the same artist instead of asking the server for another', async () => {
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow = listeningBackground({
      checkUrls: (urls) => urls.map((url) => ({ url, status: 'not-linked', mbids: [] })),
      discography: async () => {
        await held;
        return listing();
      },
      progress: ({ progressId }) =>
        progressId === `7-${PROGRESS}` ? { phase: 'store', pages: 1, releases: 50 } : null,
    });
    const send = <R extends Request>(request: R, tabId: number) =>
      new Promise<{ ok: boolean } & Record<string, unknown>>((resolve) =>
        slow.listener(
          request,
          { url: ARTIST, tab: { id: tabId } } satisfies Sender,
          resolve as never,
        ),
      );
    const first = send(ask(), 7);
    await vi.waitFor(() => expect(slow.companion.count('discography.artist')).toBe(1));
    const again = send({ ...ask(), progressId: 'progress-reopened1' }, 7);
    const otherTab = send({ ...ask(), progressId: 'progress-othertab1' }, 9);
    // The reopened panel follows the listing it joined.
    await vi.waitFor(async () =>
      expect(
        await send({ type: 'discography.progress', progressId: 'progress-reopened1' }, 7),
      ).toMatchObject({ ok: true, progress: { releases: 50 } }),
    );
    finish();
    for (const answer of await Promise.all([first, again, otherTab]))
      expect(answer).toMatchObject({ ok: true, discography: { artist: { url: ARTIST } } });
    expect(slow.companion.count('discography.artist')).toBe(1);
  });

  it('asks again soon, not after TTL.discography, when MusicBrainz could not settle the listing', async () => {
    const unsettled = () => {
      const answer = listing(null);
      return discographySchema.parse({
        ...answer,
        releases: answer.releases.map((r) => ({ ...r, state: 'unknown', mbids: [] })),
        messages: [
          { level: 'warning', provider: 'musicbrainz', text: 'MusicBrainz could not be asked.' },
        ],
      });
    };
    const { companion, background, fromTab } = setup(unsettled);
    await fromTab(ask(), ARTIST);
    expect(await fromTab(ask(), ARTIST)).toMatchObject({ ok: true, cache: {} });
    background.advance(TTL.unsettledDiscography + 1);
    expect(await fromTab(ask(), ARTIST)).not.toHaveProperty('cache');
    expect(companion.count('discography.artist')).toBe(2);
  });

  it('remembers a listing only for the MusicBrainz artist page it went to, by tab and artist', async () => {
    const { fromTab } = setup();
    const lookup = { type: 'lookup' as const, url: DEEZER_URL };
    // Listed on the store's own page: a MusicBrainz page later in that tab gains nothing.
    expect(await fromTab(ask(), ARTIST)).toMatchObject({ ok: true });
    expect(await fromTab(lookup, MB_PAGE)).toMatchObject(REFUSED);
    // Listed on the artist's page: another artist's page in the same tab gains nothing.
    expect(await fromTab(ask(), MB_PAGE)).toMatchObject({ ok: true });
    expect(
      await fromTab(lookup, `https://test.musicbrainz.org/artist/${OTHER_MBID}`),
    ).toMatchObject(REFUSED);
    expect(await fromTab(lookup, MB_PAGE)).toMatchObject({ ok: true });
  });
});

describe('the tab memory', () => {
  it('keeps every entry of answers arriving together', async () => {
    const tabs = createTabMemory(fakeBrowser.storage.session);
    await Promise.all([
      tabs.listed(7, ARTIST_MBID, ['https://www.deezer.com/album/1']),
      tabs.listed(7, OTHER_MBID, ['https://www.deezer.com/album/2']),
      tabs.lookedUp(7, DEEZER_URL, 'a'),
      tabs.lookedUp(7, DEEZER_URL, 'b'),
    ]);
    expect(await tabs.didList(7, ARTIST_MBID, 'https://www.deezer.com/album/1')).toBe(true);
    expect(await tabs.didList(7, OTHER_MBID, 'https://www.deezer.com/album/2')).toBe(true);
    expect(await tabs.didList(7, OTHER_MBID, 'https://www.deezer.com/album/1')).toBe(false);
    expect(await tabs.didLookUp(7, DEEZER_URL, 'a')).toBe(true);
    expect(await tabs.didLookUp(7, DEEZER_URL, 'b')).toBe(true);
  });
});
