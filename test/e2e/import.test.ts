/**
 * The built extension in Debian's Chromium imports a release from every store's stand-in page,
 * served under the store's real host name, through the real companion server (whose providers
 * answer from the recorded corpus and their fixtures) into a stand-in MusicBrainz, and shows the
 * right badge for a release MusicBrainz already links. Every store's page also comes in a
 * redesigned form that no anchor knows, where the button finds the heading by the page's title,
 * and a page that names nothing, where it floats above the page's player bar.
 */
import { CHROME_EXTENSION_ID, tryRecognizeUrl } from '@liner/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_NAMES } from '../../extension/src/sites.ts';
import { bar, panel, placement, widget } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { escapeRegExp, inShadow } from './support/shadow.ts';
import { storePage } from './support/store-pages.ts';

const LINKED_MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';
const LINKED_PAGE = 'https://www.deezer.com/en/album/629506181';

interface Case {
  store: string;
  page: string;
  title: string;
}

const CASES: Case[] = [
  { store: 'deezer', page: 'https://www.deezer.com/en/album/100001', title: 'Two Sides' },
  {
    store: 'itunes',
    page: 'https://music.apple.com/gb/album/a-night-at-the-opera/1441458047',
    title: 'A Night at the Opera (Deluxe Edition)',
  },
  {
    store: 'bandcamp',
    page: 'https://frisyr.bandcamp.com/album/demo?from=discover',
    title: 'demo',
  },
  {
    store: 'beatport',
    page: 'https://www.beatport.com/release/night-drive/4100001',
    title: 'Night Drive',
  },
  {
    store: 'spotify',
    page: 'https://open.spotify.com/intl-de/album/10FLjwfpbxLmW8c25Xyc2N?si=e2e',
    title: 'Die With A Smile',
  },
  { store: 'tidal', page: 'https://listen.tidal.com/album/100001', title: 'Two Sides' },
  {
    store: 'discogs',
    page: 'https://www.discogs.com/release/1503102-Rick-Astley-Never-Gonna-Give-You-Up',
    title: 'Never Gonna Give You Up',
  },
  {
    store: 'qobuz',
    page: 'https://www.qobuz.com/gb-en/album/night-lines/abc123xyz',
    title: 'Night Lines (Deluxe Edition)',
  },
  { store: 'mora', page: 'https://mora.jp/package/43000006/00602488058599/', title: 'MAGIC' },
  { store: 'ototoy', page: 'https://ototoy.jp/_/default/p/1822344', title: 'THE BOOK 3' },
];

/** [store, a release page MusicBrainz links (canonical form), its MBID, the page's title] */
const JAPANESE_LINKED: [string, string, string, string][] = [
  [
    'mora',
    'https://mora.jp/package/43000035/198704758065_F/',
    '2f0c4a59-4c1e-4d5a-9a0e-1b3c5d7e9f01',
    'バンドリ！ ガールズバンドパーティ！ カバーコレクションVol.10',
  ],
  [
    'ototoy',
    'https://ototoy.jp/_/default/p/709920',
    '3a1d5b6a-5d2f-4e6b-8b1f-2c4d6e8f0a12',
    'Gimme吟味virtuaる最高star!!!!',
  ],
];

