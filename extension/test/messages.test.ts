/**
 * Message handling in the background, through WXT's fake browser: requests are validated and
 * sender-checked, badge checks are batched and cached, look-ups fall back to the cache when the
 * server is down, and imports post only validated seeds.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TTL } from '../src/background/cache.ts';
import { sendToBackground } from '../src/content/send.ts';
import type { CheckResponse, LookupResponse } from '../src/messages.ts';
import { checkAnswers, seedAnswers } from './support/answers.ts';
import { EXTENSION_ORIGIN, listeningBackground } from './support/background.ts';
import { DEEZER_URL, EXISTING_MBID, sampleResult } from './support/release.ts';

const LINKED = 'https://www.deezer.com/album/200002';

function setup() {
  return listeningBackground({
    checkUrls: checkAnswers({ [LINKED]: [EXISTING_MBID] }),
    lookup: () => sampleResult(),
    seed: seedAnswers(),
  });
}

beforeEach(() => fakeBrowser.reset());

describe('requests', () => {
  it('answers a malformed message with words, not silence', async () => {
    setup();
    const answer = await sendToBackground({ type: 'check', urls: [] });
    expect(answer).toMatchObject({ ok: false, problem: { kind: 'invalid-request' } });
    expect((answer as CheckResponse & { ok: false }).problem.message).toMatch(/urls/);
    expect(await sendToBackground({ type: 'drop-tables' } as never)).toMatchObject({
      ok: false,
    });
  });

  it('answers the seed hand-over and the history only to its own pages', async () => {
    const { listener } = setup();
    const refused = await sendToBackground({ type: 'recent' });
    expect(refused).toMatchObject({
      ok: false,
      problem: { message: '"recent" is only answered to Liner\'s own pages.' },
    });
    const answer = await new Promise((resolve) =>
      listener({ type: 'recent' }, { url: `${EXTENSION_ORIGIN}/popup.html` }, resolve),
    );
    expect(answer).toMatchObject({ ok: true, entries: [], server: { up: true, version: '9.9.9' } });
  });
});

describe('badge checks', () => {
  it('asks once for all the page URLs in canonical form, then answers from the cache', async () => {
    const { companion } = setup();
    const urls = [
      'https://www.deezer.com/fr/album/200002?utm_source=x',
      'https://deezer.com/album/100001',
      'https://example.com/',
    ];
    const first = await sendToBackground({ type: 'check', urls });
    expect(first).toMatchObject({
      ok: true,
      musicbrainzUrl: 'https://musicbrainz.org',
      states: [
        { url: urls[0], canonicalUrl: LINKED, status: 'linked', mbids: [EXISTING_MBID] },
        { url: urls[1], canonicalUrl: DEEZER_URL, status: 'not-linked', mbids: [] },
      ],
    });
    expect((first as { cache?: unknown }).cache).toBeUndefined();
    expect(companion.calls.map((c) => c.input)).toEqual([{ urls: [LINKED, DEEZER_URL] }]);
    const second = await sendToBackground({ type: 'check', urls: [urls[0]!] });
    expect(second).toMatchObject({
      ok: true,
      states: [{ status: 'linked' }],
      cache: { fetchedAt: expect.any(String) },
    });
    expect(companion.count('musicbrainz.checkUrls')).toBe(1);
  });

  it('asks again about "not linked" after minutes, and uses stale answers while the server is down', async () => {
    const { companion, background } = setup();
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    background.advance(TTL.notLinked + 1);
    companion.set({ kind: 'down' });
    const offline = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(companion.count('musicbrainz.checkUrls')).toBe(1);
    expect(offline).toMatchObject({
      ok: true,
      states: [{ status: 'not-linked' }],
      cache: { serverProblem: expect.stringContaining('not reachable') },
    });
    const unknown = await sendToBackground({
      type: 'check',
      urls: ['https://www.deezer.com/album/3'],
    });
    expect(unknown).toMatchObject({ ok: false, problem: { kind: 'unreachable', retryable: true } });
  });

  it('caches nothing when the server could not ask MusicBrainz, and says so', async () => {
    const { companion } = listeningBackground({
      checkUrls: (urls) =>
        urls.map(
          (url) =>
            ({
              url,
              canonicalUrl: url,
              status: 'unknown',
              mbids: [],
              error: 'MusicBrainz is slow',
            }) as never,
        ),
    });
    const answer = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(answer).toMatchObject({
      ok: true,
      states: [{ status: 'unknown', error: 'MusicBrainz is slow' }],
    });
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(companion.count('musicbrainz.checkUrls')).toBe(2);
  });

  it('says a store is switched off instead of checking it', async () => {
    const { companion } = setup();
    await fakeBrowser.storage.local.set({ settings: { version: 2, stores: { deezer: false } } });
    const answer = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(answer).toMatchObject({ ok: false, problem: { kind: 'disabled' } });
    expect(companion.calls).toEqual([]);
  });

  it('names the refusal of the server guards and sends the token when one is set', async () => {
    const { companion } = setup();
    await fakeBrowser.storage.local.set({ settings: { version: 2, token: 'secret-token-123456' } });
    companion.set({ kind: 'refuse', status: 401, error: 'the API token is not valid' });
    const unauthorized = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(unauthorized).toMatchObject({
      ok: false,
      problem: { kind: 'unauthorized', retryable: false },
    });
    expect((unauthorized as CheckResponse & { ok: false }).problem.message).toContain(
      'the API token is not valid',
    );
    companion.set({ kind: 'refuse', status: 429, error: 'too many requests', retryAfter: 7 });
    const limited = await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(limited).toMatchObject({
      ok: false,
      problem: { kind: 'rate-limited', message: expect.stringContaining('Try again in 7 s') },
    });
    companion.set({ kind: 'up' });
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    expect(companion.calls.at(-1)?.headers.get('authorization')).toBe('Bearer secret-token-123456');
  });
});

describe('look-ups', () => {
  it('sends the preferred regions and provider, caches, and serves the cache with the server down', async () => {
    const { companion } = setup();
    await fakeBrowser.storage.local.set({
      settings: { version: 2, regions: ['de', 'GB'], providerOrder: ['itunes', 'deezer'] },
    });
    const fresh = (await sendToBackground({
      type: 'lookup',
      url: 'https://www.deezer.com/en/album/100001',
    })) as LookupResponse;
    expect(fresh).toMatchObject({ ok: true, result: { id: 'perm1234abcd' } });
    expect((fresh as { cache?: unknown }).cache).toBeUndefined();
    expect(companion.calls[0]?.input).toEqual({
      urls: [DEEZER_URL],
      regions: ['DE', 'GB'],
      prefer: 'itunes',
      refresh: false,
    });
    companion.set({ kind: 'down' });
    const cached = await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    expect(cached).toMatchObject({
      ok: true,
      result: { release: { title: 'Night Shift' } },
      cache: { fetchedAt: expect.any(String) },
    });
    const refreshed = await sendToBackground({ type: 'lookup', url: DEEZER_URL, refresh: true });
    expect(refreshed).toMatchObject({
      ok: true,
      cache: { serverProblem: expect.stringContaining('is not reachable') },
    });
    expect(
      await sendToBackground({ type: 'lookup', url: 'https://www.deezer.com/album/5' }),
    ).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
  });

  it('asks again when the options change what a look-up asks for, and on "Look up again"', async () => {
    const { companion } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    expect(companion.count('lookup.release')).toBe(1);
    await fakeBrowser.storage.local.set({ settings: { version: 2, regions: ['JP'] } });
    const changed = await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    expect((changed as { cache?: unknown }).cache).toBeUndefined();
    expect(companion.calls.at(-1)?.input).toMatchObject({ regions: ['JP'], refresh: false });
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    expect(companion.count('lookup.release')).toBe(2);
    await sendToBackground({ type: 'lookup', url: DEEZER_URL, refresh: true });
    expect(companion.calls.at(-1)?.input).toMatchObject({ refresh: true });
    expect(companion.count('lookup.release')).toBe(3);
  });

  it('says which MusicBrainz site the panel links to', async () => {
    setup();
    await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'beta' } });
    expect(await sendToBackground({ type: 'lookup', url: DEEZER_URL })).toMatchObject({
      ok: true,
      musicbrainzUrl: 'https://beta.musicbrainz.org',
    });
  });

  it('gives up on a slow server with a time-out message', async () => {
    const { companion, background } = setup();
    companion.set({ kind: 'slow', ms: 5_000 });
    const client = background.deps.client({ serverUrl: 'http://127.0.0.1:5733' }, 50);
    const error = await client.system.info.query().catch((e: unknown) => e);
    const { problemFrom } = await import('../src/background/problems.ts');
    // The popup and options page name the server; messages for a page's widget do not.
    expect(problemFrom(error, { serverUrl: 'http://127.0.0.1:5733' })).toMatchObject({
      kind: 'timeout',
      message: 'The Liner server at http://127.0.0.1:5733 is too slow: no answer within 50 ms.',
    });
    expect(problemFrom(error)).toMatchObject({
      kind: 'timeout',
      message: 'The Liner server is too slow: no answer within 50 ms.',
    });
  });

  it('says in words when the server answers in a shape this extension cannot read', async () => {
    listeningBackground({
      lookup: () => ({ ...sampleResult(), sources: { title: 'a-store-from-the-future' } }) as never,
    });
    const answer = await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    expect(answer).toMatchObject({
      ok: false,
      problem: {
        kind: 'bad-answer',
        message:
          "The Liner server's answer could not be read: the server may be older or newer than this extension.",
        retryable: false,
      },
    });
    // The technical part is kept for the folded details, not put in the sentence.
    const { problem } = answer as { problem: { detail?: string } };
    expect(problem.detail).toMatch(/^sources\.title: /);
  });

  it('refuses a page that is not a release', async () => {
    setup();
    expect(
      await sendToBackground({ type: 'lookup', url: 'https://www.deezer.com/artist/27' }),
    ).toMatchObject({ ok: false, problem: { kind: 'invalid-request' } });
  });
});
