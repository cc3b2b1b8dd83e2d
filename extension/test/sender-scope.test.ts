/**
 * Every content script message is checked against the tab that sent it: a store page asks about
 * its own store only, imports only what that tab looked up, and "compare" comes only from the
 * chosen MusicBrainz site's page of that release. Extension pages (no tab) are not scoped.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customSiteKey } from '../src/background/tab-memory.ts';
import { COMPARED_MBID, storeLookup } from './support/comparison.ts';
import { musicBrainzBackground as setup } from './support/musicbrainz-background.ts';
import { DEEZER_URL } from './support/release.ts';

const BANDCAMP = 'https://frisyr.bandcamp.com/album/demo';
const REFUSED = { ok: false, problem: { kind: 'invalid-request', retryable: false } };

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'test' } });
});

describe('messages tied to their sender', () => {
  it('answers a store page about its own store’s URLs only', async () => {
    const { companion, fromTab } = setup();
    for (const request of [
      { type: 'check' as const, urls: [DEEZER_URL, BANDCAMP] },
      { type: 'lookup' as const, url: BANDCAMP },
    ])
      expect(await fromTab(request, `${DEEZER_URL}?from=page`)).toMatchObject(REFUSED);
    expect(
      await fromTab({ type: 'lookup', url: DEEZER_URL }, 'http://www.deezer.com/x'),
    ).toMatchObject(REFUSED);
    expect(companion.calls).toEqual([]);
    expect(await fromTab({ type: 'lookup', url: DEEZER_URL }, DEEZER_URL)).toMatchObject({
      ok: true,
    });
  });

  it('imports only a look-up the same tab was answered for that page', async () => {
    const { background, fromTab } = setup();
    const permalink = storeLookup().id;
    const made = { type: 'import' as const, url: DEEZER_URL, permalink: 'madeupperma1' };
    expect(await fromTab(made, DEEZER_URL, 3)).toMatchObject(REFUSED);
    expect(await fromTab({ type: 'lookup', url: DEEZER_URL }, DEEZER_URL, 3)).toMatchObject({
      ok: true,
    });
    expect(await fromTab(made, DEEZER_URL, 3)).toMatchObject(REFUSED);
    // Another tab did not look it up.
    const real = { ...made, permalink };
    expect(await fromTab(real, DEEZER_URL, 4)).toMatchObject(REFUSED);
    expect(background.opened).toEqual([]);
    expect(await fromTab(real, DEEZER_URL, 3)).toMatchObject({ ok: true, action: 'add' });
    expect(background.opened).toHaveLength(1);
  });

  it('compares only from the chosen site’s page of that release', async () => {
    const { companion, fromTab } = setup();
    const page = `https://test.musicbrainz.org/release/${COMPARED_MBID}`;
    const other = 'https://test.musicbrainz.org/release/00000000-0000-4000-8000-000000000000';
    const compare = { type: 'compare' as const, mbid: COMPARED_MBID };
    for (const from of [other, DEEZER_URL, `https://musicbrainz.org/release/${COMPARED_MBID}`])
      expect(await fromTab(compare, from), from).toMatchObject(REFUSED);
    expect(await fromTab({ type: 'compare.links', mbid: COMPARED_MBID }, other)).toMatchObject(
      REFUSED,
    );
    expect(companion.calls).toEqual([]);
    expect(await fromTab(compare, `${page}/details`)).toMatchObject({ ok: true });
  });

  it('takes Bandcamp URLs from an artist’s own https domain the popup added the button to', async () => {
    const { fromTab } = setup();
    const lookup = { type: 'lookup' as const, url: BANDCAMP };
    expect(await fromTab(lookup, 'https://music.frisyr.example/album/demo', 9)).toMatchObject(
      REFUSED,
    );
    await fakeBrowser.storage.session.set({ [customSiteKey(9)]: 'https://music.frisyr.example' });
    expect(await fromTab(lookup, 'https://music.frisyr.example/album/demo', 8)).toMatchObject(
      REFUSED,
    );
    expect(
      await fromTab({ type: 'lookup', url: DEEZER_URL }, 'https://music.frisyr.example/', 9),
    ).toMatchObject(REFUSED);
    expect(await fromTab(lookup, 'https://music.frisyr.example/album/demo', 9)).toMatchObject({
      ok: true,
    });
  });
});
