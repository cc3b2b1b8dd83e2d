/**
 * The built extension in Debian's Chromium imports a release from every store's stand-in page,
 * served under the store's real host name, through the real companion server (whose providers
 * answer from the recorded corpus and their fixtures) into a stand-in MusicBrainz, and shows the
 * right badge for a release MusicBrainz already links.
 */
import { tryRecognizeUrl } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../server/src/providers/registry.ts';
import { bar, placement } from './support/extension-browser.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { storePage } from './support/store-pages.ts';

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

describe.skipIf(!e2eAvailable())('the extension in Chromium', () => {
  const harness = useHarness({
    'https://www.deezer.com/album/629506181': [['release', LINKED_MBID]],
  });

  it('shows "In MusicBrainz" for a linked release and posts only the missing links', async () => {
    const page = await harness().open(LINKED_PAGE, storePage('deezer', 'Die With A Smile'));
    await expect.poll(() => bar(page).getAttribute('data-state'), WAIT).toBe('linked');
    const link = page.locator('liner-import [data-liner="badge"] a');
    expect(await link.getAttribute('href')).toBe(
      `https://test.musicbrainz.org/release/${LINKED_MBID}`,
    );
    expect(await placement(page)).toBe('anchored');
    await page.locator('liner-import [data-liner="import"]', { hasText: 'Look up' }).click();
    await expect
      .poll(() => page.locator('liner-import [data-liner="panel"] h2').textContent(), WAIT)
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
    it.skipIf(!PROVIDERS.has(c.store as never))(
      `imports from ${c.store}: ${c.title}`,
      async () => {
        const page = await harness().open(
          c.page,
          storePage(c.store, c.title, { noAnchor: c.noAnchor }),
        );
        await expect.poll(() => bar(page).getAttribute('data-state'), WAIT).toBe('not-linked');
        expect(await placement(page)).toBe(c.noAnchor ? 'floating' : 'anchored');
        await page.locator('liner-import [data-liner="import"]', { hasText: 'Import' }).click();
        const panel = page.locator('liner-import [data-liner="panel"]');
        await expect.poll(() => panel.locator('h2').textContent(), WAIT).toBe(c.title);
        expect(await panel.locator('tr[data-field="title"] .source').textContent()).toMatch(
          /^from /,
        );
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
      },
      60_000,
    );
  }
});
