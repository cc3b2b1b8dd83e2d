/**
 * The built extension in Chromium on a stand-in MusicBrainz served over HTTPS under the real
 * host name (test.musicbrainz.org, as the options choose), with the real companion server
 * reading a stand-in ws/2 and the stores' replayed data. The stand-in release has the Deezer
 * link and the first ISRC; the stores also have Beatport and Spotify pages and two more ISRCs.
 */
import { describe, expect, it } from 'vitest';
import { ALPHA_MBID, twoSidesRelease } from '../support/store-stand-ins.ts';
import { e2eAvailable, type StandInReleases, useHarness, WAIT } from './support/harness.ts';
import { editorPage, landingPage, releasePage } from './support/musicbrainz-pages.ts';
import { inShadow } from './support/shadow.ts';

const MB = 'https://test.musicbrainz.org';
const RELEASE_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d12';
const BUSY_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d13';
const IMPORTED_MBID = '7d2c9a41-5b3e-4f60-8a1d-2e4f6b8c0d14';
const DEEZER = 'https://www.deezer.com/album/100001';
const BEATPORT = 'https://www.beatport.com/release/night-drive/4100001';
const SPOTIFY = 'https://open.spotify.com/album/LinerTwoSides000000001';

const release = (id: string) =>
  twoSidesRelease(id, {
    barcode: '0192758000019',
    media: [
      {
        tracks: [
          {
            title: 'Opening',
            isrc: 'GBAAA2300001',
            // The recording has its Deezer page already: not offered again.
            links: [{ url: 'https://www.deezer.com/track/11', type: 'free streaming' }],
          },
          // Lengths within a second of the stand-in stores' (6:42.123 and 4:58.765): what pairs
          // each recording with the stores' track at its place, for its ISRC and store links.
          { title: 'Duet', lengthMs: 402_000 },
        ],
      },
      { tracks: [{ title: 'Reprise', lengthMs: 299_000 }] },
    ],
    links: [{ url: DEEZER, type: 'free streaming' }],
  });

/** [url, link type] pairs of a seed's urls.N fields. */
function seededLinks(fields: [string, string][]): [string, string][] {
  const value = (name: string) => fields.find(([n]) => n === name)?.[1];
  return fields
    .filter(([name]) => /^urls\.\d+\.url$/.test(name))
    .map(([name, url]) => [url, value(name.replace(/url$/, 'link_type')) ?? '']);
}

