import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import { extractBandcampPage } from './extract.ts';
import { linkTypes, parseBandcampDate } from './parse.ts';

const replayDir = fixtureDir(import.meta.url);
const html = readFileSync(join(replayDir, 'pages/album.html'), 'utf8');
const entity = (id: string) => ({ store: 'bandcamp' as const, type: 'release' as const, id });
const credits = (list: { name: string; joinPhrase?: string }[] | undefined) =>
  list?.map((a) => [a.name, a.joinPhrase ?? '']);

describe('bandcamp provider', () => {
  const bandcamp = testProvider('bandcamp', { replayDir });

  it('reads a label release: artist from the credit, the account as label, featured artists', async () => {
    const result = await bandcamp.lookupById(entity('liner-label/album/night-shift'), []);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Night Shift');
    expect(credits(release.artists)).toEqual([
      ['Alpha', ' feat. '],
      ['Beta', ''],
    ]);
    expect(release.labels).toEqual([
      {
        name: 'Liner Label',
        externalIds: [{ provider: 'bandcamp', type: 'label', id: 'liner-label' }],
      },
    ]);
    // The package has its own barcode, so the release's is the digital one.
    expect(release.gtin).toBe('4006381333931');
    expect(release.releaseDate).toEqual({ year: 2023, month: 5, day: 5 });
    expect(release.media).toHaveLength(1);
    const [opening, duet, guest, hidden] = release.media[0]!.tracks;
    expect(opening).toMatchObject({ number: '1', title: 'Opening', lengthMs: 201_500 });
    expect(opening!.artists).toBeUndefined();
    expect(duet!.title).toBe('Duet');
    expect(credits(duet!.artists)).toEqual([
      ['Alpha', ' feat. '],
      ['Beta', ', '],
      ['Gamma', ' & '],
      ['Delta', ''],
    ]);
    expect(credits(guest!.artists)).toEqual([['Epsilon', '']]);
    expect(guest!.lengthMs).toBe(99_999);
    // og:description counts 4 tracks where the page lists 3: the fourth comes with the download.
    expect(hidden).toMatchObject({ number: '4', title: '[unknown]' });
    expect(result.messages.map((m) => m.text)).toContain(
      '1 track(s) are hidden on the page and only come with the download: "[unknown]" placeholders at 4; replace them in the editor.',
    );
    // A fixed price beats a zero minimum: it is a paid download; the hidden fourth track
    // cannot be streamed, so the release cannot be streamed whole.
    expect(release.externalLinks).toEqual([
      {
        url: 'https://liner-label.bandcamp.com/album/night-shift',
        types: ['paid download'],
        provider: 'bandcamp',
      },
    ]);
    expect(release.images[0]).toMatchObject({
      url: 'https://f4.bcbits.com/img/a1234567_0.jpg',
      types: ['front'],
    });
    expect(release.credits).toBe('Mastered by Omega\nArt by Psi');
    expect(result).toMatchObject({
      id: 'liner-label/album/night-shift',
      url: 'https://liner-label.bandcamp.com/album/night-shift',
      apiUrl: 'https://liner-label.bandcamp.com/album/night-shift',
    });
  });

  it('reads name-your-price releases as free and paid downloads and drops a physical barcode', async () => {
    const result = await bandcamp.lookupById(entity('solo/album/free-tape'), []);
    const release = releaseSchema.parse(result.release);
    expect(release.artists).toEqual([
      {
        name: 'Solo Artist',
        externalIds: [{ provider: 'bandcamp', type: 'artist', id: 'solo' }],
      },
    ]);
    expect(release.labels).toEqual([]);
    expect(release.gtin).toBeUndefined();
    expect(result.messages.map((m) => m.text)).toContain(
      "Bandcamp's barcode 0192758000019 belongs to a physical edition and was ignored",
    );
    // Side B is download-only, so the release cannot be streamed whole.
    expect(release.externalLinks.map((l) => [l.url, l.types])).toEqual([
      ['https://solo.bandcamp.com/album/free-tape', ['free download', 'paid download']],
      ['http://creativecommons.org/licenses/by-sa/3.0/', ['license']],
    ]);
  });

  it('never makes a subscriber-only release a free download or stream', async () => {
    const { release } = await bandcamp.lookupById(entity('solo/album/members-only'), []);
    expect(release.externalLinks?.[0]?.types).toEqual(['paid download']);
  });

  it('reads a track page as a single with its ISRC', async () => {
    const result = await bandcamp.lookupById(entity('solo/track/one-song'), []);
    const release = releaseSchema.parse(result.release);
    expect(release.types).toEqual(['Single']);
    expect(release.releaseDate).toEqual({ year: 2023, month: 9, day: 1 });
    expect(release.media[0]!.tracks).toEqual([
      expect.objectContaining({
        number: '1',
        title: 'One Song',
        lengthMs: 212_345,
        isrc: 'GBAAA2300001',
      }),
    ]);
    expect(result.url).toBe('https://solo.bandcamp.com/track/one-song');

    const cut = await bandcamp.lookupById(entity('solo/track/album-cut'), []);
    expect(cut.release.types).toEqual([]);
    expect(cut.messages.map((m) => m.text)).toContain(
      'This track belongs to the album /album/free-tape: import the album instead',
    );
  });

  it('keeps unreleased pre-order tracks without a length and warns', async () => {
    const result = await bandcamp.lookupById(entity('solo/album/coming-soon'), []);
    const tracks = result.release.media[0]!.tracks;
    expect(tracks.map((t) => [t.title, t.lengthMs ?? null])).toEqual([
      ['Out Now', 150_000],
      ['Later', null],
    ]);
    expect(result.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        '1 track(s) are listed without a length: not released yet',
        'This is a pre-order on Bandcamp, so its data may still change',
      ]),
    );
  });

  it('splits "Artist - Title" only on Various Artists pages that write every title so', async () => {
    const { release } = await bandcamp.lookupById(entity('liner-label/album/va-comp'), []);
    expect(release.artists).toEqual([
      { name: 'Various Artists', mbid: '89ad4ac3-39f7-470e-963a-56509c546377', externalIds: [] },
    ]);
    const tracks = release.media[0]!.tracks;
    expect(tracks.map((t) => [t.title, credits(t.artists)])).toEqual([
      ['First', [['Kappa', '']]],
      // "Lambda & Mu" stays one credited name; the featured guest moves out of the title.
      [
        'Second',
        [
          ['Lambda & Mu', ' feat. '],
          ['Nu', ''],
        ],
      ],
    ]);
  });

  it('names the bad field of a changed page, rejects an empty tracklist and has no GTIN search', async () => {
    await expect(bandcamp.lookupById(entity('solo/album/broken'), [])).rejects.toThrow(
      /unexpected response \(tralbum\.current\.title:/,
    );
    await expect(bandcamp.lookupById(entity('solo/album/empty'), [])).rejects.toThrow(/no tracks/);
    await expect(bandcamp.lookupById(entity('solo/music/x'), [])).rejects.toThrow(
      /not a Bandcamp release/,
    );
    expect(bandcamp.lookupByGtin).toBeUndefined();
  });

  it('fetches the page, extracts the embedded data and reports statuses as typed errors', async () => {
    const page = { body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
    const { fetch, requests } = fakeFetch({
      'https://solo.bandcamp.com/album/cafe-live': page,
      'https://solo.bandcamp.com/album/busy': { status: 429, body: 'slow down' },
      'https://solo.bandcamp.com/album/down': { status: 503, body: 'maintenance' },
      'https://solo.bandcamp.com/album/plain': { body: '<html><body>hi</body></html>' },
    });
    const client = testProvider('bandcamp', { fetch });
    const result = await client.lookupById(entity('solo/album/cafe-live'), []);
    expect(requests).toEqual(['https://solo.bandcamp.com/album/cafe-live']);
    expect(result.release.title).toBe('Café "Live" & <More>');
    expect(result.release.media[0]!.tracks[0]).toMatchObject({ title: "L'été", lengthMs: 120_500 });
    expect(result.release.externalLinks?.[1]).toEqual({
      url: 'http://creativecommons.org/licenses/by-nc/4.0/',
      types: ['license'],
      provider: 'bandcamp',
    });
    await expect(client.lookupById(entity('solo/album/gone'), [])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'bandcamp',
    });
    await expect(client.lookupById(entity('solo/album/busy'), [])).rejects.toMatchObject({
      kind: 'rate-limited',
      status: 429,
    });
    await expect(client.lookupById(entity('solo/album/down'), [])).rejects.toMatchObject({
      kind: 'status',
      status: 503,
    });
    await expect(client.lookupById(entity('solo/album/plain'), [])).rejects.toMatchObject({
      kind: 'bad-body',
      message: expect.stringContaining('no data-tralbum attribute'),
    });
  });
});

