/**
 * The ISRC comparison pairs MusicBrainz's tracks with the stores' by place only where the place
 * holds the same recording: an edition with the same count in another order must not have its
 * ISRCs offered (through MagicISRC) for the recordings that happen to stand where they stand.
 */
import { type Comparison, comparisonSchema, type Release, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { compareIsrcs } from './compare-tracks.ts';

type Row = { title: string; lengthMs?: number; isrc?: string };
const release = (rows: Row[]): Release =>
  releaseSchema.parse({
    title: 'Two Sides',
    artists: [{ name: 'Alpha' }],
    media: [{ tracks: rows.map((row, i) => ({ number: String(i + 1), ...row })) }],
  });
const empty = (): Comparison =>
  comparisonSchema.parse({
    mbid: '3c1f0a52-7d4e-4b8a-9f21-6e5d4c3b2a10',
    musicbrainz: { title: 'Two Sides', links: [], tracks: 3 },
    missingLinks: [],
    missingIsrcs: [],
    differentIsrcs: [],
    barcode: {},
    coverArt: [],
    messages: [],
  });

describe('the ISRCs the stores give beside MusicBrainz’s tracks', () => {
  it('lists a missing ISRC where the place holds the same title and length', () => {
    const comparison = empty();
    compareIsrcs(
      comparison,
      release([{ title: 'Opening', lengthMs: 201_000 }, { title: 'Duet (feat. Beta)' }]),
      release([
        { title: 'Opening', lengthMs: 202_000, isrc: 'GBAAA2300001' },
        { title: 'Duet', lengthMs: 185_000, isrc: 'GBAAA2300002' },
      ]),
    );
    expect(comparison.missingIsrcs.map((m) => [m.position, m.isrc])).toEqual([
      [1, 'GBAAA2300001'],
      [2, 'GBAAA2300002'],
    ]);
    expect(comparison.messages).toEqual([]);
  });

  it('offers nothing for places that hold another track at the stores, and says which', () => {
    const comparison = empty();
    compareIsrcs(
      comparison,
      release([
        { title: 'Opening', lengthMs: 201_000, isrc: 'GBAAA2300009' },
        { title: 'Duet', lengthMs: 185_000 },
        { title: 'Reprise', lengthMs: 99_000 },
      ]),
      // Another edition: the same three tracks, the last two the other way round; and the first
      // one's recording at the stores is 10 s longer (another mix), so not the same either.
      release([
        { title: 'Opening', lengthMs: 211_000, isrc: 'GBAAA2300001' },
        { title: 'Reprise', lengthMs: 99_000, isrc: 'GBAAA2300003' },
        { title: 'Duet', lengthMs: 185_000, isrc: 'GBAAA2300002' },
      ]),
    );
    expect(comparison.missingIsrcs).toEqual([]);
    expect(comparison.differentIsrcs).toEqual([]);
    expect(comparison.messages).toHaveLength(1);
    expect(comparison.messages[0]!.text).toContain('1.2 "Duet" (the stores: "Reprise")');
    expect(comparison.messages[0]!.text).toContain('1.1 "Opening" (the stores: "Opening")');
  });
});