describe.skipIf(!e2eAvailable('the extension on MusicBrainz pages'))(
  'the extension on MusicBrainz pages',
  () => {
    // MusicBrainz answers 503 ("slow down") for BUSY_MBID until a test changes that.
    const releases: StandInReleases = { [RELEASE_MBID]: release(RELEASE_MBID), [BUSY_MBID]: 503 };
    const harness = useHarness(
      { 'https://www.deezer.com/artist/1': [['artist', ALPHA_MBID]] },
      releases,
    );
    /** A part of Liner's box, in its closed shadow root; `inside` narrows to what it holds. */
    const box = (page: import('playwright-core').Page, part: string, inside = '') =>
      inShadow(page, 'liner-musicbrainz', `[data-liner="${part}"] ${inside}`.trim());

    it('compares a release with the stores and adds exactly the missing links', async () => {
      const page = await harness().open(
        `${MB}/release/${RELEASE_MBID}`,
        releasePage(RELEASE_MBID, 'Two Sides', 'Alpha'),
      );
      expect(await page.locator('liner-musicbrainz').getAttribute('data-placement')).toBe(
        'anchored',
      );
      expect(
        await page.evaluate(() => document.querySelector('liner-musicbrainz')?.shadowRoot),
      ).toBeNull();
      await box(page, 'compare').click();
      await expect.poll(() => box(page, 'release-box').attribute('data-state'), WAIT).toBe('shown');
      // The release's data came from the MusicBrainz web service, through the server.
      const reads = harness().upstream.standIn.requests.filter((r) =>
        r.path.startsWith(`/mb/ws/2/release/${RELEASE_MBID}?inc=`),
      );
      expect(reads).toHaveLength(1);
      const listed = await box(page, 'missing-links', 'li').evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-url'), li.querySelector('.types')?.textContent]),
      );
      expect(listed).toEqual([
        [BEATPORT, '(paid download, paid streaming)'],
        [SPOTIFY, '(free streaming)'],
      ]);
      const isrcs = await box(page, 'missing-isrcs', 'tr').evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute('data-place'), row.lastElementChild?.textContent]),
      );
      expect(isrcs).toEqual([
        ['1.2', 'GBAAA2300002'],
        ['2.1', 'GBAAA2300003'],
      ]);
      const magic = new URL((await box(page, 'magicisrc').attribute('href'))!);
      expect(magic.origin).toBe('https://magicisrc.kepstin.ca');
      expect([...magic.searchParams].filter(([name]) => name !== 'edit-note')).toEqual([
        ['musicbrainzid', RELEASE_MBID],
        ['isrc1-2', 'GBAAA2300002'],
        ['isrc2-1', 'GBAAA2300003'],
      ]);
      expect(await box(page, 'barcode').attribute('data-agrees')).toBe('true');
      const covers = await box(page, 'cover-art', 'li a').evaluateAll((links) =>
        links.map((a) => [a.getAttribute('href'), a.textContent]),
      );
      // Largest first; a store that gives no size comes last.
      const areas = covers.map(([href, size]) => {
        expect(href).toMatch(/^https:\/\//);
        const [width, height] = (size ?? '').split('×').map(Number);
        return size === 'size unknown' ? 0 : width! * height!;
      });
      expect(areas[0]).toBeGreaterThan(0);
      expect(areas).toEqual([...areas].sort((a, b) => b - a));
      expect(await box(page, 'add-cover-art').attribute('href')).toBe(
        `${MB}/release/${RELEASE_MBID}/add-cover-art`,
      );

      await recordingLinks(page);

      const before = harness().site.posts.length;
      await box(page, 'add-links').click();
      const posted = await harness().nextPost(before, box(page, 'import-failed'));
      expect(posted).toMatchObject({
        host: 'test.musicbrainz.org',
        path: `/release/${RELEASE_MBID}/edit`,
      });
      expect(seededLinks(posted.fields)).toEqual([
        [BEATPORT, '74'],
        [BEATPORT, '980'],
        [SPOTIFY, '85'],
      ]);
      // Exactly the server's edit seed for this comparison, field for field.
      const comparison = await harness().api.musicbrainz.compare.query({ mbid: RELEASE_MBID });
      expect(posted.fields).toEqual(comparison.editSeed?.fields);
      // Every other field MusicBrainz lacks is a row of the panel and in the posted seed...
      const rows = await box(page, 'missing-fields', 'tr').evaluateAll((items) =>
        items.map((row) => row.getAttribute('data-field')),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(comparison.missingFields.map((row) => row.field));
      for (const row of comparison.missingFields)
        for (const pair of row.seed) expect(posted.fields).toContainEqual(pair);
      // ...and nothing it has: its status and barcode stay as they are.
      const names = posted.fields.map(([name]) => name);
      expect(names).not.toContain('status');
      expect(names).not.toContain('barcode');
      await page.close();
    }, 90_000);

    /**
     * Each recording's "Add N store links" opens its MusicBrainz edit form seeded with the
     * recording link types of exactly the track pages it lacks; "Open the next one" steps on.
     */
    async function recordingLinks(page: import('playwright-core').Page) {
      const comparison = await harness().api.musicbrainz.compare.query({ mbid: RELEASE_MBID });
      const rows = await box(page, 'recording-links', 'li').evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-recording'),
          li.querySelector('a')?.getAttribute('href'),
        ]),
      );
      // The same recordings and links as the server's rows (the panel built its own).
      const withoutNote = (href: string) => {
        const url = new URL(href);
        url.searchParams.delete('edit-recording.edit_note');
        return url.toString();
      };
      expect(rows.map(([mbid, href]) => [mbid, withoutNote(href!)])).toEqual(
        comparison.recordingLinks.map((row) => [
          row.mbid,
          withoutNote(row.editUrl).replace('https://musicbrainz.org', MB),
        ]),
      );
      expect(rows).toHaveLength(3);
      const first = new URL(rows[0]![1]!);
      expect(`${first.origin}${first.pathname}`).toBe(`${MB}/recording/${rows[0]![0]}/edit`);
      const seeded = [...first.searchParams].filter(([name]) => name.endsWith('.text'));
      // Opening: Deezer is linked already; only the other stores' pages, never Deezer's.
      expect(seeded.map(([, url]) => url)).not.toContain('https://www.deezer.com/track/11');
      expect(seeded.length).toBeGreaterThan(0);
      const types = [...first.searchParams].filter(([name]) => name.endsWith('.link_type_id'));
      for (const [, type] of types) expect(['254', '255', '268', '979']).toContain(type);
      expect(first.searchParams.get('edit-recording.edit_note')).toMatch(
        /^Store links of this recording's tracks, found by Liner/,
      );
      // "Open the next one" opens the first, then points at the second.
      const next = box(page, 'recording-next');
      const opened = page.context().waitForEvent('page');
      await next.click();
      const tab = await opened;
      await expect.poll(() => tab.url(), WAIT).toBe(rows[0]![1]);
      await tab.close();
      await expect.poll(() => next.attribute('href'), WAIT).toBe(rows[1]![1]);
    }

    it('says in words when MusicBrainz asks the server to slow down, and Retry compares', async () => {
      const page = await harness().open(
        `${MB}/release/${BUSY_MBID}`,
        releasePage(BUSY_MBID, 'Two Sides', 'Alpha'),
      );
      await box(page, 'compare').click();
      await expect
        .poll(() => box(page, 'problem').attribute('data-kind'), WAIT)
        .toBe('rate-limited');
      expect(await box(page, 'problem').text()).toBe(
        'MusicBrainz asked the Liner server to slow down (it allows one request per second). Try again in a few seconds.',
      );
      releases[BUSY_MBID] = release(BUSY_MBID);
      await inShadow(page, 'liner-musicbrainz', 'button', 'Retry').click();
      await expect.poll(() => box(page, 'release-box').attribute('data-state'), WAIT).toBe('shown');
      expect(await box(page, 'missing-links', 'li').count()).toBe(2);
      await page.close();
    }, 90_000);

    it('turns a store URL pasted into the release editor into a seeded editor, after asking', async () => {
      const page = await harness().open(`${MB}/release/add`, editorPage('My draft'));
      const input = box(page, 'paste-input');
      await input.fill('https://example.com/album/1');
      await box(page, 'paste-import').click();
      expect(await box(page, 'paste-invalid').text()).toMatch(
        /^Not a store release page: example\.com is not a supported store/,
      );
      await input.fill('https://www.deezer.com/en/album/100001');
      await box(page, 'paste-import').click();
      expect(await box(page, 'paste-confirm').text()).toMatch(/^The editor already has content/);
      const before = harness().site.posts.length;
      await box(page, 'paste-confirm-yes').click();
      const posted = await harness().nextPost(before, box(page, 'paste-problem'));
      expect(posted).toMatchObject({
        host: 'test.musicbrainz.org',
        path: '/release/add?skip_confirmation=1',
        contentType: 'application/x-www-form-urlencoded',
      });
      // In the same tab: the editor the user pasted into is now the seeded one.
      await expect.poll(() => page.url(), WAIT).toBe(`${MB}/release/add?skip_confirmation=1`);
      const seed = await harness().api.seeds.build.query({ id: harness().permalinkOf(posted) });
      expect(seed.problems).toEqual([]);
      expect(posted.fields).toEqual(seed.fields);
      expect(posted.fields[0]).toEqual(['name', 'Two Sides']);
      await page.close();
    }, 90_000);

    it('offers the follow-up actions after an import, with links that work', async () => {
      const api = harness().api;
      const result = await api.lookup.release.mutate({ urls: [DEEZER] });
      const seed = await api.seeds.build.query({ id: result.id });
      const redirect = seed.fields.find(([name]) => name === 'redirect_uri')![1];
      const site = harness().site;
      site.page('https://magicisrc.kepstin.ca/', landingPage('MagicISRC'));
      site.page(`${MB}/artist/${ALPHA_MBID}/edit`, landingPage('Edit artist Alpha'));
      site.page(`${MB}/release/${IMPORTED_MBID}/add-cover-art`, landingPage('Add cover art'));
      site.page(`${MB}/release/${IMPORTED_MBID}`, releasePage(IMPORTED_MBID, 'Two Sides', 'Alpha'));
      const page = await harness().browser.context.newPage();
      const imported = `${redirect}?release_mbid=${IMPORTED_MBID}`;
      await page.goto(imported);
      expect(await page.locator('h1').textContent()).toBe('Imported: Two Sides');

      const follow = async (text: string | RegExp, landing: string) => {
        const link = page.locator('a', { hasText: text });
        const href = (await link.getAttribute('href'))!;
        await link.click();
        await expect.poll(() => page.url(), WAIT).toBe(href);
        expect(await page.locator('#landing').textContent()).toBe(landing);
        await page.goto(imported);
        return new URL(href);
      };
      const magic = await follow('Submit 3 ISRCs with MagicISRC', 'MagicISRC');
      expect([...magic.searchParams].filter(([name]) => name !== 'edit-note')).toEqual([
        ['musicbrainzid', IMPORTED_MBID],
        ['isrc1-1', 'GBAAA2300001'],
        ['isrc1-2', 'GBAAA2300002'],
        ['isrc2-1', 'GBAAA2300003'],
      ]);
      const artist = await follow(/^Add \d links? to artist Alpha$/, 'Edit artist Alpha');
      const seeded = [0, 1, 2].flatMap((i) => {
        const text = artist.searchParams.get(`edit-artist.url.${i}.text`);
        return text ? [[text, artist.searchParams.get(`edit-artist.url.${i}.link_type_id`)]] : [];
      });
      // Alpha's Spotify and Beatport pages; the Deezer one is how MusicBrainz knows Alpha.
      expect(seeded.sort()).toEqual([
        ['https://open.spotify.com/artist/LinerArtistAlpha000001', '194'],
        ['https://www.beatport.com/artist/alpha/501', '176'],
      ]);
      expect(artist.searchParams.get('edit-artist.edit_note')).toMatch(
        /^Links and ISRCs found by Liner/,
      );
      await follow('Add cover art in MusicBrainz', 'Add cover art');
      const covers = await page.locator('h2:has-text("Cover art") + p + ul li').allTextContents();
      expect(covers.length).toBeGreaterThan(0);
      expect(covers[0]).toMatch(/^https:\/\/\S+ \d+×\d+ /);
      for (const line of covers) expect(line).toMatch(/^https:\/\/\S+ (\d+×\d+|size unknown) /);

      // The new release's own page: the extension's box is there to compare it.
      await page.locator('a', { hasText: 'Open the release in MusicBrainz' }).click();
      await expect.poll(() => page.url(), WAIT).toBe(`${MB}/release/${IMPORTED_MBID}`);
      await expect.poll(() => box(page, 'compare').count(), WAIT).toBe(1);
      await page.close();
    }, 90_000);
  },
);
