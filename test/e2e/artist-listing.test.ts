/**
 * The built extension in Chromium lists an artist's releases at the stores through the real
 * companion server: on Deezer's and Discogs' artist pages (stand-ins under the real host names)
 * the bar opens the panel, which shows each release's state in MusicBrainz, and Import posts the
 * usual seed of a missing release; on the MusicBrainz artist page the box takes the sidebar's
 * store pages and lists the releases MusicBrainz lacks, importing from there too. The stores'
 * listing answers are HAND-WRITTEN (the corpus has no artist listings), naming releases the
 * corpus has, so that the imports look them up from recorded data.
 */
import { tryRecognizeUrl } from '@liner/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lowContrast, seriousViolations } from './support/axe.ts';
import { e2eAvailable, useHarness, WAIT } from './support/harness.ts';
import { inShadow } from './support/shadow.ts';

const MB = 'https://test.musicbrainz.org';
const ARTIST_MBID = '5c2d1e0f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const LINKED_MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';
const GROUP_MBID = '6d3e2f10-4b5c-4d6e-9f70-8b9c0d1e2f30';

const DEEZER_ARTIST = 'https://www.deezer.com/artist/27';
const DEEZER_MISSING = 'https://www.deezer.com/album/100001';
const DEEZER_LINKED = 'https://www.deezer.com/album/629506181';
const DEEZER_GROUP = 'https://www.deezer.com/album/700003';
const DISCOGS_ARTIST = 'https://www.discogs.com/artist/4242-Ada-Lane';
const DISCOGS_MISSING = 'https://www.discogs.com/release/1503102';
const DISCOGS_MASTER = 'https://www.discogs.com/master/96559';

/** HAND-WRITTEN store answers, by the URL the providers ask (Deezer's and Discogs' APIs). */
const ANSWERS: Record<string, object> = {
  'https://api.deezer.com/artist/27': { id: 27, name: 'Ada Lane' },
  'https://api.deezer.com/artist/27/albums?index=0&limit=100': {
    data: [
      { id: 100001, title: 'Two Sides', release_date: '2023-05-05', record_type: 'album' },
      {
        id: 629506181,
        title: 'Die With A Smile',
        release_date: '2024-08-16',
        record_type: 'single',
      },
      { id: 700003, title: 'Night Lines', release_date: '2021-01-01', record_type: 'ep' },
    ],
    total: 3,
  },
  // An artist page MusicBrainz links to no artist: a sidebar naming it gets no listing.
  'https://api.deezer.com/artist/28': { id: 28, name: 'Someone Else' },
  'https://api.deezer.com/artist/28/albums?index=0&limit=100': {
    data: [{ id: 100001, title: 'Two Sides', record_type: 'album' }],
    total: 1,
  },
  'https://api.discogs.com/artists/4242': { id: 4242, name: 'Ada Lane' },
  'https://api.discogs.com/artists/4242/releases?sort=year&sort_order=asc&page=1&per_page=100': {
    pagination: { page: 1, pages: 1, items: 3 },
    releases: [
      { id: 1503102, type: 'release', title: 'Never Gonna Give You Up', role: 'Main', year: 1987 },
      { id: 96559, type: 'master', title: 'Whenever You Need Somebody', role: 'Main' },
      { id: 7000001, type: 'release', title: 'Guest Spot', role: 'Appearance' },
    ],
  },
};

const canonical = (url: string) => tryRecognizeUrl(url)!.canonicalUrl;

/** What MusicBrainz links: both artist pages to the artist, one release, one release group. */
const LINKED: Record<string, [string, string, string?][]> = {
  [canonical(DEEZER_ARTIST)]: [['artist', ARTIST_MBID, 'Ada Lane']],
  [canonical(DISCOGS_ARTIST)]: [['artist', ARTIST_MBID, 'Ada Lane']],
  'https://www.deezer.com/album/629506181': [['release', LINKED_MBID, 'Die With A Smile']],
  [DEEZER_GROUP]: [['release-group', GROUP_MBID, 'Night Lines']],
  [DISCOGS_MASTER]: [['release-group', GROUP_MBID, 'Whenever You Need Somebody']],
};

