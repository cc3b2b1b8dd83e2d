import { describe, expect, it } from 'vitest';
import type { DiscogsTrack } from './api.ts';
import { discogsCountries } from './countries.ts';
import { mediumUnits, releaseTypes } from './formats.ts';
import { parseDuration, splitMedia } from './tracklist.ts';

const track = (position: string, title = position): DiscogsTrack => ({
  position,
  type_: 'track',
  title,
});
const heading = (title: string): DiscogsTrack => ({ position: '', type_: 'heading', title });
const layout = (list: DiscogsTrack[]) =>
  splitMedia(list).map((m) => [m.family, m.title ?? null, m.tracks.map((t) => t.number)]);

describe('Discogs tracklist reading', () => {
  it('reads m:ss and h:mm:ss, minutes past 59 included, and nothing else', () => {
    expect(parseDuration('3:05')).toBe(185_000);
    expect(parseDuration('116:00')).toBe(6_960_000);
    expect(parseDuration('1:02:03')).toBe(3_723_000);
    for (const bad of ['', '3:75', '1:60:00', '3.05', 'unknown', undefined])
      expect(parseDuration(bad)).toBeUndefined();
  });

  it('pairs sides into records, also when a box repeats the side letters', () => {
    expect(layout([track('A'), track('B'), track('A'), track('B'), track('C')])).toEqual([
      ['sides', null, ['A', 'B']],
      ['sides', null, ['A', 'B']],
      ['sides', null, ['C']],
    ]);
    expect(layout([track('A1'), track('AA1')])).toEqual([['sides', null, ['A1', 'AA1']]]);
  });

  it('starts a disc where plain numbering starts again, and reads disc prefixes', () => {
    expect(layout([track('1'), track('2'), track('1'), track('CD2-1'), track('BR1-4')])).toEqual([
      ['any', null, ['1', '2']],
      ['any', null, ['1']],
      ['cd', null, ['1']],
      ['bluray', null, ['4']],
    ]);
  });

  it('keeps sub-tracks with positions of their own as tracks, the index title as a heading', () => {
    const index: DiscogsTrack = {
      position: '',
      type_: 'index',
      title: 'Live In Paris:',
      artists: [{ name: 'Guest', id: 5 }],
      sub_tracks: [track('2-1', 'Song'), track('2-2', 'Other Song')],
    };
    const media = splitMedia([heading('Studio'), track('1-1'), heading('-'), index]);
    expect(media.map((m) => [m.title, m.tracks.map((t) => t.title)])).toEqual([
      ['Studio', ['1-1']],
      ['Live In Paris', ['Song', 'Other Song']],
    ]);
    // Sub-tracks inherit the index track's artists.
    expect(media[1]!.tracks[0]!.artists?.map((a) => a.name)).toEqual(['Guest']);
  });

  it('drops headings inside a medium and tracks of unknown types', () => {
    const media = splitMedia([
      track('1'),
      heading('Bonus'),
      track('2'),
      { ...track('3'), type_: 'x' },
    ]);
    expect(media.map((m) => [m.title, m.tracks.length])).toEqual([[undefined, 2]]);
  });
});

describe('Discogs formats and countries', () => {
  it('counts items by qty, leaves the box out and names MusicBrainz formats', () => {
    const units = mediumUnits([
      { name: 'Box Set', qty: '1', descriptions: ['Compilation'] },
      { name: 'CD', qty: '2', descriptions: ['Album', 'HDCD'] },
      { name: 'Vinyl', qty: '1', descriptions: ['7"', 'Single'] },
      { name: 'Cassette', qty: '1' },
      { name: 'File', qty: '3', descriptions: ['FLAC'] },
      { name: 'Hybrid', qty: 'x' },
    ]);
    expect(units.map((u) => u.format ?? null)).toEqual([
      'HDCD',
      'HDCD',
      '7" Vinyl',
      'Cassette',
      'Digital Media',
      'Digital Media',
      'Digital Media',
      null,
    ]);
    expect(units.map((u) => u.family)).toEqual([
      'cd',
      'cd',
      'sides',
      'sides',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('takes one primary type, the broadest, plus the secondary ones', () => {
    const box = [
      { name: 'Box Set', descriptions: ['Compilation'] },
      { name: 'Vinyl', descriptions: ['Single'] },
      { name: 'CD', descriptions: ['Album'] },
    ];
    expect(releaseTypes(box)).toEqual(['Album', 'Compilation']);
    expect(releaseTypes([{ name: 'Vinyl', descriptions: ['12"', 'Maxi-Single'] }])).toEqual([
      'Single',
    ]);
    expect(releaseTypes([{ name: 'CD', descriptions: ['Reissue'] }])).toEqual([]);
  });

  it("maps Discogs' country names, groups and former countries", () => {
    expect(discogsCountries('UK')).toEqual(['GB']);
    expect(discogsCountries('Germany')).toEqual(['DE']);
    expect(discogsCountries('UK & Europe')).toEqual(['GB', 'XE']);
    expect(discogsCountries('Germany, Austria, & Switzerland')).toEqual(['DE', 'AT', 'CH']);
    expect(discogsCountries('Bosnia & Herzegovina')).toEqual(['BA']);
    expect(discogsCountries('Saint Kitts and Nevis')).toEqual(['KN']);
    expect(discogsCountries('Reunion')).toEqual(['RE']);
    expect(discogsCountries('Czechoslovakia')).toEqual(['XC']);
    expect(discogsCountries('Worldwide')).toEqual(['XW']);
    for (const none of ['Unknown', 'South America', 'UK & Middle East', '', null])
      expect(discogsCountries(none)).toBeUndefined();
  });
});
