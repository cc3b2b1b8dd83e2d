/**
 * Attacks on the built extension in Chromium, from a hostile companion server (a proxy in front
 * of the real one that rewrites chosen answers) and hostile stand-in store and MusicBrainz
 * pages. Each test is one attack an attacker's-eye probe made; each must end with nothing
 * posted that the user did not see, and nothing handed to the page or another host.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bar, configure, panel, widget } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';
import { storePage } from './support/store-pages.ts';

const DEEZER = 'https://www.deezer.com/en/album/100001';
const TITLE = 'Two Sides';
const ATTACKER = 'https://attacker.example';

type Fields = [string, string][];

describe.skipIf(!e2eAvailable('hostile pages and servers'))('hostile pages and servers', () => {
  const harness = useHarness({});
  let hostile: HostileServer;
  beforeAll(async () => {
    hostile = await startHostileServer(harness().companion.server.url);
    await configure(harness().browser.worker, {
      version: 2,
      serverUrl: hostile.url,
      musicbrainz: 'test',
    });
  });
  afterAll(() => hostile?.close());

  /** Opens the Deezer stand-in and its panel, ready for "Open in MusicBrainz". */
  async function openPanel(url = DEEZER, title = TITLE): Promise<Page> {
    const page = await harness().open(url, storePage('deezer', title));
    await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
    await widget(page, '[data-liner="import"]', /^Import to MusicBrainz$/).click();
    await expect.poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT).toBe(title);
    return page;
  }

  /** Clicks a panel action and waits for its refusal; nothing may be posted meanwhile. */
  async function refused(page: Page, action: string): Promise<string> {
    const before = harness().site.posts.length;
    await panel(page, 'button', action).click();
    const failed = panel(page, '[data-liner="import-failed"]');
    await expect.poll(() => failed.count(), WAIT).toBeGreaterThan(0);
    expect(harness().site.posts.length).toBe(before);
    return failed.text();
  }

  it('posts no seed whose redirect_uri leaves the Liner server’s origin', async () => {
    hostile.tamper.set('seeds.build', (data) => {
      const seed = data as { fields: Fields };
      return {
        ...seed,
        fields: seed.fields.map(([name, value]): [string, string] =>
          name === 'redirect_uri' ? [name, `${ATTACKER}/steal`] : [name, value],
        ),
      };
    });
    try {
      const page = await openPanel();
      expect(await refused(page, 'Open in MusicBrainz')).toMatch(/not back to the Liner server/);
      await page.close();
    } finally {
      hostile.tamper.delete('seeds.build');
    }
    // The same import through the honest answer returns to the server the options name.
    const page = await openPanel();
    const posted = await harness().post(page, 'Open in MusicBrainz');
    const redirect = posted.fields.find(([name]) => name === 'redirect_uri')?.[1] ?? '';
    expect(new URL(redirect).origin).toBe(hostile.url);
    await page.close();
  }, 90_000);
});
