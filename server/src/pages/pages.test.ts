import type { LookupResult } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { errorPage } from './error-page.tsx';
import { releasePage } from './release-page.tsx';

/** A hand-made look-up: two stores agreeing but on a label and one track's length and ISRC. */
function handMadeResult(): LookupResult {
  const track = (n: number, title: string, isrc: string, lengthMs: number) => ({
    number: String(n),
    title,
    isrc,
    lengthMs,
    artists: [],
    externalIds: [],
  });
  return {
    id: 'abcdefgh2345',
    createdAt: '2026-03-01T12:34:56.000Z',
    query: { urls: ['https://www.deezer.com/album/1'], regions: ['GB'] },
    release: {
      title: 'Night Shift',
      artists: [{ name: 'Ada Lane', externalIds: [] }],
      gtin: '0192758000019',
      releaseDate: { year: 2024, month: 8, day: 6 },
      labels: [{ name: 'Liner Label', catalogNumber: 'LL-001', externalIds: [] }],
      types: ['Album'],
      media: [
        {
          format: 'Digital Media',
          tracks: [
            track(1, 'Dusk', 'GBAAA2400001', 201_000),
            track(2, 'Dawn', 'GBAAA2400002', 3_725_000),
          ],
        },
      ],
      externalLinks: [
        {
          url: `https://www.deezer.com/album/1?${'very-long-parameter='.repeat(12)}`,
          types: ['free streaming'],
          provider: 'deezer',
        },
      ],
      images: [
        { url: 'https://cdn.example/cover.jpg', types: ['front'], width: 1400, height: 1400 },
      ],
      externalIds: [],
    },
    sources: {
      title: 'deezer',
      artists: 'deezer',
      media: 'deezer',
      labels: 'deezer',
      types: { guess: true, reason: '2 tracks of about an hour' },
      'types.0': { guess: true, reason: '2 tracks of about an hour' },
    },
    conflicts: [
      {
        field: 'labels',
        chosen: 'deezer',
        alternatives: [
          { providers: ['deezer'], value: [{ name: 'Liner Label', externalIds: [] }] },
          { providers: ['itunes'], value: [{ name: 'Liner Records', externalIds: [] }] },
        ],
      },
      {
        field: 'media.0.tracks.1.lengthMs',
        chosen: 'deezer',
        alternatives: [
          { providers: ['deezer'], value: 3_725_000 },
          { providers: ['itunes'], value: 3_735_000 },
        ],
      },
    ],
    incompatible: [],
    providers: [
      {
        name: 'deezer',
        displayName: 'Deezer',
        url: 'https://www.deezer.com/album/1',
        lookup: { method: 'id', value: '1' },
      },
      {
        name: 'spotify',
        displayName: 'Spotify',
        lookup: { method: 'gtin', value: '0192758000019' },
        error: {
          kind: 'network',
          message: 'Spotify did not answer: the address could not be resolved',
          detail: 'fetch failed: getaddrinfo ENOTFOUND api.spotify.com',
        },
      },
    ],
    messages: [
      {
        level: 'error',
        provider: 'spotify',
        text: 'Spotify did not answer: the address could not be resolved',
      },
      { level: 'warning', provider: 'itunes', text: 'Apple Music has a second edition' },
    ],
    existing: [],
  };
}

