/**
 * "Add missing links" posts a seed built from exactly the rows the panel lists: what else the
 * server's edit seed carries is left out and named in the panel.
 */
import { describe, expect, it } from 'vitest';
import { comparisonSchema, comparisonView } from '../src/background/comparison-view.ts';
import { seedFromRows } from '../src/background/edit-rows.ts';
import { BEATPORT_URL, SPOTIFY_URL, sampleComparison } from './support/comparison.ts';

const OPTIONS = {
  serverUrl: 'http://127.0.0.1:5733',
  editorUrl: 'https://musicbrainz.org',
  version: '0.1.0',
};

function hostile() {
  const raw = sampleComparison();
  raw.barcode = { stores: '0192758000019' } as never;
  raw.editSeed.fields = [
    ...raw.editSeed.fields.filter(([name]) => name !== 'redirect_uri'),
    ['urls.3.url', 'https://spam.example/buy'],
    ['urls.3.link_type', '74'],
    ['barcode', '0192758000019'],
    ['name', 'Another title'],
    ['annotation', 'Visit spam.example'],
    ['make_votable', '1'],
    ['redirect_uri', 'https://attacker.example/steal'],
  ];
  return comparisonSchema.parse(raw);
}

describe('the edit seed of the comparison panel', () => {
  it('holds exactly the listed links with their types, the offered barcode and the edit note', () => {
    const comparison = hostile();
    const view = comparisonView(comparison, OPTIONS);
    expect(view.edits).toEqual([
      { kind: 'link', url: SPOTIFY_URL, types: ['free streaming'] },
      { kind: 'link', url: BEATPORT_URL, types: ['paid download', 'paid streaming'] },
      { kind: 'barcode', value: '0192758000019' },
    ]);
    const { seed, dropped } = seedFromRows(comparison, view.edits, OPTIONS);
    expect(
      seed.fields.map(([name, value]) => (name === 'edit_note' ? [name] : [name, value])),
    ).toEqual([
      ['urls.0.url', SPOTIFY_URL],
      ['urls.0.link_type', '85'],
      ['urls.1.url', BEATPORT_URL],
      ['urls.1.link_type', '74'],
      ['urls.2.url', BEATPORT_URL],
      ['urls.2.link_type', '980'],
      ['barcode', '0192758000019'],
      ['edit_note'],
      ['redirect_uri', `http://127.0.0.1:5733/release/${comparison.lookup!.id}/imported`],
    ]);
    expect(dropped).toEqual([
      'link https://spam.example/buy (type 74)',
      'name',
      'annotation',
      'make_votable',
      'redirect_uri',
    ]);
    expect(view.messages.at(-1)).toEqual({
      level: 'warning',
      text: "The Liner server's edit seed also held what this panel does not list; Liner leaves it out: link https://spam.example/buy (type 74), name, annotation, make_votable, redirect_uri.",
    });
  });

  it('offers no barcode the server’s seed does not, nor a link MusicBrainz has in another form', () => {
    const raw = sampleComparison();
    raw.barcode = { stores: '0192758000019' } as never;
    raw.musicbrainz.links.push(
      `${SPOTIFY_URL}?si=x`.replace('open.spotify.com', 'play.spotify.com'),
    );
    const view = comparisonView(comparisonSchema.parse(raw), OPTIONS);
    expect(view.edits.map((row) => (row.kind === 'link' ? row.url : row.kind))).toEqual([
      BEATPORT_URL,
    ]);
    expect(view.canAddBarcode).toBe(false);
  });
});
