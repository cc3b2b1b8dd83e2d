/**
 * The guesses on every recorded corpus case: the script each seeds, the language (English
 * titles eng, Japanese titles jpn, none where the titles are mixed or too short: never a wrong
 * one) and the release types; the Japanese stores (mora, OTOTOY) through their providers too.
 */
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { completeRelease } from '../../server/src/guess/index.ts';
import { loadLanguageDetector } from '../../server/src/guess/language.ts';
import { corpusAvailable } from '../support/corpus.ts';
import { corpusCases } from './cases.ts';
import { lookUpCase } from './lookup.ts';

const CORPUS_CASES = await corpusCases();

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
  'beatport: hand-written: an EP with a featured artist on one track': ['Latn', 'eng', ['EP']],
  'qobuz: hand-written: a deluxe edition on two discs, paged': ['Latn', 'eng', ['Album']],
  'musicbrainz: hand-written: a two-disc live album with label and catalog number': [
    'Latn',
    'eng',
    ['Album', 'Live'],
  ],
  // "MAGIC": one word, too few letters to tell a language.
  'mora: single, GTIN-14 in the distributor part number': ['Latn', null, ['Single']],
  'mora: a music video package: its track is a video': ['Latn', 'eng', ['Single']],
  'mora: high-resolution compilation, GTIN from the package ID, Japanese titles kept': [
    'Jpan',
    'jpn',
    ['Album', 'Compilation'],
  ],
  'ototoy: single track': ['Jpan', 'jpn', ['Single']],
  'ototoy: four discs, track artists where they differ': ['Latn', 'eng', ['Album', 'Compilation']],
  // "Gimme吟味virtuaる最高star!!!!" once the featured artists left it: mixed, no one language.
  'ototoy: several artists: the featured ones move from the title into the credit': [
    'Jpan',
    null,
    ['Single'],
  ],
  'ototoy: no label, featured artists on tracks': ['Latn', 'eng', ['Album']],
  'ototoy: original release date only, catalog number': ['Jpan', 'jpn', ['Album']],
  'ototoy: Various Artists, per-track artists': ['Latn', null, ['EP', 'Compilation']],
};

const present = corpusAvailable('guesses on the recorded corpus');

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
      // A guess, unless the source states it (MusicBrainz does).
      if (result.release.script === undefined)
        expect(sources.script).toMatchObject({ guess: true });
      else expect(sources.script).toBeUndefined();
    },
  );
});
