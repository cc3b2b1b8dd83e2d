/**
 * The guesses on every recorded corpus case: the script each seeds, the language (English
 * titles eng, Japanese titles jpn, none where the titles are mixed or too short: never a wrong
 * one) and the release types. The Japanese stores' recorded pages (mora, OTOTOY) have no
 * provider yet; their titles, read from the recordings in place, go through the same guesses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Release, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { completeRelease } from '../../server/src/guess/index.ts';
import { loadLanguageDetector } from '../../server/src/guess/language.ts';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.ts';
import { CORPUS_CASES } from './cases/index.ts';
import { lookUpCase } from './lookup.ts';

/** Case -> [script, language or null, release types after the guesses]. */
const EXPECTED: Record<string, [string, string | null, string[]]> = {
  'deezer: single by two artists': ['Latn', 'eng', ['Single']],
  'itunes: multi-disc deluxe edition with music videos': ['Latn', 'eng', ['Album']],
  'itunes: EP (type from the title suffix)': ['Latn', 'eng', ['EP']],
  'bandcamp: fixed-price label release': ['Latn', 'eng', ['Single']],
  'bandcamp: subscriber-only release': ['Latn', 'fra', ['Single']],
  // One track of 18 minutes: under 30 minutes but over 10 for the one track.
  'bandcamp: Creative Commons subscriber release on a custom domain': ['Latn', 'eng', ['EP']],
  // "Mr. Florida '81": nine letters, too few to tell a language.
  'bandcamp: single track page with ISRC': ['Latn', null, ['Single']],
  'bandcamp: name your price with zero minimum': ['Latn', 'eng', ['Album']],
  // German and Swedish titles: no one language.
  'bandcamp: name your price with some tracks not downloadable alone': [
    'Latn',
    null,
    ['EP', 'Demo'],
  ],
  'bandcamp: label release with a digital barcode and download-only tracks': [
    'Latn',
    'eng',
    ['EP'],
  ],
  'bandcamp: release with a physical package': ['Latn', 'eng', ['Single']],
  'discogs: 12" maxi-single with an unnumbered side': ['Latn', 'eng', ['Single']],
  'discogs: double LP with sides, headings and sub-tracks': ['Latn', 'eng', ['Album']],
  'discogs: various-artists soundtrack CD with credited name variations': [
    'Latn',
    'eng',
    ['Album', 'Compilation', 'Soundtrack'],
  ],
  // Discogs' style says Audiobook; 76 tracks say nothing of a primary type there.
  'discogs: audiobook on 13 CDs, self-released, books as disc headings': [
    'Latn',
    'eng',
    ['Audiobook'],
  ],
  'discogs: box set of CDs, DVDs, Blu-rays and 7" singles': [
    'Latn',
    'eng',
    ['Album', 'Compilation'],
  ],
  'spotify: single by two artists': ['Latn', 'eng', ['Single']],
  'spotify: single found by its barcode only in the 14-digit form': ['Latn', 'eng', ['Single']],
  'spotify: compilation by Various Artists over two track pages': [
    'Latn',
    'eng',
    ['Album', 'Compilation'],
  ],
  'tidal: single by two artists (v2, US)': ['Latn', 'eng', ['Single']],
  'tidal: single by two artists (v2, GB, older document shape)': ['Latn', 'eng', ['Single']],
  // Wolof, French and English titles.
  'tidal: album with missing tracks and a missing artist (v2, SE)': ['Latn', null, ['Album']],
  'tidal: lyric video released on its own (v2, US)': ['Latn', 'eng', ['Single']],
  'tidal: lyric video released on its own (v2, GB, older document shape)': [
    'Latn',
    'eng',
    ['Single'],
  ],
  'tidal: live album with videos (v1)': ['Latn', 'eng', ['Album', 'Live']],
};

/** Recorded Japanese store pages: path -> [script, language or null]. */
const JAPANESE: Record<string, [string, string | null]> = {
  'jp.mora.cf/contents/package/0000/00000013/0041/921/939/packageMeta.json': ['Jpan', 'jpn'],
  'jp.mora.cf/contents/package/0000/00000083/0042/023/270/packageMeta.json': ['Latn', null],
  'jp.mora.cf/contents/package/0000/00000083/0042/738/339/packageMeta.json': ['Latn', 'eng'],
  'jp.ototoy/_/default/p/709920': ['Jpan', 'jpn'],
  'jp.ototoy/_/default/p/3237840': ['Latn', 'eng'],
  'jp.ototoy/_/default/p/3286704': ['Latn', null],
  'jp.ototoy/_/default/p/3016055': ['Jpan', 'jpn'],
  'jp.ototoy/_/default/p/3228080': ['Latn', null],
  'jp.ototoy/_/default/p/1822344': ['Jpan', 'jpn'],
};

const present = corpusAvailable();

/** A release with the recorded page's titles and nothing else. */
function titlesOnly(path: string): Release {
  const data = JSON.parse(readFileSync(join(CORPUS_DIR, 'https!', path), 'utf8'));
  const title: string = data.title ?? data.albumMeta.title;
  const tracks: { title: string }[] = data.trackList;
  return releaseSchema.parse({
    title,
    artists: [],
    media: [{ tracks: tracks.map((t, i) => ({ number: String(i + 1), title: t.title })) }],
  });
}

describe.skipIf(!present)('guesses on the recorded corpus', () => {
  it('lists every corpus case', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      CORPUS_CASES.map((c) => `${c.provider}: ${c.name}`).sort(),
    );
  });

  it.each(CORPUS_CASES.map((c) => [`${c.provider}: ${c.name}`, c] as const))(
    '%s',
    async (name, testCase) => {
      const result = await lookUpCase(testCase);
      const { release, sources } = completeRelease(
        releaseSchema.parse(result.release),
        await loadLanguageDetector(),
      );
      const [script, language, types] = EXPECTED[name]!;
      expect([release.script, release.language ?? null, release.types]).toEqual([
        script,
        language,
        types,
      ]);
      expect(sources.script).toMatchObject({ guess: true });
    },
  );

  it.each(Object.entries(JAPANESE))('%s', async (path, [script, language]) => {
    const { release } = completeRelease(titlesOnly(path), await loadLanguageDetector());
    expect([release.script, release.language ?? null]).toEqual([script, language]);
  });
});
