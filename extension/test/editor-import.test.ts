/**
 * The release editor's paste box in the background: a store URL or barcode is looked up, and
 * its seed posted into the editor tab that asked, for the release that tab's address names;
 * from anywhere else, or with bad input, nothing is asked or posted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SeedTakeResponse } from '../src/messages.ts';
import { COMPARED_MBID } from './support/comparison.ts';
import { musicBrainzBackground as setup } from './support/musicbrainz-background.ts';
import { DEEZER_URL } from './support/release.ts';

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 2, musicbrainz: 'test' } });
});

describe('the editor’s paste box', () => {
  const ADD = 'https://test.musicbrainz.org/release/add';

  it('looks a store URL up and posts its seed into the editor tab that asked', async () => {
    const { companion, background, fromTab, take } = setup();
    const answer = await fromTab(
      { type: 'editor.import', source: { kind: 'url', url: DEEZER_URL } },
      ADD,
      12,
    );
    expect(answer).toEqual({ ok: true, action: 'add', builtLocally: false });
    expect(companion.calls.map((c) => c.path)).toEqual(['lookup.release', 'seeds.build']);
    expect(background.opened).toEqual([]);
    expect(background.navigated).toHaveLength(1);
    const [tab, page] = background.navigated[0]!;
    expect(tab).toBe(12);
    const handed = (await take(page)) as SeedTakeResponse & { ok: true };
    expect(handed.seed.url).toBe('https://test.musicbrainz.org/release/add?skip_confirmation=1');
  });

  it('looks a barcode up, and on an edit page seeds that release, read from the tab’s address', async () => {
    const { companion, background, fromTab, take } = setup();
    const edit = `https://test.musicbrainz.org/release/${COMPARED_MBID}/edit`;
    const answer = await fromTab(
      { type: 'editor.import', source: { kind: 'gtin', gtin: '0192758000019' } },
      edit,
    );
    expect(answer).toEqual({ ok: true, action: 'edit', builtLocally: false });
    expect(companion.calls[0]).toMatchObject({
      path: 'lookup.release',
      input: { gtin: '0192758000019' },
    });
    expect(companion.calls[0]?.input).not.toHaveProperty('urls');
    expect(companion.calls[1]).toMatchObject({
      path: 'seeds.build',
      input: { existing: COMPARED_MBID },
    });
    const handed = (await take(background.navigated[0]![1])) as SeedTakeResponse & { ok: true };
    expect(handed.seed.url).toBe(edit);
  });

  it('works only in the editor of the chosen site, and checks what it is sent', async () => {
    const { companion, background, fromTab } = setup();
    const source = { kind: 'url', url: DEEZER_URL } as const;
    for (const url of [
      'https://musicbrainz.org/release/add',
      `https://test.musicbrainz.org/release/${COMPARED_MBID}`,
      'https://www.deezer.com/album/1',
    ]) {
      expect(await fromTab({ type: 'editor.import', source }, url)).toMatchObject({
        ok: false,
        problem: {
          message: 'Liner imports into the release editor on https://test.musicbrainz.org only.',
        },
      });
    }
    expect(
      await fromTab(
        { type: 'editor.import', source: { kind: 'gtin', gtin: '12ab' } } as never,
        ADD,
      ),
    ).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-request' },
    });
    expect(companion.calls).toEqual([]);
    expect(background.navigated).toEqual([]);
  });
});
