/**
 * The extension on pages that change without a reload (every single-page store), on a list page
 * (one batched check, marks on the linked releases), and with the companion server gone: a
 * second visit is served from IndexedDB (badge, panel, a seed built in the extension) and the
 * popup says the server is down.
 */
import { tryRecognizeUrl } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { bar, panel, placement, widget } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { inShadow } from './support/shadow.ts';
import { bandcampMusicPage, storePage } from './support/store-pages.ts';

const LINKED_MBID = '0d3e5f7a-9b1c-4d2e-8f3a-5b7c9d1e2f3a';
const BANDCAMP = 'https://frisyr.bandcamp.com/album/demo';

/** [store, the linked page it starts on, the path it moves to in place] */
const SPA: [string, string, string][] = [
  ['deezer', 'https://www.deezer.com/en/album/629506181', '/en/album/100001'],
  [
    'spotify',
    'https://open.spotify.com/album/LinerSpaFrom0000000001',
    '/album/LinerSpaTo000000000002',
  ],
  ['tidal', 'https://listen.tidal.com/album/900001', '/album/900002'],
  ['itunes', 'https://music.apple.com/gb/album/from/900001', '/gb/album/to/900002'],
];
const LIST_LINKED = 'https://listband.bandcamp.com/album/second';

const linked = (url: string) => ({
  [tryRecognizeUrl(url)!.canonicalUrl]: [['release', LINKED_MBID]] as [string, string][],
});

describe.skipIf(!e2eAvailable('the extension in Chromium, navigating and offline'))(
  'the extension in Chromium, navigating and offline',
  () => {
    const harness = useHarness({
      ...Object.assign({}, ...SPA.map(([, from]) => linked(from))),
      ...linked(LIST_LINKED),
    });

    for (const [store, from, to] of SPA) {
      it(`re-detects the page when ${store} changes its URL without a reload`, async () => {
        const page = await harness().open(
          from,
          storePage(store, 'First', { spaLink: { path: to, title: 'Second' } }),
        );
        await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('linked');
        await page.click('#spa-link');
        expect(page.url()).toBe(new URL(to, from).href);
        await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
        expect(await page.locator('liner-import').count()).toBe(1);
        await expect.poll(() => placement(page), WAIT).toBe('anchored');
        const before = await page.evaluate(
          () => document.querySelector('liner-import')?.previousElementSibling?.textContent,
        );
        expect(before).toContain('Second');
        await page.close();
      }, 60_000);
    }

    it('checks a list page’s releases in one call and marks the linked ones', async () => {
      const asked = () =>
        harness().upstream.standIn.requests.filter(
          (r) => r.path.startsWith('/mb/ws/2/url') && r.path.includes('listband'),
        );
      const page = await harness().open(
        'https://listband.bandcamp.com/music',
        bandcampMusicPage('listband', ['first', 'second', 'third']),
      );
      const marks = inShadow(page, 'liner-mb', 'a');
      await expect.poll(() => marks.count(), WAIT).toBe(1);
      expect(await marks.attribute('href')).toBe(
        `https://test.musicbrainz.org/release/${LINKED_MBID}`,
      );
      const marked = await page.evaluate(() =>
        [...document.querySelectorAll('liner-mb')].map(
          (m) => m.previousElementSibling?.textContent,
        ),
      );
      expect(marked).toEqual(['second']);
      // All three releases in the one question the server asked MusicBrainz.
      expect(asked()).toHaveLength(1);
      for (const slug of ['first', 'second', 'third'])
        expect(decodeURIComponent(asked()[0]!.path)).toContain(
          `listband.bandcamp.com/album/${slug}`,
        );
      expect(await page.locator('liner-import').count()).toBe(0);
      await page.close();
    }, 60_000);

    it('works from IndexedDB with the server stopped: badge, panel, import, popup', async () => {
      const online = await harness().open(BANDCAMP, storePage('bandcamp', 'demo'));
      await expect.poll(() => bar(online).attribute('data-state'), WAIT).toBe('not-linked');
      await widget(online, '[data-liner="import"]').click();
      await expect.poll(() => panel(online, '[data-liner="panel"] h2').text(), WAIT).toBe('demo');
      const first = await harness().post(online, 'Open in MusicBrainz');
      await online.close();

      await harness().companion.stop();
      const page = await harness().open(BANDCAMP, storePage('bandcamp', 'demo'));
      // The import made the badge answer stale; with the server gone the stale one is shown.
      await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
      expect(await widget(page, '[data-liner="offline"]').text()).toBe(
        'from cache: the server is down',
      );
      await widget(page, '[data-liner="import"]').click();
      await expect.poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT).toBe('demo');
      expect(await panel(page, '[data-liner="cache-note"]').text()).toMatch(
        /^From Liner's cache \(looked up /,
      );
      const second = await harness().post(page, 'Open in MusicBrainz');
      // Built in the extension from the cached look-up with the same shared builder.
      expect(second.fields).toEqual(first.fields);
      expect(await panel(page, '[data-liner="import-done"]').text()).toContain(
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
  },
);