const headings = (html: string) =>
  [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map(
    (m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`,
  );

describe('the permalink page', () => {
  const html = releasePage(handMadeResult(), { edits: [] }, 'https://musicbrainz.org');

  it('is a document with a language, a main landmark and headings in order', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toMatch(/<main>[\s\S]*<\/main>/);
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    const levels = headings(html).map((h) => Number(h[1]));
    expect(levels[0]).toBe(1);
    // No level is skipped on the way down.
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThan(2);
    expect(headings(html)).toEqual([
      'h1 Night Shift',
      'h2 Import into MusicBrainz',
      'h2 Tracklist',
      'h3 Medium 1 · Digital Media',
      'h2 Where the providers disagree',
      'h2 Store links',
      'h2 Providers',
      'h2 Messages',
    ]);
  });

  it('shows the cover art, dates and lengths in words, and each value’s source', () => {
    expect(html).toContain('src="https://cdn.example/cover.jpg"');
    expect(html).toContain('alt="Cover art, 1400×1400"');
    expect(html).toContain('6 August 2024');
    expect(html).toContain('1 March 2026, 12:34 UTC');
    expect(html).toContain('1:02:05');
    expect(html).toMatch(/Liner Label \(LL-001\).*from <svg[^>]*aria-hidden="true"/);
    expect(html).toContain('role="img" aria-label="Apple Music / iTunes"');
    // A guess says so, with its reason.
    expect(html).toContain('Album (guessed: 2 tracks of about an hour)');
  });

  it('lays the disagreements out as a table and marks the track that differs', () => {
    expect(html).toMatch(
      /<th scope="row">Labels<\/th><td>.*Liner Label.*<\/td><td>.*Liner Records/,
    );
    expect(html).toMatch(
      /<td class="differs">1:02:05<ul class="alts".*1:02:05.*1:02:15<\/li><\/ul><\/td>/,
    );
    expect(html.match(/class="differs"/g)).toHaveLength(1);
  });

  it("names each track's MusicBrainz recording or why it is new, and the release group", () => {
    const matched = {
      ...handMadeResult(),
      recordings: [
        {
          medium: 1,
          position: 1,
          title: 'Side A',
          isrc: 'GBAAA2400001',
          matched: true,
          mbid: '0c0c0c0c-0000-4000-8000-000000000001',
          recordingTitle: 'Side A',
          reason: 'same ISRC and title, length the same',
        },
        {
          medium: 1,
          position: 2,
          title: 'Side B',
          matched: false,
          reason: 'MusicBrainz has no recording with this ISRC',
        },
      ],
      releaseGroup: {
        mbid: '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4',
        title: 'Old Edition',
        reason: '1 of the 1 recordings matched by ISRC are on its releases',
      },
    };
    const page = releasePage(matched, { edits: [] }, 'https://musicbrainz.org');
    expect(page).toContain('<th scope="col">MusicBrainz recording</th>');
    expect(page).toMatch(
      /href="https:\/\/musicbrainz.org\/recording\/0c0c0c0c-0000-4000-8000-000000000001"[^>]*>Side A<\/a><span class="why"> \(same ISRC and title, length the same\)/,
    );
    expect(page).toContain('new<span class="why"> (MusicBrainz has no recording with this ISRC)');
    expect(page).toContain('1 of 2 tracks are existing MusicBrainz recordings');
    expect(page).toMatch(
      /release-group\/5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4"[^>]*>Old Edition<\/a> \(existing: 1 of the 1/,
    );
    // Without matching, no column.
    expect(html).not.toContain('MusicBrainz recording');
  });

  it('says a failure once, in a sentence, with the detail folded away', () => {
    const sentence = 'Spotify did not answer: the address could not be resolved';
    expect(html.split(sentence)).toHaveLength(2);
    expect(html).toContain(
      '<details><summary>Details</summary><p class="mono">fetch failed: getaddrinfo ENOTFOUND api.spotify.com</p></details>',
    );
    expect(html).toContain('Apple Music has a second edition');
  });

  it('says what there is to import when nothing was found, instead of an empty section', () => {
    const empty = releasePage(
      { ...handMadeResult(), release: undefined, conflicts: [] },
      { edits: [] },
      'https://musicbrainz.org',
    );
    expect(empty).toContain('<h1>No release found</h1>');
    expect(empty).toContain('Nothing to import: no provider found a release');
  });
});

describe('the error page', () => {
  it('has a language, a main landmark and a heading', () => {
    const html = errorPage('Not found', 'There is no look-up with this permalink.');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain(
      '<main><h1>Not found</h1><p>There is no look-up with this permalink.</p></main>',
    );
  });
});
