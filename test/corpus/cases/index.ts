/** Every recorded-corpus case, one file per provider. */
import type { CorpusCase } from '../types.ts';
import { bandcampCases } from './bandcamp.ts';
import { deezerCases } from './deezer.ts';
import { discogsCases } from './discogs.ts';
import { itunesCases } from './itunes.ts';
import { spotifyCases } from './spotify.ts';
import { tidalCases } from './tidal.ts';

export const CORPUS_CASES: CorpusCase[] = [
  ...deezerCases,
  ...itunesCases,
  ...bandcampCases,
  ...discogsCases,
  ...spotifyCases,
  ...tidalCases,
];
