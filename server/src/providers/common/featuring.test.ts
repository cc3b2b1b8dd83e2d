import { describe, expect, it } from 'vitest';
import { buildCredits } from './credits.ts';
import { applyTitleFeaturing, splitFeaturing } from './featuring.ts';

describe('featured artists in titles', () => {
  it('splits the common spellings', () => {
    expect(splitFeaturing('Song (feat. X)')).toEqual({ title: 'Song', featured: 'X' });
    expect(splitFeaturing('Song [ft. X & Y] (Remix)')).toEqual({
      title: 'Song (Remix)',
      featured: 'X & Y',
    });
    expect(splitFeaturing('Song featuring X')).toEqual({ title: 'Song', featured: 'X' });
    expect(splitFeaturing('Feat. of Strength')).toEqual({ title: 'Feat. of Strength' });
    expect(splitFeaturing('Plain')).toEqual({ title: 'Plain' });
  });

  it('marks listed artists featured and keeps a band name with "&" whole', () => {
    const { title, artists } = applyTitleFeaturing('Song (feat. Simon & Garfunkel)', [
      { name: 'Main' },
      { name: 'Simon & Garfunkel' },
    ]);
    expect(title).toBe('Song');
    expect(buildCredits(artists).map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Main', ' feat. '],
      ['Simon & Garfunkel', undefined],
    ]);
  });

  it('adds featured artists the store did not list', () => {
    const { artists } = applyTitleFeaturing('Song (feat. X and Y)', [{ name: 'Main' }]);
    expect(buildCredits(artists).map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Main', ' feat. '],
      ['X', ' & '],
      ['Y', undefined],
    ]);
  });

  it('reads "(with X)" as a credit only when the store lists X', () => {
    for (const title of ['Stay (With Me)', 'Adagio (with Strings)']) {
      const { title: kept, artists } = applyTitleFeaturing(title, [{ name: 'Band' }]);
      expect(kept).toBe(title);
      expect(artists).toEqual([{ name: 'Band' }]);
    }
    const { title, artists } = applyTitleFeaturing('Duet (with Guest)', [
      { name: 'Band' },
      { name: 'Guest' },
    ]);
    expect(title).toBe('Duet');
    expect(buildCredits(artists).map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Band', ' feat. '],
      ['Guest', undefined],
    ]);
  });

  it('reads a real "feat." after a "(With …)" that belongs to the title', () => {
    const { title, artists } = applyTitleFeaturing('Stay (With Me) feat. Guest', [
      { name: 'Band' },
    ]);
    expect(title).toBe('Stay (With Me)');
    expect(buildCredits(artists).map((a) => [a.name, a.joinPhrase])).toEqual([
      ['Band', ' feat. '],
      ['Guest', undefined],
    ]);
  });
});
