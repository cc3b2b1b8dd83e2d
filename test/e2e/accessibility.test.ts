/**
 * What a user sees, checked as a keyboard and screen-reader user meets it, in Chromium with the
 * built extension: the keyboard reaches the store page's button, the panel takes the focus and
 * gives it back (Escape closes it), "Compare with stores" puts the focus on what it found; axe-core
 * finds no serious or critical violation on the panel, the compare box, the paste box, the popup,
 * the options and the server's pages, in light and dark. Screenshots of the panel, the compare
 * box and the permalink page, light and dark, are kept in test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../extension/scripts/icons.ts';
import { twoSidesRelease } from '../support/store-stand-ins.ts';
import { lowContrast, seriousViolations } from './support/axe.ts';
import { panel, widget } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { editorPage, releasePage } from './support/musicbrainz-pages.ts';
import { screenshot } from './support/screenshots.ts';
import { inShadow, type ShadowLocator } from './support/shadow.ts';
import { storePage } from './support/store-pages.ts';

const MB = 'https://test.musicbrainz.org';
const RELEASE_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d21';
const DEEZER = 'https://www.deezer.com/album/100001';
const DEEZER_PAGE = 'https://www.deezer.com/en/album/100001';
const SCHEMES = ['light', 'dark'] as const;

/** A drawn stand-in for the stores' cover art, which the closed network cannot fetch. */
function coverArt(size = 240): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const ring = Math.floor(Math.hypot(x - size / 2, y - size / 2) / 12) % 2;
      pixels.set(
        [(40 + (x * 150) / size) | 0, 60 + ring * 40, (120 + (y * 100) / size) | 0, 255],
        (y * size + x) * 4,
      );
    }
  return encodePng(size, pixels);
}

/** Whether the part (in a closed shadow root) has the keyboard focus within its root. */
function hasFocus(part: ShadowLocator): Promise<boolean> {
  return part.evaluateAll((elements) => {
    const element = elements[0];
    return element !== undefined && (element.getRootNode() as ShadowRoot).activeElement === element;
  });
}