function artistPage(name: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body><h1>${name}</h1><p>Discography</p></body></html>`;
}

function musicBrainzArtistPage(links: string[]): string {
  const items = links.map((url) => `<li><a href="${url}">${new URL(url).host}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ada Lane - MusicBrainz</title></head>
<body><div id="page"><div id="content"><div class="artistheader"><h1><a href="/artist/${ARTIST_MBID}">Ada Lane</a></h1></div></div>
<div id="sidebar"><h2>External links</h2><ul class="external_links">${items}
<li><a href="https://www.deezer.com/album/100001">a release, not an artist</a></li></ul></div></div></body></html>`;
}

/** [release page, state] of the panel's rows, in order. */
async function rows(page: Page, host: string): Promise<[string, string][]> {
  const found = await inShadow(page, host, 'tbody tr').evaluateAll((elements) =>
    elements.map((e) => [e.getAttribute('data-url') ?? '', e.getAttribute('data-state') ?? '']),
  );
  return (found ?? []) as [string, string][];
}

/** axe-core finds no serious violation and no low contrast in the part, light and dark. */
async function expectAccessible(page: Page, host: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page, [host]), scheme).toEqual([]);
    expect(await lowContrast(page, [host]), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(!e2eAvailable('artist listings in Chromium'))('artist listings in Chromium', () => {
  const harness = useHarness(LINKED, {}, ANSWERS);

  /** Clicks Import on a row and waits for the seed its new tab posts. */
  async function importRow(page: Page, host: string, url: string) {
    const before = harness().site.posts.length;
    await inShadow(page, host, `tr[data-url="${url}"] [data-liner="import"]`).click();
    const posted = await harness().nextPost(
      before,
      inShadow(page, host, '[data-liner="import-failed"]'),
    );
    expect(posted).toMatchObject({
      host: 'test.musicbrainz.org',
      path: '/release/add?skip_confirmation=1',
    });
    const seed = await harness().api.seeds.build.query({ id: harness().permalinkOf(posted) });
    expect(seed.problems).toEqual([]);
    expect(posted.fields).toEqual(seed.fields);
    const links = posted.fields.filter(([n]) => /^urls\.\d+\.url$/.test(n)).map(([, v]) => v);
    expect(links.map((link) => tryRecognizeUrl(link)?.canonicalUrl)).toContain(url);
    return posted;
  }

  it('lists a Deezer artist’s releases with their states and imports a missing one', async () => {
    const page = await harness().open(`${DEEZER_ARTIST}?tab=discography`, artistPage('Ada Lane'));
    const overlay = 'liner-artist-overlay';
    await inShadow(page, 'liner-artist', '[data-liner="open-listing"]').click();
    await expect
      .poll(() => rows(page, overlay), WAIT)
      .toEqual([
        [DEEZER_MISSING, 'missing'],
        [DEEZER_LINKED, 'linked'],
        [DEEZER_GROUP, 'release-group'],
      ]);
    expect(
      await inShadow(
        page,
        overlay,
        `tr[data-url="${DEEZER_LINKED}"] a[href*="musicbrainz"]`,
      ).attribute('href'),
    ).toBe(`${MB}/release/${LINKED_MBID}`);
    expect(await inShadow(page, overlay, '[data-liner="import"]').count()).toBe(1);
    await expectAccessible(page, overlay);
    const posted = await importRow(page, overlay, DEEZER_MISSING);
    expect(posted.fields[0]).toEqual(['name', 'Two Sides']);
    await page.close();
  }, 90_000);

  it('lists a Discogs artist’s releases and masters, leaving appearances out', async () => {
    const page = await harness().open(DISCOGS_ARTIST, artistPage('Ada Lane'));
    const overlay = 'liner-artist-overlay';
    await inShadow(page, 'liner-artist', '[data-liner="open-listing"]').click();
    await expect
      .poll(() => rows(page, overlay), WAIT)
      .toEqual([
        [DISCOGS_MISSING, 'missing'],
        [DISCOGS_MASTER, 'release-group'],
      ]);
    expect(await inShadow(page, overlay, '[data-liner="messages"]').text()).toMatch(
      /1 entries where the artist is credited otherwise/,
    );
    // The missing master offers no Import: one of its releases is imported from its page.
    expect(await inShadow(page, overlay, '[data-liner="import"]').count()).toBe(1);
    const posted = await importRow(page, overlay, DISCOGS_MISSING);
    expect(posted.fields[0]).toEqual(['name', 'Never Gonna Give You Up']);
    await page.close();
  }, 90_000);

  it('lists, on the MusicBrainz artist page, the releases its store pages have and MusicBrainz lacks', async () => {
    const page = await harness().open(
      `${MB}/artist/${ARTIST_MBID}`,
      musicBrainzArtistPage([
        `${DEEZER_ARTIST}?utm_source=mb`,
        DISCOGS_ARTIST,
        'https://mora.jp/artist/1/',
      ]),
    );
    const host = 'liner-musicbrainz';
    expect(await page.locator(host).getAttribute('data-placement')).toBe('anchored');
    const buttons = inShadow(page, host, '[data-liner="store-listing"]');
    await expect.poll(() => buttons.texts(), WAIT).toEqual(['Deezer', 'Discogs']);
    await inShadow(page, host, '[data-liner="store-listing"]', 'Deezer').click();
    // Missing only, to begin with.
    await expect.poll(() => rows(page, host), WAIT).toEqual([[DEEZER_MISSING, 'missing']]);
    await expectAccessible(page, host);
    await importRow(page, host, DEEZER_MISSING);
    await page.close();

    // A page whose sidebar names a store page MusicBrainz does not link to this artist.
    const hostile = await harness().open(
      `${MB}/artist/${ARTIST_MBID}`,
      musicBrainzArtistPage(['https://www.deezer.com/artist/28']),
    );
    await inShadow(hostile, host, '[data-liner="store-listing"]', 'Deezer').click();
    expect(await inShadow(hostile, host, '[data-liner="problem"]').text()).toMatch(
      /^MusicBrainz does not link https:\/\/www\.deezer\.com\/artist\/28 to this artist/,
    );
    expect(await inShadow(hostile, host, 'tbody tr').count()).toBe(0);
    // Asked before any listing: the store was never asked for that artist's releases.
    const storeAsked = (id: number) =>
      harness().upstream.standIn.requests.filter((r) =>
        new RegExp(`^/deezer/[a-z]+/artist/${id}\\b`).test(r.path),
      );
    expect(storeAsked(27)).not.toEqual([]);
    expect(storeAsked(28)).toEqual([]);
    await hostile.close();
  }, 90_000);
});
