/**
 * The built extension in Debian's Chromium, on stand-in store pages served under the stores'
 * real host names, talking to the real companion server (`liner serve`) whose providers answer
 * from the recorded corpus and their fixtures, and posting to a stand-in MusicBrainz.
 */
import { STORES, tryRecognizeUrl } from '@liner/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../server/src/providers/registry.ts';
import { browserAvailable } from '../support/browser.ts';
import { corpusAvailable } from '../support/corpus.ts';
import { apiClient } from '../support/server.ts';
import { makeCertificate } from './support/certificate.ts';
import { type Companion, replayDirs, startCompanion } from './support/companion.ts';
import {
  bar,
  configure,
  type ExtensionBrowser,
  extensionBuilt,
  launchWithExtension,
  placement,
} from './support/extension-browser.ts';
import { storePage } from './support/store-pages.ts';
import {
  MUSICBRAINZ_HOSTS,
  type Posted,
  type StoreSite,
  startStoreSite,
} from './support/store-site.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

const LINKED_MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';
const LINKED_PAGE = 'https://www.deezer.com/en/album/629506181';

interface Case {
  store: string;
  page: string;
  title: string;
  /** The page has lost its title anchor (a redesign): the button floats. */
  noAnchor?: boolean;
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
    noAnchor: true,
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
];

/** Hosts Chromium sends to the stand-in site: every supported store's, and MusicBrainz's. */
const HOSTS = [
  ...new Set([
    ...STORES.filter((s) => CASES.some((c) => c.store === s.name) || s.name === 'deezer').flatMap(
      (s) => s.hosts,
    ),
    ...MUSICBRAINZ_HOSTS,
  ]),
];

const run = browserAvailable() && corpusAvailable() && extensionBuilt();