describe('bandcamp page pieces', () => {
  it('extracts the corpus shape from a page', () => {
    const page = extractBandcampPage(html);
    expect(Object.keys(page)).toEqual(['tralbum', 'band', 'og:description', 'licenseUrl']);
    expect(page['og:description']).toBe('1 track album');
    expect(page.band).toEqual({ id: 12, name: 'Solo Artist' });
    expect(() => extractBandcampPage('<div data-tralbum="{oops" data-band="{}"></div>')).toThrow(
      /data-tralbum is not JSON/,
    );
  });

  it('parses RFC 2822 dates as written, without time zone shifts', () => {
    expect(parseBandcampDate('30 Apr 2025 00:00:00 GMT')).toEqual({
      year: 2025,
      month: 4,
      day: 30,
    });
    expect(parseBandcampDate('Mon, 1 Jan 2024 23:59:59 GMT')).toEqual({
      year: 2024,
      month: 1,
      day: 1,
    });
    expect(parseBandcampDate('soon')).toBeUndefined();
    expect(parseBandcampDate(null)).toBeUndefined();
  });

  it('decides download link types from the sale settings', () => {
    const base = {
      id: 1,
      item_type: 'album',
      current: { title: 'T', minimum_price: 3, download_pref: 2 },
      trackinfo: [{ title: 'a', streaming: 1, file: { 'mp3-128': 'u' } }],
    };
    expect(linkTypes(base)).toEqual(['paid download', 'free streaming']);
    expect(
      linkTypes({ ...base, current: { title: 'T', minimum_price: 0, download_pref: 2 } }),
    ).toEqual(['free download', 'paid download', 'free streaming']);
    // A track counted but hidden from the page cannot be streamed: the release not whole.
    expect(linkTypes(base, 1)).toEqual(['paid download']);
    // Not for sale at all: only the stream.
    expect(linkTypes({ ...base, current: { title: 'T' } })).toEqual(['free streaming']);
  });
});