/** An OTOTOY artist page: its releases listed as links, the way the store lists them. */
function ototoyArtistPage(ids: number[]): string {
  const items = ids
    .map((id) => `<li class="album-item"><a href="/_/default/p/${id}">p${id}</a></li>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>sasakure.UK - OTOTOY</title></head><body><h1 class="artist-name">sasakure.UK</h1><ul class="album-list">${items}</ul></body></html>`;
}

/** The element right before the button: the store's title heading when the button is anchored. */
function beforeButton(page: Page) {
  return page.evaluate(() => {
    const before = document.querySelector('liner-import')?.previousElementSibling;
    return before ? `${before.localName}: ${before.textContent}` : null;
  });
}

describe.skipIf(!e2eAvailable('the extension in Chromium'))('the extension in Chromium', () => {
  const harness = useHarness({
    'https://www.deezer.com/album/629506181': [['release', LINKED_MBID, 'Die With A Smile']],
    ...Object.fromEntries(
      JAPANESE_LINKED.map(([, url, mbid]) => [
        url,
        [['release', mbid] as [string, string, string?]],
      ]),
    ),
  });

  it('runs under the pinned Chrome extension ID, the one the server’s default CORS allows', () => {
    // The companion runs with the default server.corsOrigins; every import below goes through it.
    expect(harness().browser.extensionId).toBe(CHROME_EXTENSION_ID);
  });

  it('covers every store the extension supports', () => {
    expect(CASES.map((c) => c.store).sort()).toEqual([...SITE_NAMES].sort());
  });

  it('shows "In MusicBrainz: <title>" for a linked release and posts only the missing links', async () => {
    const page = await harness().open(LINKED_PAGE, storePage('deezer', 'Die With A Smile'));
    await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('linked');
    // Closed: the page's scripts see the host and nothing inside it.
    expect(
      await page.evaluate(() => document.querySelector('liner-import')?.shadowRoot),
    ).toBeNull();
    expect(await widget(page, '[data-liner="badge"] a').attribute('href')).toBe(
      `https://test.musicbrainz.org/release/${LINKED_MBID}`,
    );
    expect(await widget(page, '[data-liner="badge"]').text()).toBe(
      'In MusicBrainz: Die With A Smile',
    );
    expect(await placement(page)).toBe('anchored');
    await widget(page, '[data-liner="import"]', /^Compare with stores$/).click();
    await expect
      .poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT)
      .toBe('Die With A Smile');
    const posted = await harness().post(page, 'Add missing links');
    expect(posted.path).toBe(`/release/${LINKED_MBID}/edit`);
    const seed = await harness().api.seeds.build.query({
      id: harness().permalinkOf(posted),
      existing: LINKED_MBID,
    });
    expect(posted.fields).toEqual(seed.fields);
    expect(
      posted.fields.filter(([n]) => /^urls\.\d+\.url$/.test(n)).map(([, v]) => v),
    ).not.toContain('https://www.deezer.com/album/629506181');
    await page.close();
  }, 60_000);

  for (const c of CASES) {
    it(`imports from ${c.store}: ${c.title}`, async () => {
      const page = await harness().open(c.page, storePage(c.store, c.title));
      await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
      expect(await placement(page)).toBe('anchored');
      expect(await beforeButton(page)).toMatch(new RegExp(`^h[12]: .*${escapeRegExp(c.title)}$`));
      expect(await widget(page, '[data-liner="badge"]').text()).toBe('Not in MusicBrainz yet');
      await widget(page, '[data-liner="import"]', /^Import to MusicBrainz$/).click();
      await expect.poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT).toBe(c.title);
      expect(await panel(page, 'tr[data-field="title"] .source').text()).toMatch(/^from /);
      const posted = await harness().post(page, 'Open in MusicBrainz');
      expect(posted).toMatchObject({
        host: 'test.musicbrainz.org',
        path: '/release/add?skip_confirmation=1',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(posted.fields[0]).toEqual(['name', c.title]);
      // The page's own release goes with it as a store link (the store may spell its slug).
      const release = tryRecognizeUrl(c.page)!.entity;
      const links = posted.fields
        .filter(([name]) => /^urls\.\d+\.url$/.test(name))
        .map(([, url]) => tryRecognizeUrl(url)?.entity);
      expect(links).toContainEqual(
        expect.objectContaining({ store: release.store, id: release.id }),
      );
      // Exactly the fields the server's seed builder made for this look-up, in order.
      const seed = await harness().api.seeds.build.query({ id: harness().permalinkOf(posted) });
      expect(seed.problems).toEqual([]);
      expect(posted.fields).toEqual(seed.fields);
      await page.close();

      // The same page after a redesign: no anchor knows it, but the heading that its og:title
      // names is found, and the button goes right after it.
      const redesigned = await harness().open(
        c.page,
        storePage(c.store, c.title, { noAnchor: true }),
      );
      await expect.poll(() => bar(redesigned).attribute('data-state'), WAIT).not.toBe('checking');
      expect(await placement(redesigned)).toBe('title');
      expect(await beforeButton(redesigned)).toBe(`h1: ${c.title}`);
      expect(await widget(redesigned, '[data-liner="import"]').count()).toBe(1);
      await redesigned.close();
    }, 60_000);
  }

  it.each(JAPANESE_LINKED)(
    'shows "In MusicBrainz" on a %s page MusicBrainz links',
    async (store, url, mbid, title) => {
      const page = await harness().open(url, storePage(store, title));
      await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('linked');
      expect(await widget(page, '[data-liner="badge"] a').attribute('href')).toBe(
        `https://test.musicbrainz.org/release/${mbid}`,
      );
      expect(await placement(page)).toBe('anchored');
      await page.close();
    },
    60_000,
  );

  it('marks the linked releases on an OTOTOY artist page', async () => {
    const page = await harness().open(
      'https://ototoy.jp/_/default/a/153628',
      ototoyArtistPage([3016055, 709920]),
    );
    const marks = inShadow(page, 'liner-mb', 'a');
    await expect.poll(() => marks.count(), WAIT).toBe(1);
    expect(await marks.attribute('href')).toBe(
      `https://test.musicbrainz.org/release/${JAPANESE_LINKED[1]![2]}`,
    );
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('liner-mb')].map((m) => m.previousElementSibling?.textContent),
    );
    expect(marked).toEqual(['p709920']);
    expect(await page.locator('liner-import').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('floats above the player bar where nothing names the release', async () => {
    const c = CASES.find((x) => x.store === 'tidal')!;
    const page = await harness().open(c.page, storePage(c.store, c.title, { unreadable: true }));
    await expect.poll(() => bar(page).attribute('data-state'), WAIT).not.toBe('checking');
    expect(await placement(page)).toBe('floating');
    const boxes = await page.evaluate(() => {
      const button = document.querySelector('liner-import')!.getBoundingClientRect();
      const player = document.getElementById('player')!.getBoundingClientRect();
      return { buttonBottom: button.bottom, playerTop: player.top, height: button.height };
    });
    expect(boxes.height).toBeGreaterThan(0);
    expect(boxes.buttonBottom).toBeLessThanOrEqual(boxes.playerTop);
    await page.close();
  }, 60_000);

  it('opens the panel above the page even from a container that clips', async () => {
    const c = CASES.find((x) => x.store === 'spotify')!;
    const page = await harness().open(c.page, storePage(c.store, c.title, { clipping: true }));
    await widget(page, '[data-liner="import"]').click();
    await expect.poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT).toBe(c.title);
    const seen = await panel(page, '[data-liner="panel"]').evaluateAll((elements) => {
      const box = elements[0]!.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { top: box.top, right: window.innerWidth - box.right, hit: hit?.localName };
    });
    expect(seen).toEqual({ top: 16, right: 16, hit: 'liner-import-overlay' });
    await page.close();
  }, 60_000);
});
