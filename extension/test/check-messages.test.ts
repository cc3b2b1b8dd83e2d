/**
 * Badge checks in the background, beyond the happy path: answers keyed by the URL that was sent
 * (a server of another version may spell canonical URLs its own way), what the server could not
 * settle, the server away with only part of a list cached, and questions from several tabs
 * merged into one call.
 */
import type { UrlCheck } from '@liner/shared/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TTL } from '../src/background/cache.ts';
import { sendToBackground } from '../src/content/send.ts';
import { checkAnswers } from './support/answers.ts';
import { listeningBackground } from './support/background.ts';
import { DEEZER_URL, EXISTING_MBID } from './support/release.ts';

const OTHER = 'https://www.deezer.com/album/200002';

const setup = (checkUrls: (urls: string[]) => UrlCheck[]) => listeningBackground({ checkUrls });

beforeEach(() => fakeBrowser.reset());

describe('what the server answers', () => {
  it('takes the answer for the URL it sent, however the server spells the canonical form', async () => {
    const linked = checkAnswers({ [DEEZER_URL]: [EXISTING_MBID] });
    const { companion } = setup((urls) =>
      linked(urls).map((answer) => ({ ...answer, canonicalUrl: `${answer.url}/` })),
    );
    const first = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(first).toMatchObject({
      ok: true,
      states: [{ status: 'linked', mbids: [EXISTING_MBID] }],
    });
    // Cached under the extension's own key: the next visit does not ask again.
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(companion.count('musicbrainz.checkUrls')).toBe(1);
  });

  it('says "unknown" with the reason for a URL the server refuses or leaves out', async () => {
    setup((urls) => [
      { url: urls[0]!, status: 'invalid', mbids: [], error: 'not a supported store' },
    ]);
    const answer = await sendToBackground({ type: 'check', urls: [DEEZER_URL, OTHER] });
    expect(answer).toMatchObject({
      ok: true,
      states: [
        {
          url: DEEZER_URL,
          status: 'unknown',
          error: expect.stringContaining('not a supported store'),
        },
        { url: OTHER, status: 'unknown', error: 'the server gave no answer for this page' },
      ],
    });
  });

  it('shows an expired answer marked stale when MusicBrainz cannot be asked again', async () => {
    let slow = false;
    const linked = checkAnswers({ [DEEZER_URL]: [EXISTING_MBID] });
    const { background } = setup((urls) =>
      slow
        ? urls.map((url) => ({ url, status: 'unknown', mbids: [], error: 'MusicBrainz is slow' }))
        : linked(urls),
    );
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    background.advance(TTL.linked + 1);
    slow = true;
    const answer = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(answer).toMatchObject({
      ok: true,
      states: [
        {
          status: 'linked',
          mbids: [EXISTING_MBID],
          stale: { checkedAt: expect.any(String), reason: 'MusicBrainz is slow' },
        },
      ],
    });
  });

  it('answers from the cache what it can when the server is away, and "unknown" for the rest', async () => {
    const { companion } = setup(checkAnswers({ [DEEZER_URL]: [EXISTING_MBID] }));
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    companion.set({ kind: 'down' });
    const answer = await sendToBackground({ type: 'check', urls: [DEEZER_URL, OTHER] });
    expect(answer).toMatchObject({
      ok: true,
      states: [
        { url: DEEZER_URL, status: 'linked' },
        { url: OTHER, status: 'unknown', error: expect.stringContaining('not reachable') },
      ],
      cache: { serverProblem: expect.stringContaining('not reachable') },
    });
  });
});

describe('questions from several tabs', () => {
  it('go to the server together, each URL once, in batches of 100', async () => {
    const { companion } = setup(checkAnswers({}));
    const many = (from: number) =>
      Array.from({ length: 100 }, (_, i) => `https://www.deezer.com/album/${from + i}`);
    const answers = await Promise.all([
      sendToBackground({ type: 'check', urls: [DEEZER_URL] }),
      sendToBackground({ type: 'check', urls: [DEEZER_URL, OTHER] }),
      sendToBackground({ type: 'check', urls: many(1000) }),
      sendToBackground({ type: 'check', urls: many(1050) }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    const sent = companion.calls.map((c) => (c.input as { urls: string[] }).urls);
    expect(sent.map((urls) => urls.length)).toEqual([100, 52]);
    expect(new Set(sent.flat()).size).toBe(152);
    expect(sent.flat().filter((url) => url === DEEZER_URL)).toHaveLength(1);
  });
});

describe('what a running look-up waits for', () => {
  it("relays the server's queue status to a content script, and says when it cannot be had", async () => {
    const { companion } = setup(() => []);
    expect(await sendToBackground({ type: 'lookup.queue' })).toEqual({
      ok: true,
      status: {
        lookupsRunning: 2,
        deadlineMs: 30_000,
        musicbrainz: { queuedUrls: 36, untilFreeMs: 400, etaMs: 1500 },
      },
    });
    expect(companion.count('lookup.queue')).toBe(1);
    companion.set({ kind: 'down' });
    expect(await sendToBackground({ type: 'lookup.queue' })).toMatchObject({
      ok: false,
      problem: { kind: 'unreachable' },
    });
  });
});
