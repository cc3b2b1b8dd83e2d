/**
 * Attacks on the built extension in Chromium, from a hostile companion server (a proxy in front
 * of the real one that rewrites chosen answers) and hostile stand-in store and MusicBrainz
 * pages. Each test is one attack an attacker's-eye probe made; each must end with nothing
 * posted that the user did not see, and nothing handed to the page or another host.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALPHA_MBID, twoSidesRelease } from '../support/store-stand-ins.ts';
import { contentWorld } from './support/content-world.ts';
import { bar, configure, panel, widget } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';
import { releasePage } from './support/musicbrainz-pages.ts';
import { inShadow } from './support/shadow.ts';
import { bandcampMusicPage, storePage } from './support/store-pages.ts';

const DEEZER = 'https://www.deezer.com/en/album/100001';
const TITLE = 'Two Sides';
const ATTACKER = 'https://attacker.example';
const BANDCAMP = 'https://frisyr.bandcamp.com/album/demo';
const RELEASE_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d21';
const BEATPORT = 'https://www.beatport.com/release/night-drive/4100001';
const SPOTIFY = 'https://open.spotify.com/album/LinerTwoSides000000001';
const OTHER_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d99';

type Fields = [string, string][];

describe.skipIf(!e2eAvailable('hostile pages and servers'))('hostile pages and servers', () => {
  const harness = useHarness(
    { 'https://www.deezer.com/artist/1': [['artist', ALPHA_MBID]] },
    {
      [RELEASE_MBID]: twoSidesRelease(RELEASE_MBID, {
        media: [
          { tracks: [{ title: 'Opening' }, { title: 'Duet' }] },
          { tracks: [{ title: 'Reprise' }] },
        ],
        links: [{ url: 'https://www.deezer.com/album/100001', type: 'free streaming' }],
      }),
    },
  );
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

  it('refuses messages a store page sends about another site, or a look-up it did not make', async () => {
    const page = await harness().open(DEEZER, storePage('deezer', TITLE));
    await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
    const world = await contentWorld(page, harness().browser.extensionId);
    const before = harness().site.posts.length;
    const asked = harness().upstream.standIn.requests.length;
    const tabs = harness().browser.context.pages().length;
    type Answer = { ok: boolean; problem?: { kind: string; message: string } };
    const attacks: [string, Record<string, unknown>, RegExp][] = [
      ['import', { url: BANDCAMP, permalink: 'madeupperma1' }, /not its own store/],
      ['lookup', { url: BANDCAMP }, /not its own store/],
      ['check', { urls: [DEEZER, BANDCAMP] }, /not its own store/],
      ['import', { url: DEEZER, permalink: 'madeupperma1' }, /did not look that release up/],
      ['compare', { mbid: OTHER_MBID }, /only from its own page/],
      ['compare.links', { mbid: OTHER_MBID }, /only from its own page/],
    ];
    for (const [type, data, reason] of attacks) {
      const answer = await world.send<Answer>(type, data);
      expect(answer, type).toMatchObject({ ok: false, problem: { kind: 'invalid-request' } });
      expect(answer.problem?.message, type).toMatch(reason);
    }
    // Nothing was posted, and the stores and MusicBrainz were not asked on the page's behalf.
    expect(harness().site.posts.length).toBe(before);
    expect(harness().upstream.standIn.requests.length).toBe(asked);
    expect(harness().browser.context.pages()).toHaveLength(tabs);
    await page.close();
  }, 60_000);

  it('keeps the API token where a content script cannot read it, moved from storage.local', async () => {
    const token = 'liner-e2e-secret-token-0123456789';
    // Where versions before this one kept it: in the settings in storage.local.
    await configure(harness().browser.worker, {
      version: 2,
      serverUrl: hostile.url,
      musicbrainz: 'test',
      token,
    });
    const asked = hostile.authorizations.length;
    // A page no cached answer covers: its badge asks the server.
    const page = await harness().open(
      'https://www.deezer.com/en/album/100002',
      storePage('deezer', 'Another'),
    );
    await expect.poll(() => hostile.authorizations.length, WAIT).toBeGreaterThan(asked);
    // Still sent to the server, from its new place.
    expect(hostile.authorizations.slice(asked)).toEqual(
      hostile.authorizations.slice(asked).map(() => `Bearer ${token}`),
    );
    const world = await contentWorld(page, harness().browser.extensionId);
    // Each place a content script could look; a refusal (session storage) is said, not thrown.
    const readable = await world.evaluate<string>(`(async () => {
      const read = async (what) => {
        try { return JSON.stringify(await what()); } catch (error) { return 'refused: ' + error.message; }
      };
      return [
        await read(() => chrome.storage.local.get(null)),
        await read(() => chrome.storage.session.get(null)),
        await read(() => indexedDB.databases()),
      ].join('\\n');
    })()`);
    expect(readable).not.toContain(token);
    expect(readable).toMatch(/"serverUrl"/);
    await page.close();
  }, 60_000);

  it('posts from the compare panel exactly the links it lists, whatever the server adds', async () => {
    hostile.tamper.set('musicbrainz.compare', (data) => {
      const comparison = data as { editSeed: { fields: Fields } };
      const fields = comparison.editSeed.fields.filter(([name]) => name !== 'redirect_uri');
      const next = fields.filter(([name]) => /^urls\.\d+\.url$/.test(name)).length;
      comparison.editSeed.fields = [
        ...fields,
        [`urls.${next}.url`, `${ATTACKER}/buy-now`],
        [`urls.${next}.link_type`, '74'],
        ['name', 'Buy at attacker.example'],
        ['annotation', `Visit ${ATTACKER}`],
        ['make_votable', '1'],
        ['redirect_uri', `${ATTACKER}/steal`],
      ];
      return comparison;
    });
    try {
      const page = await harness().open(
        `https://test.musicbrainz.org/release/${RELEASE_MBID}`,
        releasePage(RELEASE_MBID, 'Two Sides', 'Alpha'),
      );
      const box = (part: string, inside = '') =>
        inShadow(page, 'liner-musicbrainz', `[data-liner="${part}"] ${inside}`.trim());
      await box('compare').click();
      await expect.poll(() => box('release-box').attribute('data-state'), WAIT).toBe('shown');
      const listed = await box('missing-links', 'li').evaluateAll((items) =>
        items.map((li) => li.getAttribute('data-url')),
      );
      expect(listed).toEqual([BEATPORT, SPOTIFY]);
      expect(await box('messages').text()).toMatch(
        /Liner leaves it out: link https:\/\/attacker\.example\/buy-now \(type 74\), name, annotation, make_votable, redirect_uri\./,
      );
      // The barcode MusicBrainz lacks is listed too, and goes with the links.
      expect(await box('barcode').text()).toMatch(/^MusicBrainz has no barcode; the stores say /);
      // With the other fields the release lacks, each a listed row (issue 17).
      expect(await box('add-links').text()).toMatch(/^Add missing links, barcode and /);
      const before = harness().site.posts.length;
      await box('add-links').click();
      const posted = await harness().nextPost(before, box('import-failed'));
      expect(posted.path).toBe(`/release/${RELEASE_MBID}/edit`);
      const names = posted.fields.map(([name]) => name);
      expect(names.slice(0, 7)).toEqual([
        'urls.0.url',
        'urls.0.link_type',
        'urls.1.url',
        'urls.1.link_type',
        'urls.2.url',
        'urls.2.link_type',
        'barcode',
      ]);
      expect(names.slice(-2)).toEqual(['edit_note', 'redirect_uri']);
      // Between them only the listed field rows' own fields: no name, annotation or make_votable.
      const rows = await box('missing-fields', 'tr').evaluateAll((items) =>
        items.map((row) => row.getAttribute('data-field')),
      );
      for (const name of names.slice(7, -2))
        expect(rows).toContain(/^(\w+?)(\.|$)/.exec(name)![1]!);
      expect(posted.fields.filter(([name]) => name.endsWith('.url')).map(([, url]) => url)).toEqual(
        [BEATPORT, BEATPORT, SPOTIFY],
      );
      const redirect = posted.fields.find(([name]) => name === 'redirect_uri')![1];
      expect(new URL(redirect).origin).toBe(hostile.url);
      expect(JSON.stringify(posted.fields)).not.toContain('attacker');
      await page.close();
    } finally {
      hostile.tamper.delete('musicbrainz.compare');
    }
  }, 90_000);

  it('starts nothing from clicks on a button the page made invisible or moved out of sight', async () => {
    // The page turns Liner's host transparent (or hides it) and puts its own decoy on top, which
    // lets the clicks through to Liner's button: the user sees only the decoy.
    // [page CSS, whether the click still reaches Liner's button (a hidden one is not hit at all)]
    const tricks: [string, boolean][] = [
      ['liner-import { opacity: 0 !important; }', true],
      ['liner-import { filter: opacity(0.05) !important; }', true],
      ['#app { opacity: 0.3 !important; }', true],
      ['liner-import { visibility: hidden !important; }', false],
    ];
    for (const [trick, reached] of tricks) {
      const html = storePage('deezer', TITLE).replace(
        '</body>',
        `<style>${trick}</style><div id="decoy" style="position:fixed;inset:0;pointer-events:none;z-index:2147483647;display:grid;place-items:center;font:20px sans-serif">Claim your prize</div></body>`,
      );
      const page = await harness().open(DEEZER, html);
      await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
      const lookups = harness().upstream.standIn.requests.length;
      // A real click at the button's place: the shadow DOM has it, the page hides it.
      const button = widget(page, '[data-liner="import"]');
      const place = await button.evaluateAll((elements) => {
        const r = elements[0]!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(place.x, place.y);
      await page.mouse.click(place.x, place.y);
      if (reached)
        await expect
          .poll(() => widget(page, '[data-liner="problem"]').text(), WAIT)
          .toMatch(/^Liner's button was transparent when it was clicked, so nothing was done/);
      expect(await panel(page, '[data-liner="panel"]').count(), trick).toBe(0);
      expect(harness().upstream.standIn.requests.length, trick).toBe(lookups);
      await page.close();
    }
  }, 120_000);

  it('asks only about the listed releases in view, 200 of a stuffed page at most', async () => {
    const slugs = Array.from({ length: 350 }, (_, i) => `stuffed-${i}`);
    const asked = () =>
      new Set(
        harness()
          .upstream.standIn.requests.filter((r) => r.path.startsWith('/mb/ws/2/url'))
          .flatMap(
            (r) =>
              decodeURIComponent(r.path).match(/stuffband\.bandcamp\.com\/album\/stuffed-\d+/g) ??
              [],
          )
          .map((url) => Number(url.split('-').at(-1))),
      );
    const page = await harness().open(
      'https://stuffband.bandcamp.com/music',
      bandcampMusicPage('stuffband', slugs),
    );
    // What the window shows of the list: the links wholly in it, and those within reach of the
    // margin Liner looks ahead by (400 px, list-badges.ts).
    const reach = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('#music-grid a')].map((a) =>
        a.getBoundingClientRect(),
      );
      return {
        shown: tops.filter((r) => r.bottom <= innerHeight).length,
        near: tops.filter((r) => r.top < innerHeight + 400).length,
      };
    });
    expect(reach.near).toBeLessThan(200);
    // The server asks MusicBrainz at one request per second, 100 URL forms at a time.
    await expect.poll(() => asked().size, { timeout: 30_000 }).toBeGreaterThanOrEqual(reach.shown);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Math.max(...asked())).toBeLessThan(reach.near);
    // The user scrolls down the whole list: each part is asked about as it comes into view, in
    // the page's order, until the page's 200.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await expect.poll(() => asked().size, { timeout: 45_000 }).toBe(200);
    // Later changes to the page bring no more questions.
    await page.evaluate(() => document.body.append(document.createElement('p')));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(asked().size).toBe(200);
    expect(Math.max(...asked())).toBe(199);
    await page.close();
  }, 90_000);

  it('gives the page’s web font nothing of Liner’s text to shape', async () => {
    // A font whose glyph widths spell the text would turn the host's size into what it shows;
    // the page names its own for Liner's host, important and inline.
    const html = storePage('deezer', TITLE).replace(
      '</body>',
      `<style>@font-face { font-family: Spy; src: local("DejaVu Sans Mono"); }
        liner-import, liner-import-overlay, #control { font-family: Spy, monospace !important; font-feature-settings: "liga" 1 !important; }</style>
      <span id="control">Control</span><script>document.addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
        for (const host of document.querySelectorAll('liner-import, liner-import-overlay'))
          host.style.setProperty('font-family', 'Spy, cursive', 'important');
      }).observe(document.body, { childList: true, subtree: true }));</script></body>`,
    );
    const page = await harness().open(DEEZER, html);
    await expect.poll(() => bar(page).attribute('data-state'), WAIT).toBe('not-linked');
    await widget(page, '[data-liner="import"]', /^Import to MusicBrainz$/).click();
    await expect.poll(() => panel(page, '[data-liner="panel"] h2').text(), WAIT).toBe(TITLE);
    const fonts = async (host: string) =>
      inShadow(page, host, '*').evaluateAll((elements) => [
        ...new Set(elements.map((e) => getComputedStyle(e).fontFamily)),
      ]);
    // The page's rule takes on an element of its own, so the test is a real one.
    expect(
      await page.evaluate(() => getComputedStyle(document.getElementById('control')!).fontFamily),
    ).toMatch(/^Spy/);
    for (const host of ['liner-import', 'liner-import-overlay'])
      expect(
        await page.evaluate((h) => getComputedStyle(document.querySelector(h)!).fontFamily, host),
      ).toBe('system-ui, sans-serif');
    expect(await fonts('liner-import')).toEqual(['system-ui, sans-serif']);
    expect(await fonts('liner-import-overlay')).toEqual(['system-ui, sans-serif']);
    await page.close();
  }, 60_000);
});
