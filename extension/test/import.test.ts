/** "Open in MusicBrainz" and "Add missing links": seeds are validated, retargeted and handed over once. */
import { buildReleaseSeed } from '@liner/shared/seed/build';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground } from '../src/content/send.ts';
import type { ImportResponse, SeedTakeResponse } from '../src/messages.ts';
import { checkAnswers, seedAnswers } from './support/answers.ts';
import { EXTENSION_ORIGIN, listeningBackground } from './support/background.ts';
import { DEEZER_URL, EXISTING_MBID, sampleResult } from './support/release.ts';

function setup(seed = seedAnswers()) {
  return listeningBackground({
    checkUrls: checkAnswers({ [DEEZER_URL]: [EXISTING_MBID] }),
    lookup: () => sampleResult(),
    seed,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'test' } });
});

describe('imports', () => {
  it('posts the server seed to the chosen MusicBrainz site, once', async () => {
    const { background, take, companion } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    const answer = await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
    });
    expect(answer).toEqual({ ok: true, action: 'add', builtLocally: false });
    expect(companion.calls.at(-1)).toMatchObject({
      path: 'seeds.build',
      input: { id: 'perm1234abcd' },
    });
    expect(background.opened).toHaveLength(1);
    expect(background.opened[0]).toMatch(
      new RegExp(`^${EXTENSION_ORIGIN}/post\\.html#[0-9a-f-]{36}$`),
    );
    const handed = await take(background.opened[0]!);
    expect(handed).toMatchObject({
      ok: true,
      seed: { action: 'add', url: 'https://test.musicbrainz.org/release/add?skip_confirmation=1' },
    });
    const fields = (handed as SeedTakeResponse & { ok: true }).seed.fields;
    expect(fields).toContainEqual(['name', 'Night Shift']);
    expect(fields).toContainEqual(['barcode', '0192758000019']);
    expect(await take(background.opened[0]!)).toMatchObject({
      ok: false,
      problem: { kind: 'not-found' },
    });
    // The badge asks again next time, and the history says what was imported.
    expect((await background.deps.cache.urlStates([DEEZER_URL])).get(DEEZER_URL)?.fresh).toBe(
      false,
    );
    expect((await background.deps.cache.recent())[0]).toMatchObject({
      kind: 'import',
      title: 'Night Shift',
      url: DEEZER_URL,
    });
  });

  it('seeds an edit of an existing release', async () => {
    const { background, take } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    const answer = await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
      existing: EXISTING_MBID,
    });
    expect(answer).toEqual({ ok: true, action: 'edit', builtLocally: false });
    const handed = (await take(background.opened[0]!)) as SeedTakeResponse & { ok: true };
    expect(handed.seed.url).toBe(`https://test.musicbrainz.org/release/${EXISTING_MBID}/edit`);
    expect((await background.deps.cache.recent())[0]).toMatchObject({
      kind: 'edit',
      mbid: EXISTING_MBID,
    });
  });

  it('refuses a seed MusicBrainz would drop parts of, and says which', async () => {
    const { background } = setup(({ id }) => ({
      action: 'add',
      url: 'https://musicbrainz.org/release/add?skip_confirmation=1',
      fields: [
        ['name', id],
        ['colour', 'blue'],
        ['edit_note', 'Imported with Liner'],
      ],
      problems: [],
    }));
    const answer = (await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
    })) as ImportResponse & { ok: false };
    expect(answer.ok).toBe(false);
    expect(answer.seedProblems).toEqual([
      { field: 'colour', message: 'Unknown field: MusicBrainz does not accept it' },
    ]);
    expect(answer.problem.message).toContain('colour: Unknown field');
    expect(background.opened).toEqual([]);
  });

  it('builds the seed from the cached look-up when the server is down', async () => {
    const { companion, background, take } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    await sendToBackground({ type: 'check', urls: [DEEZER_URL] });
    companion.set({ kind: 'down' });
    const added = await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
    });
    expect(added).toEqual({ ok: true, action: 'add', builtLocally: true });
    const seed = ((await take(background.opened[0]!)) as SeedTakeResponse & { ok: true }).seed;
    const page = 'http://127.0.0.1:5733/release/perm1234abcd';
    expect(seed).toEqual(
      buildReleaseSeed(sampleResult(), {
        editorUrl: 'https://test.musicbrainz.org',
        // A loopback server is no address for the edit note; the redirect still goes there.
        redirectUri: `${page}/imported`,
        serverUrl: 'http://127.0.0.1:5733',
        version: '0.1.0-test',
      }),
    );
  });

  it('adds only the links the cache does not know as linked when building offline', async () => {
    const { companion, background, take } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    companion.set({ kind: 'down' });
    // Nothing cached about the Deezer link: it is missing, so the edit seed carries it.
    await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
      existing: EXISTING_MBID,
    });
    const fields = ((await take(background.opened[0]!)) as SeedTakeResponse & { ok: true }).seed
      .fields;
    expect(fields).toContainEqual(['urls.0.url', DEEZER_URL]);
    await background.deps.cache.putUrlStates([
      { url: DEEZER_URL, status: 'linked', mbids: [EXISTING_MBID] },
    ]);
    // Now MusicBrainz has every link: an edit that adds nothing is not posted.
    const nothing = await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
      existing: EXISTING_MBID,
    });
    expect(nothing).toEqual({
      ok: false,
      problem: {
        kind: 'not-found',
        message: 'MusicBrainz already has all of this: there is nothing to add to the release.',
        retryable: false,
      },
    });
    expect(background.opened).toHaveLength(1);
  });

  it('refuses a URL that is not a store’s release page, and keeps nothing of it', async () => {
    const { companion, background } = setup();
    for (const url of ['javascript:alert(1)', 'https://www.deezer.com/artist/27']) {
      const answer = await sendToBackground({ type: 'import', url, permalink: 'perm1234abcd' });
      expect(answer).toMatchObject({ ok: false, problem: { kind: 'invalid-request' } });
    }
    expect(companion.calls).toEqual([]);
    expect(background.opened).toEqual([]);
    expect(await background.deps.cache.recent()).toEqual([]);
  });

  it('hands the post page the site and release the seed was checked for', async () => {
    const { background, take } = setup();
    await sendToBackground({ type: 'lookup', url: DEEZER_URL });
    await sendToBackground({
      type: 'import',
      url: DEEZER_URL,
      permalink: 'perm1234abcd',
      existing: EXISTING_MBID,
    });
    expect(await take(background.opened[0]!)).toMatchObject({
      ok: true,
      target: { editorUrl: 'https://test.musicbrainz.org', existing: EXISTING_MBID },
    });
  });

  it('does not guess when the server answers an error, or nothing is cached', async () => {
    const { companion, background } = setup(() => {
      throw new Error('no look-up with permalink "zzz"');
    });
    const answer = await sendToBackground({ type: 'import', url: DEEZER_URL, permalink: 'zzz' });
    expect(answer).toMatchObject({ ok: false, problem: { kind: 'server-error' } });
    companion.set({ kind: 'down' });
    expect(
      await sendToBackground({ type: 'import', url: DEEZER_URL, permalink: 'zzz' }),
    ).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
    expect(background.opened).toEqual([]);
  });
});
