/**
 * The extension on pages that change without a reload, and with the companion server gone:
 * a second visit is served from IndexedDB (badge, panel, a seed built in the extension) and the
 * popup says the server is down.
 */
import { describe, expect, it } from 'vitest';
import { bar, placement } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { storePage } from './support/store-pages.ts';

const LINKED_MBID = '0d3e5f7a-9b1c-4d2e-8f3a-5b7c9d1e2f3a';
const BANDCAMP = 'https://frisyr.bandcamp.com/album/demo';

describe.skipIf(!e2eAvailable())('the extension in Chromium, navigating and offline', () => {
  const harness = useHarness({
    'https://www.deezer.com/album/629506181': [['release', LINKED_MBID]],
  });

  it('re-detects the page when a single-page store changes its URL without a reload', async () => {
    const page = await harness().open(
      'https://www.deezer.com/en/album/629506181',
      storePage('deezer', 'Die With A Smile', {
        spaLink: { path: '/en/album/100001', title: 'Two Sides' },
      }),
    );
    await expect.poll(() => bar(page).getAttribute('data-state'), WAIT).toBe('linked');
    await page.click('#spa-link');
    expect(page.url()).toBe('https://www.deezer.com/en/album/100001');
    await expect.poll(() => bar(page).getAttribute('data-state'), WAIT).toBe('not-linked');
    expect(await page.locator('liner-import').count()).toBe(1);
    expect(await placement(page)).toBe('anchored');
    const next = await page.evaluate(
      () => document.querySelector('h1')?.nextElementSibling?.localName,
    );
    expect(next).toBe('liner-import');
    await page.close();
  }, 60_000);

  it('works from IndexedDB with the server stopped: badge, panel, import, popup', async () => {
    const online = await harness().open(BANDCAMP, storePage('bandcamp', 'demo'));
    await expect.poll(() => bar(online).getAttribute('data-state'), WAIT).toBe('not-linked');
    await online.locator('liner-import [data-liner="import"]').click();
    await expect
      .poll(() => online.locator('liner-import [data-liner="panel"] h2').textContent(), WAIT)
      .toBe('demo');
    const first = await harness().post(online, 'Open in MusicBrainz');
    await online.close();

    await harness().companion.stop();
    const page = await harness().open(BANDCAMP, storePage('bandcamp', 'demo'));
    // The import made the badge answer stale; with the server gone the stale one is shown.
    await expect.poll(() => bar(page).getAttribute('data-state'), WAIT).toBe('not-linked');
    expect(await page.locator('liner-import [data-liner="offline"]').textContent()).toBe(
      'from cache: the server is down',
    );
    await page.locator('liner-import [data-liner="import"]').click();
    const panel = page.locator('liner-import [data-liner="panel"]');
    await expect.poll(() => panel.locator('h2').textContent(), WAIT).toBe('demo');
    expect(await panel.locator('[data-liner="cache-note"]').textContent()).toMatch(
      /^From Liner's cache \(looked up /,
    );
    const second = await harness().post(page, 'Open in MusicBrainz');
    // Built in the extension from the cached look-up with the same shared builder.
    expect(second.fields).toEqual(first.fields);
    expect(await panel.locator('[data-liner="import-done"]').textContent()).toContain(
      'built from the cache',
    );
    await page.close();

    const popup = await harness().browser.context.newPage();
    await popup.goto(`chrome-extension://${harness().browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('[data-liner="server"]').getAttribute('data-up'), WAIT)
      .toBe('false');
    expect(await popup.locator('[data-liner="server"]').textContent()).toContain(
      'is not reachable',
    );
    const imports = await popup.locator('[data-liner="imports"] li').allTextContents();
    expect(imports.filter((line) => line.startsWith('Imported demo (Bandcamp)'))).toHaveLength(2);
    expect(await popup.locator('[data-liner="lookups"] li').allTextContents()).toEqual([
      expect.stringMatching(/^Looked up demo by Frisyr \(Bandcamp\) .+ details$/),
    ]);
    await popup.close();
  }, 60_000);
});
