/**
 * Replays every case of the recorded store corpus (real API responses) through the real
 * providers and HTTP layer, and checks the harmonized release field by field.
 */
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.ts';
import { seedProblems } from '../support/seeds.ts';
import { corpusCases } from './cases.ts';
import { lookUpCase } from './lookup.ts';

const present = corpusAvailable('the recorded-corpus cases');
const CASES = await corpusCases();
// Cases on a provider's own fixtures run without the recorded corpus.
const runnable = CASES.filter((c) => present || c.replayDir);

describe(`recorded corpus (${CORPUS_DIR}${present ? '' : ': missing, only hand-written cases'})`, () => {
  it.each(runnable.map((c) => [`${c.provider}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      const result = await lookUpCase(testCase);
      const release = releaseSchema.parse(result.release);
      const want = testCase.expect;
      const credits = (list: typeof release.artists) =>
        list.map((a) => [a.creditedName ?? a.name, a.joinPhrase ?? '']);

      expect(release.title).toBe(want.title);
      expect(credits(release.artists)).toEqual(want.artists);
      if (want.gtin !== undefined) expect(release.gtin ?? null).toBe(want.gtin);
      expect(release.media.map((m) => m.tracks.length)).toEqual(want.media);
      if (want.trackTitles)
        expect(release.media.map((m) => m.tracks.map((t) => t.title))).toEqual(want.trackTitles);
      if (want.lengths)
        expect(release.media.map((m) => m.tracks.map((t) => t.lengthMs ?? null))).toEqual(
          want.lengths,
        );
      if (want.isrcs)
        expect(release.media.map((m) => m.tracks.map((t) => t.isrc ?? null))).toEqual(want.isrcs);
      if (want.trackTypes)
        expect(release.media.map((m) => m.tracks.map((t) => t.type ?? 'audio'))).toEqual(
          want.trackTypes,
        );
      for (const [medium, track, artists] of want.trackArtists ?? []) {
        expect(credits(release.media[medium]!.tracks[track]!.artists ?? [])).toEqual(artists);
      }
      if (want.labels)
        expect(release.labels.map((l) => [l.name, l.catalogNumber ?? null])).toEqual(want.labels);
      if (want.releaseDate) expect(release.releaseDate).toEqual(want.releaseDate);
      if (want.links)
        expect(release.externalLinks.map((l) => [l.url, l.types])).toEqual(want.links);
      if (want.types) expect(release.types).toEqual(want.types);
      if (want.formats) expect(release.media.map((m) => m.format ?? null)).toEqual(want.formats);
      if (want.mediumTitles)
        expect(release.media.map((m) => m.title ?? null)).toEqual(want.mediumTitles);
      for (const region of want.availableIn?.includes ?? [])
        expect(release.availableIn).toContain(region);
      for (const region of want.availableIn?.excludes ?? [])
        expect(release.availableIn ?? []).not.toContain(region);
      // The release seeds MusicBrainz's editor without a field MusicBrainz would reject.
      expect(seedProblems(testCase.provider, release, result.url)).toEqual([]);
    },
  );
});
