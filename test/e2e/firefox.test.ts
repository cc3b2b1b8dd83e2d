/**
 * A smoke test of the Firefox build (extension/.output/firefox-mv3) in Debian's Firefox ESR,
 * installed as a temporary add-on over WebDriver BiDi: on a stand-in Deezer page under its real
 * host name (network.dns.localDomains sends it to loopback, network.socket.forcePort sends
 * port 443 to the stand-in site), the content script mounts the button next to the title, the
 * badge comes back from the real companion server, and Import opens the panel and posts the
 * seed to the stand-in MusicBrainz. The stand-ins and the server are the Chromium e2e's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeByName } from '@liner/shared';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusAvailable } from '../support/corpus.ts';
import {
  firefoxAvailable,
  inShadowRoots,
  launchFirefox,
  navigate,
  run,
} from '../support/firefox.ts';
import { apiClient } from '../support/server.ts';
import { type Backends, startBackends } from './support/backends.ts';
import { storePage } from './support/store-pages.ts';
import { MUSICBRAINZ_HOSTS } from './support/store-site.ts';
import { WAIT } from './support/timing.ts';

const FIREFOX_BUILD = resolve(
  fileURLToPath(import.meta.url),
  '../../../extension/.output/firefox-mv3',
);

/** The Firefox build's manifest, or an error that says how to make it. */
function firefoxManifest(): { browser_specific_settings: { gecko: { id: string } } } {
  try {
    return JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(
      `No Firefox build at ${FIREFOX_BUILD}: run "npm run build:ext" first (npm test does).`,
    );
  }
}

function available(): boolean {
  const suite = 'the extension in Firefox';
  if (!firefoxAvailable(suite) || !corpusAvailable(suite)) return false;
  firefoxManifest();
  return true;
}

/** Firefox gives each install a random UUID; the profile pins it, so the test can open pages. */
const EXTENSION_UUID = '4c1b5e0a-7d2f-4e8b-9a63-5f0d2c8e1b47';
const LINKED_MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';
const LINKED_PAGE = 'https://www.deezer.com/en/album/629506181';
const PAGE = 'https://www.deezer.com/en/album/100001';
const TITLE = 'Two Sides';
const HOSTS = [...storeByName('deezer').hosts, ...MUSICBRAINZ_HOSTS];

/** The elements matching `selector` (and `hasText`) in the closed shadow root of every `host`. */
function part(page: Page, host: string, selector: string, hasText?: string) {
  const find = `(root, arg) => [...root.querySelectorAll(arg.selector)].filter(
    (e) => arg.text === null || e.textContent.includes(arg.text))`;
  const arg = { selector, text: hasText ?? null };
  return {
    texts: () =>
      inShadowRoots<string>(page, host, `(r, a) => (${find})(r, a).map((e) => e.textContent)`, arg),
    attributes: (name: string) =>
      inShadowRoots<string | null>(
        page,
        host,
        `(r, a) => (${find})(r, a).map((e) => e.getAttribute(a.name))`,
        { ...arg, name },
      ),
    /** A real (trusted) mouse click at the middle of the first enabled match, once it exists. */
    async click() {
      let point: { x: number; y: number } | undefined;
      await expect
        .poll(async () => {
          [point] = await inShadowRoots<{ x: number; y: number }>(
            page,
            host,
            `(r, a) => (${find})(r, a).slice(0, 1).flatMap((e) => {
              e.scrollIntoView({ block: 'center' });
              const b = e.getBoundingClientRect();
              return b.width > 0 && !e.disabled ? [{ x: b.x + b.width / 2, y: b.y + b.height / 2 }] : [];
            })`,
            arg,
          );
          return point !== undefined;
        }, WAIT)
        .toBe(true);
      await page.mouse.click(point!.x, point!.y);
    },
  };
}

const widget = (page: Page, selector: string, hasText?: string) =>
  part(page, 'liner-import', selector, hasText);
const panel = (page: Page, selector: string, hasText?: string) =>
  part(page, 'liner-import-overlay', selector, hasText);
const state = async (page: Page) =>
  (await widget(page, '[data-liner="bar"]').attributes('data-state'))[0];

describe.skipIf(!available())('the extension in Firefox', () => {
  let backends: Backends;
  let browser: Browser;

  beforeAll(async () => {
    backends = await startBackends(HOSTS, {
      'https://www.deezer.com/album/629506181': [['release', LINKED_MBID]],
    });
    const { site, companion } = backends;
    const id = firefoxManifest().browser_specific_settings.gecko.id;
    browser = await launchFirefox({
      acceptInsecureCerts: true,
      prefs: {
        'network.dns.localDomains': HOSTS.join(','),
        'network.socket.forcePort': `443=${site.port}`,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      },
    });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(id);
    // The settings are written from the options page, once it has read (and stored) its own.
    const options = await browser.newPage();
    await navigate(options, `moz-extension://${EXTENSION_UUID}/options.html`);
    const stored = () =>
      run<{ serverUrl?: string } | null>(
        options,
        `async () => (await browser.storage.local.get('settings')).settings`,
      );
    await vi.waitFor(async () => {
      if (!(await stored())) throw new Error('the options page has not read its settings yet');
    }, WAIT);
    await run(options, `async (settings) => { await browser.storage.local.set({ settings }); }`, {
      version: 2,
      serverUrl: companion.server.url,
      musicbrainz: 'test',
    });
    expect((await stored())?.serverUrl).toBe(companion.server.url);
    await options.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await backends?.close();
  });

  async function open(url: string, html: string): Promise<Page> {
    backends.site.page(url, html);
    const page = await browser.newPage();
    await page.goto(url);
    return page;
  }

  it('shows "In MusicBrainz" with the link for a release MusicBrainz already has', async () => {
    const page = await open(LINKED_PAGE, storePage('deezer', 'Die With A Smile'));
    await expect.poll(() => state(page), WAIT).toBe('linked');
    expect(await page.evaluate(() => document.querySelector('liner-import')?.shadowRoot)).toBe(
      null,
    );
    expect(await widget(page, '[data-liner="badge"] a').attributes('href')).toEqual([
      `https://test.musicbrainz.org/release/${LINKED_MBID}`,
    ]);
    await page.close();
  }, 60_000);

  it('imports from a Deezer page: button by the title, panel, seed posted to MusicBrainz', async () => {
    const page = await open(PAGE, storePage('deezer', TITLE));
    await expect.poll(() => state(page), WAIT).toBe('not-linked');
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('liner-import');
        return [host?.getAttribute('data-placement'), host?.previousElementSibling?.textContent];
      }),
    ).toEqual(['anchored', TITLE]);
    await widget(page, '[data-liner="import"]', 'Import').click();
    await expect.poll(() => panel(page, '[data-liner="panel"] h2').texts(), WAIT).toEqual([TITLE]);
    await panel(page, 'button', 'Open in MusicBrainz').click();
    const { site, companion } = backends;
    await expect.poll(() => site.posts.length, WAIT).toBe(1);
    const posted = site.posts[0]!;
    expect(posted).toMatchObject({
      host: 'test.musicbrainz.org',
      path: '/release/add?skip_confirmation=1',
    });
    expect(posted.fields[0]).toEqual(['name', TITLE]);
    const permalink = backends.permalinkOf(posted);
    const seed = await apiClient(companion.server.url).seeds.build.query({ id: permalink });
    expect(posted.fields).toEqual(seed.fields);
    await page.close();
  }, 60_000);
});