describe.skipIf(!run)('the extension in Chromium', () => {
  let site: StoreSite;
  let upstream: Upstream;
  let companion: Companion;
  let browser: ExtensionBrowser;
  let api: ReturnType<typeof apiClient>;
  /** What each store's import posted while the server was up. */
  const onlineFields = new Map<string, [string, string][]>();

  beforeAll(async () => {
    site = await startStoreSite(makeCertificate(HOSTS));
    upstream = await startUpstream({
      replayDirs: replayDirs(),
      linked: { 'https://www.deezer.com/album/629506181': [['release', LINKED_MBID]] },
    });
    companion = await startCompanion(upstream.env);
    api = apiClient(companion.server.url);
    browser = await launchWithExtension(HOSTS, site.port);
    await configure(browser.worker, {
      version: 2,
      serverUrl: companion.server.url,
      musicbrainz: 'test',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
    await upstream?.standIn.close();
    await site?.close();
  });

  async function open(url: string, html: string): Promise<Page> {
    site.page(url, html);
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Clicks an action in the panel and waits for the form the new tab posts to MusicBrainz. */
  async function post(page: Page, action: string): Promise<Posted> {
    const before = site.posts.length;
    await page.locator('liner-import [data-liner="panel"] button', { hasText: action }).click();
    const failed = page.locator('liner-import [data-liner="import-failed"]');
    await expect
      .poll(async () => ((await failed.count()) ? await failed.textContent() : site.posts.length), {
        timeout: 20_000,
      })
      .toBe(before + 1);
    return site.posts.at(-1)!;
  }

  /** The look-up's permalink, from the server page MusicBrainz is told to return to. */
  function permalinkOf(posted: Posted): string {
    const redirect = posted.fields.find(([name]) => name === 'redirect_uri')?.[1] ?? '';
    const id = new RegExp(`^${companion.server.url}/release/([^/]+)/imported$`).exec(redirect)?.[1];
    if (!id) throw new Error(`the seed returns to no look-up of this server: ${redirect}`);
    return id;
  }

  it('shows "In MusicBrainz" for a linked release and posts only the missing links', async () => {
    const page = await open(LINKED_PAGE, storePage('deezer', 'Die With A Smile'));
    await expect.poll(() => bar(page).getAttribute('data-state')).toBe('linked');
    const link = page.locator('liner-import [data-liner="badge"] a');
    expect(await link.getAttribute('href')).toBe(
      `https://test.musicbrainz.org/release/${LINKED_MBID}`,
    );
    expect(await placement(page)).toBe('anchored');
    await page.locator('liner-import [data-liner="import"]', { hasText: 'Look up' }).click();
    await expect
      .poll(() => page.locator('liner-import [data-liner="panel"] h2').textContent(), {
        timeout: 20_000,
      })
      .toBe('Die With A Smile');
    const posted = await post(page, 'Add missing links');
    expect(posted.path).toBe(`/release/${LINKED_MBID}/edit`);
    const seed = await api.seeds.build.query({ id: permalinkOf(posted), existing: LINKED_MBID });
    expect(posted.fields).toEqual(seed.fields);
    expect(
      posted.fields.filter(([n]) => /^urls\.\d+\.url$/.test(n)).map(([, v]) => v),
    ).not.toContain('https://www.deezer.com/album/629506181');
    await page.close();
  }, 60_000);

  for (const c of CASES) {
    it.skipIf(!PROVIDERS.has(c.store as never))(
      `imports from ${c.store}: ${c.title}`,
      async () => {
        const page = await open(c.page, storePage(c.store, c.title, { noAnchor: c.noAnchor }));
        await expect
          .poll(() => bar(page).getAttribute('data-state'), { timeout: 15_000 })
          .toBe('not-linked');
        expect(await placement(page)).toBe(c.noAnchor ? 'floating' : 'anchored');
        await page.locator('liner-import [data-liner="import"]', { hasText: 'Import' }).click();
        const panel = page.locator('liner-import [data-liner="panel"]');
        await expect
          .poll(() => panel.locator('h2').textContent(), { timeout: 30_000 })
          .toBe(c.title);
        expect(await panel.locator('tr[data-field="title"] .source').textContent()).toMatch(
          /^from /,
        );
        const posted = await post(page, 'Open in MusicBrainz');
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
        const seed = await api.seeds.build.query({ id: permalinkOf(posted) });
        expect(seed.problems).toEqual([]);
        expect(posted.fields).toEqual(seed.fields);
        onlineFields.set(c.store, posted.fields);
        await page.close();
      },
      60_000,
    );
  }

  it('re-detects the page when a single-page store changes its URL without a reload', async () => {
    const page = await open(
      LINKED_PAGE,
      storePage('deezer', 'Die With A Smile', {
        spaLink: { path: '/en/album/100001', title: 'Two Sides' },
      }),
    );
    await expect.poll(() => bar(page).getAttribute('data-state')).toBe('linked');
    await page.click('#spa-link');
    expect(page.url()).toBe('https://www.deezer.com/en/album/100001');
    await expect
      .poll(() => bar(page).getAttribute('data-state'), { timeout: 10_000 })
      .toBe('not-linked');
    expect(await page.locator('liner-import').count()).toBe(1);
    expect(await placement(page)).toBe('anchored');
    expect(
      await page.evaluate(() => document.querySelector('h1')?.nextElementSibling?.localName),
    ).toBe('liner-import');
    await page.close();
  }, 60_000);

  it('works from IndexedDB with the server stopped: badge, panel, import, popup', async () => {
    const bandcamp = CASES.find((c) => c.store === 'bandcamp')!;
    await companion.stop();
    const page = await open(bandcamp.page, storePage('bandcamp', bandcamp.title));
    await expect.poll(() => bar(page).getAttribute('data-state')).toBe('not-linked');
    expect(await page.locator('liner-import [data-liner="offline"]').textContent()).toBe(
      'from cache: the server is down',
    );
    await page.locator('liner-import [data-liner="import"]').click();
    const panel = page.locator('liner-import [data-liner="panel"]');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(bandcamp.title);
    expect(await panel.locator('[data-liner="cache-note"]').textContent()).toMatch(
      /^From Liner's cache \(looked up /,
    );
    const posted = await post(page, 'Open in MusicBrainz');
    // Built in the extension from the cached look-up, with the same shared builder.
    expect(posted.fields).toEqual(onlineFields.get('bandcamp'));
    expect(await panel.locator('[data-liner="import-done"]').textContent()).toContain(
      'built from the cache',
    );
    await page.close();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('[data-liner="server"]').getAttribute('data-up'))
      .toBe('false');
    expect(await popup.locator('[data-liner="server"]').textContent()).toContain(
      'is not reachable',
    );
    const imports = await popup.locator('[data-liner="imports"] li').allTextContents();
    expect(imports.filter((line) => line.startsWith('Imported demo (Bandcamp)'))).toHaveLength(2);
    expect(await popup.locator('[data-liner="lookups"] li').count()).toBeGreaterThanOrEqual(
      CASES.length,
    );
    await popup.close();
  }, 60_000);
});
