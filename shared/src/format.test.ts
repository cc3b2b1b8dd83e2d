import { describe, expect, it } from 'vitest';
import { creditText, fieldLabel, formatLength, formatReleaseDate } from './format.ts';

describe('one text form for credits, lengths and dates', () => {
  it('writes credits with their join phrases, credited names first', () => {
    const credits = [
      { name: 'A', joinPhrase: ' & ' },
      { name: 'B', creditedName: 'Bee', joinPhrase: ' feat. ' },
      { name: 'C' },
    ];
    expect(creditText(credits)).toBe('A & Bee feat. C');
    expect(creditText([{ name: 'A' }, { name: 'B' }])).toBe('AB');
    expect(creditText([{ name: 'A' }, { name: 'B' }], ', ')).toBe('A, B');
    expect(creditText(undefined)).toBe('');
  });

  it('writes lengths as m:ss, with hours from an hour on', () => {
    expect(formatLength(185_400)).toBe('3:05');
    expect(formatLength(3_725_000)).toBe('1:02:05');
    expect(formatLength(undefined)).toBe('');
    expect(formatLength(undefined, '?:??')).toBe('?:??');
  });

  it('writes a date only as far as it is known, never a day without its month', () => {
    expect(formatReleaseDate({ year: 2024, month: 3, day: 9 })).toBe('2024-03-09');
    expect(formatReleaseDate({ year: 2024, month: 3 })).toBe('2024-03');
    expect(formatReleaseDate({ year: 2024, day: 9 })).toBe('2024');
    expect(formatReleaseDate({})).toBe('');
  });
});

describe('fieldLabel', () => {
  it('names release fields and a track’s fields by the track’s place', () => {
    expect(fieldLabel('releaseDate')).toBe('Release date');
    expect(fieldLabel('gtin')).toBe('Barcode');
    expect(fieldLabel('media.0.tracks.1.lengthMs')).toBe('Track 1.2 length');
    expect(fieldLabel('media.1.tracks.0.isrc')).toBe('Track 2.1 ISRC');
    expect(fieldLabel('media.1.tracks.0.title')).toBe('Track 2.1 title');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
    expect(formatLength(3_725_000)).toBe('1:02:05');
  });
});
