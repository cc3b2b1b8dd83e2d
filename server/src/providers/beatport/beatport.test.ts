import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import { extractNextData } from './extract.ts';
import { trackTitle } from './parse.ts';

const replayDir = fixtureDir(import.meta.url);
const html = readFileSync(join(replayDir, 'pages/release.html'), 'utf8');
const entity = (id: string, slug: string) => ({
  store: 'beatport' as const,
  type: 'release' as const,
  id,
  slug,
});
const credits = (list: { name: string; joinPhrase?: string }[] | undefined) =>
  list?.map((a) => [a.name, a.joinPhrase ?? '']);

/** A Beatport page around the given __NEXT_DATA__ props. */
function nextPageHtml(pageProps: object): string {
  const data = JSON.stringify({ props: { pageProps }, buildId: 'b' });
  return `<html><body><script id="__NEXT_DATA__" type="application/json">${data}</script></body></html>`;
}

describe('beatport provider', () => {
  const beatport = testProvider('beatport', { replayDir });

  it('reads an EP: mix names, remix credits, featured guests, label and catalog number', async () => {
    const result = await beatport.lookupById(entity('4100001', 'night-drive'), []);
    const release = releaseSchema.parse(result.release);
    expect(release.title).toBe('Night Drive');
    // Gamma only features on one track: credited there, not on the release.
    expect(release.artists).toEqual([
      {
        name: 'Alpha',
        externalIds: [{ provider: 'beatport', type: 'artist', id: '501', slug: 'alpha' }],
      },
    ]);
    expect(release.gtin).toBe('0192758000019');
    expect(release.releaseDate).toEqual({ year: 2024, month: 3, day: 15 });
    expect(release.labels).toEqual([
      {
        name: 'Liner Test Records',
        catalogNumber: 'LTR042',
        externalIds: [
          { provider: 'beatport', type: 'label', id: '90', slug: 'liner-test-records' },
        ],
      },
    ]);
    expect(release.types).toEqual(['EP']);
    const tracks = release.media[0]!.tracks;
    // Listed 2, 3, 1 in the page; ordered by their numbers.
    expect(tracks.map((t) => [t.number, t.title, t.lengthMs, t.isrc ?? null])).toEqual([
      ['1', 'Night Drive', 360_000, 'GBAAA2400001'],
      ['2', 'Night Drive (Beta Remix)', 402_123, 'GBAAA2400002'],
      ['3', 'Skyline (Extended Mix)', 298_765, null],
    ]);
    expect(tracks[0]!.artists).toBeUndefined();
    expect(credits(tracks[2]!.artists)).toEqual([
      ['Alpha', ' feat. '],
      ['Gamma', ''],
    ]);
    expect(release.credits).toBe('2. Night Drive (Beta Remix): remixed by Beta');
    expect(release.externalLinks).toEqual([
      {
        url: 'https://www.beatport.com/release/night-drive/4100001',
        types: ['paid download', 'paid streaming'],
        provider: 'beatport',
      },
    ]);
    expect(release.images[0]?.url).toBe(
      'https://geo-media.beatport.com/image_size/1400x1400/4100001.jpg',
    );
    expect(result).toMatchObject({
      id: '4100001',
      url: 'https://www.beatport.com/release/night-drive/4100001',
      apiUrl: 'https://www.beatport.com/release/night-drive/4100001',
      messages: [],
    });
  });

  it('credits a compilation of many artists to Various Artists, ordered by the track list', async () => {
    const result = await beatport.lookupById(entity('4100003', 'club-tools-vol-1'), []);
    const release = releaseSchema.parse(result.release);
    expect(credits(release.artists)).toEqual([['Various Artists', '']]);
    expect(release.artists[0]!.mbid).toBe('89ad4ac3-39f7-470e-963a-56509c546377');
    expect(release.types).toEqual(['Album', 'Compilation']);
    const tracks = release.media[0]!.tracks;
    // No track numbers: the release lists its tracks last first.
    expect(tracks.map((t) => [t.title, credits(t.artists)])).toEqual([
      ['Tool 1', [['Kappa', '']]],
      ['Tool 2', [['Lambda', '']]],
      ['Tool 3', [['Mu', '']]],
      ['Tool 4', [['Nu', '']]],
      ['Tool 5', [['Xi', '']]],
    ]);
    expect(release.gtin).toBeUndefined();
    expect(release.externalLinks[0]!.types).toEqual(['paid download']);
    expect(result.messages.map((m) => m.text)).toEqual([
      "Beatport's barcode 12345 is not a valid GTIN and was ignored",
      'This is a pre-order on Beatport, so its data may still change',
    ]);
  });

  it('finds a release by barcode through the search page in the 13-digit form', async () => {
    const result = await beatport.lookupByGtin!('192758000019', []);
    expect(result.id).toBe('4100001');
    expect(result.apiUrl).toBe('https://www.beatport.com/release/night-drive/4100001');
    const padded = await beatport.lookupByGtin!('00192758000019', []);
    expect(padded.id).toBe('4100001');
  });

  it('reports unknown releases and barcodes as not found', async () => {
    await expect(beatport.lookupById(entity('999', '-'), [])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'beatport',
    });
    await expect(beatport.lookupByGtin!('4006381333931', [])).rejects.toMatchObject({
      kind: 'not-found',
      message: 'Beatport has no release with barcode 4006381333931',
    });
  });

  it('names the bad field of a changed page and rejects an empty tracklist', async () => {
    await expect(beatport.lookupById(entity('4100009', 'broken'), [])).rejects.toThrow(
      /unexpected response \(results\.0\.length_ms:/,
    );
    await expect(beatport.lookupById(entity('4100010', 'empty'), [])).rejects.toThrow(/no tracks/);
    await expect(
      beatport.lookupById({ store: 'beatport', type: 'artist', id: '1', slug: 'a' }, []),
    ).rejects.toThrow(/not a release/);
  });

  it('follows the track pages of long releases and passes statuses through as typed errors', async () => {
    const track = (id: number) => ({
      id,
      name: `T${id}`,
      mix_name: 'Original Mix',
      number: id,
      length_ms: 60_000,
      artists: [{ id: 1, name: 'Omega' }],
      release: { id: 4100020 },
    });
    const release = {
      id: 4100020,
      name: 'Long',
      slug: 'long',
      artists: [{ id: 1, name: 'Omega' }],
      track_count: 5,
    };
    const tracksQuery = (ids: number[]) => ({
      queryKey: ['tracks', { page: 1 }],
      state: { data: { per_page: 2, count: 5, results: ids.map(track) } },
    });
    const page = (ids: number[]) => ({
      body: nextPageHtml({ release, dehydratedState: { queries: [tracksQuery(ids)] } }),
      headers: { 'content-type': 'text/html' },
    });
    const base = 'https://www.beatport.com/release/long/4100020';
    const { fetch, requests } = fakeFetch({
      [base]: page([1, 2]),
      [`${base}?page=2&per_page=2`]: page([3, 4]),
      [`${base}?page=3&per_page=2`]: page([5]),
      'https://www.beatport.com/release/busy/4100021': { status: 429, body: 'slow down' },
      'https://www.beatport.com/release/down/4100022': { status: 502, body: 'bad gateway' },
    });
    const client = testProvider('beatport', { fetch });
    const result = await client.lookupById(entity('4100020', 'long'), []);
    expect(result.release.media[0]!.tracks.map((t) => t.title)).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
    ]);
    expect(requests).toEqual([base, `${base}?page=2&per_page=2`, `${base}?page=3&per_page=2`]);
    await expect(client.lookupById(entity('4100021', 'busy'), [])).rejects.toMatchObject({
      kind: 'rate-limited',
      status: 429,
    });
    await expect(client.lookupById(entity('4100022', 'down'), [])).rejects.toMatchObject({
      kind: 'status',
      status: 502,
    });
    await expect(client.lookupById(entity('4100023', 'gone'), [])).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('beatport page pieces', () => {
  it('keeps only the release and the query results of __NEXT_DATA__', () => {
    const data = extractNextData(html) as { props: { pageProps: Record<string, unknown> } };
    expect(Object.keys(data)).toEqual(['props']);
    expect(Object.keys(data.props.pageProps)).toEqual(['release', 'dehydratedState']);
    expect(JSON.stringify(data)).not.toContain('not-to-be-kept');
    expect((data.props.pageProps.release as { name: string }).name).toBe('Page & Script');
    expect(() => extractNextData('<html></html>')).toThrow(/no __NEXT_DATA__ script/);
    expect(() => extractNextData(nextPageHtml({}).replace('{"props"', '{"props" oops'))).toThrow(
      /__NEXT_DATA__ is not JSON/,
    );
  });

  it('appends the mix name as Beatport shows it, except "Original Mix"', () => {
    expect(trackTitle('Song', 'Original Mix')).toBe('Song');
    expect(trackTitle('Song', 'Extended Mix')).toBe('Song (Extended Mix)');
    expect(trackTitle('Song (Dub)', 'Dub')).toBe('Song (Dub)');
    expect(trackTitle('Song', null)).toBe('Song');
  });
});
