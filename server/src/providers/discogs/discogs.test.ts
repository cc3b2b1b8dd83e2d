import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable, fixtureDir } from '../../../../test/support/corpus.ts';
import { fakeFetch } from '../../../../test/support/fake-fetch.ts';
import { testProvider } from '../../../../test/support/providers.ts';
import type { DiscogsFormat } from './api.ts';
import { releasePackaging } from './formats.ts';

const replayDir = fixtureDir(import.meta.url);
const release = (id: string) => ({ store: 'discogs' as const, type: 'release' as const, id });
const withToken = { LINER_DISCOGS_TOKEN: 'discogs-test-token' };

/** A fetch that also keeps each request's headers, to see what was sent. */
function recordingFetch(routes: Parameters<typeof fakeFetch>[0]) {
  const inner = fakeFetch(routes);
  const headers: Headers[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    headers.push(new Headers(init?.headers));
    return inner.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, headers, requests: inner.requests };
}

describe('discogs provider', () => {
  const discogs = testProvider('discogs', { replayDir });

  it('splits a double LP into records by sides, with headings as medium titles', async () => {
    const result = await discogs.lookupById(release('2001'), ['GB']);
    const parsed = releaseSchema.parse(result.release);
    expect(parsed.media.map((m) => [m.format, m.title, m.tracks.map((t) => t.number)])).toEqual([
      ['12" Vinyl', 'Record One', ['A1', 'A2', 'B1']],
      ['12" Vinyl', 'Record Two', ['C1', 'D1']],
    ]);
    const [one, two] = parsed.media;
    expect(one!.tracks.map((t) => [t.title, t.lengthMs ?? null])).toEqual([
      ['Opening', 185_000],
      ['Duet', 250_000],
      ['Long One', 3_723_000],
    ]);
    // Sub-tracks of one position are parts of one track, with their lengths summed.
    expect(two!.tracks[0]).toMatchObject({ title: 'Suite: Part 1 / Part 2', lengthMs: 300_000 });
    expect(two!.tracks[0]!.artists?.map((a) => a.name)).toEqual(['Beta']);
    // Extra artists (producers, mixers) are credits, never track artists.
    expect(one!.tracks[2]!.artists).toBeUndefined();
    expect(result).toMatchObject({
      id: '2001',
      url: 'https://www.discogs.com/release/2001',
      apiUrl: 'https://api.discogs.com/releases/2001',
    });
  });

  it('keeps credited names and join phrases, without the "(2)" suffix', async () => {
    const { release: r } = await discogs.lookupById(release('2001'), []);
    expect(r.artists).toEqual([
      {
        name: 'Alpha',
        creditedName: 'Alfa',
        joinPhrase: ' & ',
        externalIds: [{ provider: 'discogs', type: 'artist', id: '11' }],
      },
      { name: 'Beta', externalIds: [{ provider: 'discogs', type: 'artist', id: '12' }] },
    ]);
    const duet = r.media[0]!.tracks[1]!;
    expect(duet.artists?.map((a) => [a.name, a.creditedName, a.joinPhrase])).toEqual([
      ['Alpha', 'Alfa', ' Feat. '],
      // One credited name stays one artist even with "&" in it.
      ['Gamma & Delta', undefined, undefined],
    ]);
  });

  it('reads barcode, labels, date, country, types and links', async () => {
    const { release: r } = await discogs.lookupById(release('2001'), []);
    expect(r.gtin).toBe('012345678905');
    expect(r.labels).toEqual([
      {
        name: 'Liner Test Records',
        catalogNumber: 'LTR 001',
        externalIds: [{ provider: 'discogs', type: 'label', id: '21' }],
      },
      { name: 'Side Label', externalIds: [{ provider: 'discogs', type: 'label', id: '22' }] },
    ]);
    expect(r.releaseDate).toEqual({ year: 1999, month: 4 });
    expect(r.availableIn).toEqual(['GB']);
    // Genres and styles ("Soundtrack") are not types; the format's "Album" is.
    // "Album" from the format descriptions, "Soundtrack" from the style.
    expect(r.types).toEqual(['Album', 'Soundtrack']);
    expect(r.externalLinks).toEqual([
      { url: 'https://www.discogs.com/release/2001', types: ['discography'], provider: 'discogs' },
    ]);
    expect(r.externalIds).toContainEqual({
      provider: 'discogs',
      type: 'release-group',
      id: '3001',
    });
    expect(r.images?.[0]).toMatchObject({ types: ['front'], width: 600 });
  });

  it('splits CD positions into discs and marks DVD-Video tracks as videos', async () => {
    const result = await discogs.lookupById(release('2002'), []);
    const r = releaseSchema.parse(result.release);
    expect(r.media.map((m) => [m.format, m.tracks.map((t) => `${t.number} ${t.type}`)])).toEqual([
      ['CD', ['1 audio', '2 audio']],
      ['CD', ['1 audio']],
      ['DVD-Video', ['1 video']],
    ]);
    expect(r.artists.map((a) => [a.name, a.mbid])).toEqual([
      ['Various Artists', '89ad4ac3-39f7-470e-963a-56509c546377'],
    ]);
    expect(r.media[0]!.tracks[1]!.artists?.map((a) => a.name + (a.joinPhrase ?? ''))).toEqual([
      'Duo One, ',
      'Duo Two',
    ]);
    expect(r.labels).toEqual([
      { name: '[no label]', mbid: '157afde4-4bf5-4039-8ad2-5a15acc85176', externalIds: [] },
    ]);
    expect(r.types).toEqual(['Compilation']);
    expect(r.releaseDate).toEqual({ year: 2005 });
    expect(r.gtin).toBeUndefined();
    expect(r.availableIn).toBeUndefined();
    expect(result.messages.map((m) => m.text)).toEqual([
      `Discogs' country "South America" has no MusicBrainz code and was left out`,
      `Discogs' barcode "123 456" is not a valid GTIN and was ignored`,
    ]);
  });

  it('looks a master up through its main release', async () => {
    const result = await discogs.lookupById(
      { store: 'discogs', type: 'release-group', id: '3001' },
      [],
    );
    expect(result.id).toBe('2001');
    expect(result.messages[0]?.text).toMatch(/master 3001 .* main release 2001/);
  });

  it('finds a release by GTIN in the forms Discogs holds, only with a token', async () => {
    const client = testProvider('discogs', { replayDir, env: withToken });
    const result = await client.lookupByGtin!('012345678905', ['GB']);
    expect(result.id).toBe('2001');
    await expect(client.lookupByGtin!('4006381333931', [])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'discogs',
      // An EAN-13 has one form to ask: 13 digits.
      url: 'https://api.discogs.com/database/search?barcode=4006381333931&type=release',
    });
    // The search needs authentication: without a token there is no barcode look-up at all.
    expect(discogs.lookupByGtin).toBeUndefined();
  });

  it('names the other editions that share the barcode, with what tells them apart', async () => {
    const releaseBody = JSON.parse(
      readFileSync(join(replayDir, 'https!/com.discogs.api/releases/2001'), 'utf8'),
    );
    const search = 'https://api.discogs.com/database/search?barcode=4006381333931&type=release';
    const { fetch } = fakeFetch({
      [search]: {
        results: [
          { id: 2001, type: 'release', barcode: ['4006381333931'], catno: 'LTR-001', year: '2020' },
          {
            id: 2002,
            type: 'release',
            barcode: ['4 006381 333931'],
            catno: 'LTR-001X',
            country: 'US',
          },
          { id: 2003, type: 'release', barcode: ['4006381333931'] },
          // A text search also answers near misses: not an edition of this barcode.
          { id: 2004, type: 'release', barcode: ['40063813339310'] },
        ],
      },
      'https://api.discogs.com/releases/2001': releaseBody,
    });
    const result = await testProvider('discogs', { fetch, env: withToken }).lookupByGtin!(
      '4006381333931',
      [],
    );
    expect(result.id).toBe('2001');
    expect(result.messages).toContainEqual({
      level: 'warning',
      provider: 'discogs',
      text: 'Discogs has 3 releases with barcode 4006381333931; used 2001, also: 2002 (LTR-001X, US); 2003',
    });
  });

  it('reports an unknown release as not found, replayed or live', async () => {
    await expect(discogs.lookupById(release('404'), [])).rejects.toMatchObject({
      kind: 'not-found',
      provider: 'discogs',
      url: 'https://api.discogs.com/releases/404',
    });
    const { fetch } = fakeFetch({
      'https://api.discogs.com/releases/5': {
        status: 404,
        body: { message: 'Release not found.' },
      },
    });
    await expect(
      testProvider('discogs', { fetch }).lookupById(release('5'), []),
    ).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('names the bad field of a changed response and rejects an empty tracklist', async () => {
    const { fetch } = fakeFetch({
      'https://api.discogs.com/releases/6': { id: 6, title: 'Changed', tracklist: [{ title: 7 }] },
      'https://api.discogs.com/releases/7': { id: 7, title: 'Empty', tracklist: [] },
    });
    const client = testProvider('discogs', { fetch });
    await expect(client.lookupById(release('6'), [])).rejects.toThrow(
      /unexpected response \(tracklist\.0\.title:/,
    );
    await expect(client.lookupById(release('7'), [])).rejects.toThrow(/no tracks/);
  });

  it('sends the token in the Authorization header only when one is configured', async () => {
    const body = { id: 8, title: 'T', tracklist: [{ position: '1', title: 'One' }] };
    const routes = { 'https://api.discogs.com/releases/8': body };
    const signed = recordingFetch(routes);
    await testProvider('discogs', { fetch: signed.fetch, env: withToken }).lookupById(
      release('8'),
      [],
    );
    expect(signed.headers[0]!.get('authorization')).toBe('Discogs token=discogs-test-token');
    // Nothing that is stored or logged (the URL) carries the token.
    expect(signed.requests).toEqual(['https://api.discogs.com/releases/8']);
    const anonymous = recordingFetch(routes);
    await testProvider('discogs', { fetch: anonymous.fetch }).lookupById(release('8'), []);
    expect(anonymous.headers[0]!.has('authorization')).toBe(false);
  });
});

describe.skipIf(!corpusAvailable('discogs packaging on recorded releases'))(
  'discogs packaging on recorded releases',
  () => {
    const formatsOf = (id: string) =>
      JSON.parse(readFileSync(join(CORPUS_DIR, 'https!/com.discogs.api/releases', id), 'utf8'))
        .formats as DiscogsFormat[];

    it('reads the packaging from the format descriptions and free text', () => {
      // Ummagumma: "2 x Vinyl, LP, Album ... Gatefold, 180 Gram".
      expect(releasePackaging(formatsOf('8604223'))).toBe('Gatefold Cover');
      // The Early Years: a box set.
      expect(releasePackaging(formatsOf('9218307'))).toBe('Box');
      // A CD whose formats name no packaging.
      expect(releasePackaging(formatsOf('16004480'))).toBeUndefined();
    });

    it('names other packagings by their words, and none when the lines disagree (hand-written)', () => {
      const cd = (text: string, descriptions: string[] = []) => ({
        name: 'CD',
        text,
        descriptions,
      });
      expect(releasePackaging([cd('Digipak')])).toBe('Digipak');
      expect(releasePackaging([cd('Cardboard Sleeve')])).toBe('Cardboard/Paper Sleeve');
      expect(releasePackaging([cd('Jewel case, Remastered')])).toBe('Jewel Case');
      expect(releasePackaging([cd('Slim jewel case')])).toBe('Slim Jewel Case');
      expect(releasePackaging([cd('Digipak'), cd('Jewel Case')])).toBeUndefined();
    });
  },
);