/** Which element of the document has the keyboard focus (a shadow host, for Liner's parts). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.localName ?? '');
}

async function expectNoSeriousViolations(page: Page, where: string, hosts?: readonly string[]) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await seriousViolations(page, hosts);
    expect(violations, `${where}, ${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    if (hosts) {
      const low = await lowContrast(page, hosts);
      expect(low, `${where}, ${scheme}: ${JSON.stringify(low, null, 1)}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(!e2eAvailable('accessibility and screenshots in Chromium'))(
  'what a user sees, in Chromium',
  () => {
    const harness = useHarness(
      { [DEEZER]: [] },
      {
        [RELEASE_MBID]: twoSidesRelease(RELEASE_MBID, {
          barcode: '0192758000019',
          media: [
            { tracks: [{ title: 'Opening', isrc: 'GBAAA2300001' }, { title: 'Duet' }] },
            { tracks: [{ title: 'Reprise' }] },
          ],
          links: [{ url: DEEZER, type: 'free streaming' }],
        }),
      },
    );

    it('store page: the keyboard reaches the button, the panel takes the focus and gives it back', async () => {
      const page = await harness().open(DEEZER_PAGE, storePage('deezer', 'Two Sides'));
      await expect
        .poll(() => widget(page, '[data-liner="badge"]').text(), WAIT)
        .toBe('Not in MusicBrainz yet');
      // The button comes right after the title: the first thing Tab reaches on this page.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('liner-import');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT)
        .toBe('Two Sides');
      // The panel sits at the end of the document; the focus went to its title, not the body.
      await expect.poll(() => focused(page), WAIT).toBe('liner-import-overlay');
      const titleFocused = await hasFocus(panel(page, '[data-liner="panel"] h2'));
      expect(titleFocused).toBe(true);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, 'panel', scheme);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // Tab moves on inside the panel.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('liner-import-overlay');

      await expectNoSeriousViolations(page, 'store page panel', [
        'liner-import',
        'liner-import-overlay',
      ]);

      await page.keyboard.press('Escape');
      await expect.poll(() => panel(page, '[data-liner="panel"]').count(), WAIT).toBe(0);
      // Back on the button that opened it.
      expect(await focused(page)).toBe('liner-import');
      const buttonFocused = await hasFocus(widget(page, '[data-liner="import"]'));
      expect(buttonFocused).toBe(true);
      await page.close();
    }, 90_000);

    it('the keyboard shortcut’s message from the background opens the panel, as the button does', async () => {
      const page = await harness().open(DEEZER_PAGE, storePage('deezer', 'Two Sides'));
      await expect
        .poll(() => widget(page, '[data-liner="badge"]').text(), WAIT)
        .toBe('Not in MusicBrainz yet');
      // Headless Chromium does not turn keys into extension commands; what the background
      // sends the tab for Alt+Shift+M (background/commands.ts) is sent here the same way.
      await harness().browser.worker.evaluate(async (url) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: {
                query(q: { url: string }): Promise<{ id: number }[]>;
                sendMessage(id: number, message: unknown): Promise<unknown>;
              };
            };
          }
        ).chrome;
        const [tab] = await api.tabs.query({ url });
        await api.tabs.sendMessage(tab!.id, { type: 'command', command: 'import-release' });
      }, DEEZER_PAGE);
      await expect
        .poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT)
        .toBe('Two Sides');
      await page.close();
    }, 90_000);

    it('compare box: the focus goes to what it found; the box and the paste box pass axe', async () => {
      const page = await harness().open(
        `${MB}/release/${RELEASE_MBID}`,
        releasePage(RELEASE_MBID, 'Two Sides', 'Alpha'),
      );
      const box = (part: string) => inShadow(page, 'liner-musicbrainz', part);
      await expectNoSeriousViolations(page, 'release box', ['liner-musicbrainz']);
      await box('[data-liner="compare"]').click();
      await expect
        .poll(() => box('[data-liner="release-box"]').attribute('data-state'), WAIT)
        .toBe('shown');
      expect(await focused(page)).toBe('liner-musicbrainz');
      const headingFocused = await hasFocus(box('h2'));
      expect(headingFocused).toBe(true);
      await expectNoSeriousViolations(page, 'compare box', ['liner-musicbrainz']);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, 'compare-box', scheme, { fullPage: true });
      }
      await page.close();

      const editor = await harness().open(`${MB}/release/add`, editorPage());
      await expect.poll(() => inShadow(editor, 'liner-musicbrainz', 'input').count(), WAIT).toBe(1);
      await expectNoSeriousViolations(editor, 'paste box', ['liner-musicbrainz']);
      await editor.close();
    }, 90_000);

    it('the popup and the options page pass axe, light and dark', async () => {
      const { context, extensionId } = harness().browser;
      for (const path of ['popup.html', 'options.html']) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        await expect.poll(() => page.locator('h1, h2').count(), WAIT).toBeGreaterThan(0);
        await expectNoSeriousViolations(page, path);
        await page.close();
      }
    }, 90_000);

    it('the server pages: the permalink page, the after-import page and a missing one', async () => {
      const { api, companion, browser } = harness();
      const result = await api.lookup.release.mutate({ urls: [DEEZER] });
      const page = await browser.context.newPage();
      // The stores' cover art, drawn here: nothing leaves the machine.
      const cover = coverArt();
      await page.route(
        (url) => url.origin !== companion.server.url,
        (route) =>
          route.request().resourceType() === 'image'
            ? route.fulfill({ status: 200, contentType: 'image/png', body: cover })
            : route.abort(),
      );
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`${companion.server.url}/release/${result.id}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('main').count()).toBe(1);
      expect(await page.locator('h1').textContent()).toBe(result.release?.title);
      await expectNoSeriousViolations(page, 'permalink page');
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, 'permalink-page', scheme, { fullPage: true });
      }
      const mbid = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
      await page.goto(`${companion.server.url}/release/${result.id}/imported?release_mbid=${mbid}`);
      await expectNoSeriousViolations(page, 'after-import page');
      const missing = await page.goto(`${companion.server.url}/release/nosuchlookup`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectNoSeriousViolations(page, 'not-found page');
      await page.close();
    }, 90_000);
  },
);
