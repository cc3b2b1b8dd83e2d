/**
 * Bandcamp's rules on recorded pages (read in place from the corpus). Where a rule needs a
 * page the corpus lacks (a label's track page, a split, a compilation), a recorded page is
 * changed in memory, and the test's name says "altered".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable } from '../../../../test/support/corpus.ts';
import { type BandcampPage, bandcampPage } from './api.ts';
import { parseBandcampRelease } from './parse.ts';

const PAGES = {
  track: 'com.bandcamp.svenfredrik/track/mr-florida-81',
  label:
    'com.bandcamp.thedarkthursday/album/and-it-was-a-burned-into-my-mind-yet-i-faltered-like-a-b#674cccc',
  nyp: 'com.bandcamp.muzea/album/ambient-energy-name-your-price',
  vinyl:
    'com.bandcamp.dennisbovell/album/guide-us-jah-pretendah-12-exclusive-vinyl-and-or-downloa#2cb4218',
};

function page(name: keyof typeof PAGES): BandcampPage {
  return bandcampPage.parse(
    JSON.parse(readFileSync(join(CORPUS_DIR, 'https!', PAGES[name]), 'utf8')),
  );
}

function read(data: BandcampPage, kind: 'album' | 'track' = 'album') {
  const entity = { band: 'shop', kind, slug: 'x' };
  return parseBandcampRelease(data, entity, `https://shop.bandcamp.com/${kind}/x`);
}

/** The label page with its credit and track titles replaced (as far as it has tracks). */
function retitled(artist: string, titles: readonly string[]): BandcampPage {
  const data = page('label');
  data.tralbum.artist = artist;
  data.tralbum.trackinfo.forEach((t, i) => {
    t.title = titles[i]!;
  });
  return data;
}

const credit = (list: { name: string; joinPhrase?: string }[] | undefined) =>
  list?.map((a) => [a.name, a.joinPhrase ?? '']);

describe.skipIf(!corpusAvailable('bandcamp rules on recorded pages'))(
  'bandcamp rules on recorded pages',
  () => {
    it('a name-your-price release is a free and a paid download, streamable when every track is', () => {
      const { release } = read(page('nyp'));
      expect(release.externalLinks?.[0]?.types).toEqual([
        'free download',
        'paid download',
        'free streaming',
      ]);
    });

    it('a track counted but hidden makes a placeholder and stops free streaming (altered count)', () => {
      const data = page('nyp');
      data['og:description'] = '6 track album';
      const { release, messages } = read(data);
      const tracks = release.media[0]!.tracks;
      expect(tracks.map((t) => t.title).at(-1)).toBe('[unknown]');
      expect(tracks).toHaveLength(6);
      expect(release.externalLinks?.[0]?.types).toEqual(['free download', 'paid download']);
      expect(messages.map((m) => m.text)).toContain(
        '1 track(s) are hidden on the page and only come with the download: "[unknown]" placeholders at 6; replace them in the editor.',
      );
    });

    it('takes the publish date when the release date is null (altered dates)', () => {
      const data = page('track');
      data.tralbum.current.release_date = null;
      data.tralbum.album_release_date = null;
      expect(read(data, 'track').release.releaseDate).toEqual({ year: 2024, month: 9, day: 27 });
    });

    it("reads a label's track page as a single of the artist before ' - ' (altered account)", () => {
      const data = page('track');
      data.band.name = 'Florida Records';
      data.tralbum.artist = 'Florida Records';
      data.tralbum.trackinfo[0]!.title = "Sven Fredrik - Mr. Florida '81";
      data.tralbum.current.title = "Sven Fredrik - Mr. Florida '81";
      const { release } = read(data, 'track');
      expect(release.title).toBe("Mr. Florida '81");
      expect(credit(release.artists)).toEqual([['Sven Fredrik', '']]);
      expect(release.labels?.map((l) => l.name)).toEqual(['Florida Records']);
      expect(release.types).toEqual(['Single']);
      expect(release.media[0]!.tracks[0]!.title).toBe("Mr. Florida '81");
    });

    it('splits compilation titles, with join phrases for artists also met alone (altered titles)', () => {
      const data = retitled('Various Artists', [
        'Ada & Bo - Meeting',
        'Ada - Alone',
        'Bo - Also Alone',
      ]);
      const tracks = read(data).release.media[0]!.tracks;
      expect(tracks.map((t) => [t.title, credit(t.artists)])).toEqual([
        [
          'Meeting',
          [
            ['Ada', ' & '],
            ['Bo', ''],
          ],
        ],
        ['Alone', [['Ada', '']]],
        ['Also Alone', [['Bo', '']]],
      ]);
    });

    it('splits a split release credited to both artists (altered credit and titles)', () => {
      const { release } = read(retitled('Ada & Bo', ['Ada - One', 'Bo - Two', 'Ada - Three']));
      expect(credit(release.artists)).toEqual([
        ['Ada', ' & '],
        ['Bo', ''],
      ]);
      expect(release.media[0]!.tracks.map((t) => [t.title, credit(t.artists)])).toEqual([
        ['One', [['Ada', '']]],
        ['Two', [['Bo', '']]],
        ['Three', [['Ada', '']]],
      ]);
    });

    it('never splits a version written after " - " (altered titles)', () => {
      const titles = ['One - Live', 'Two - Radio Edit', 'Three - Foo Remix'];
      const tracks = read(retitled('Various Artists', titles)).release.media[0]!.tracks;
      expect(tracks.map((t) => t.title)).toEqual(titles);
    });

    it('the account is the label when its name differs from the credit', () => {
      const { release } = read(page('label'));
      expect(credit(release.artists)).toEqual([['i miss you sis', '']]);
      expect(release.labels?.map((l) => l.name)).toEqual(['The Dark Thursday']);
    });

    it('a label named in the about text is the label (altered about)', () => {
      const data = page('vinyl');
      data.tralbum.current.about = 'Remastered in 2021.\r\nLabel: Tempus Records\r\nThanks!';
      expect(read(data).release.labels?.map((l) => l.name)).toEqual(['Tempus Records']);
    });
  },
);
