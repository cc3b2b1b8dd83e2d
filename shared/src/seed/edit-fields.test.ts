import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../lookup.ts';
import type { Release } from '../model.ts';
import { buildEditSeed } from './build.ts';
import { editFields } from './edit-fields.ts';

const MBID = '7a1b2c3d-0000-4000-8000-000000000001';
const LABEL = '9b9b9b9b-0000-4000-8000-000000000001';

function release(extra: Partial<Release> = {}): Release {
  return {
    title: 'Two Sides',
    artists: [{ name: 'Alpha', externalIds: [] }],
    labels: [],
    types: [],
    media: [{ tracks: [{ number: '1', title: 'Opening' }] }],
    externalLinks: [],
    images: [],
    externalIds: [],
    ...extra,
  };
}

function result(store: Release, sources: LookupResult['sources'] = {}): LookupResult {
  return {
    id: 'abcdefghjkmn',
    createdAt: '2026-12-06T00:00:00.000Z',
    query: { urls: [], regions: [] },
    release: store,
    sources,
    conflicts: [],
    incompatible: [],
    providers: [
      { name: 'bandcamp', displayName: 'Bandcamp', lookup: { method: 'id', value: 'alpha/x' } },
    ],
    messages: [],
    existing: [],
  };
}

const stores = release({
  status: 'Official',
  packaging: 'None',
  language: 'eng',
  script: 'Latn',
  releaseDate: { year: 2023, month: 5, day: 5 },
  availableIn: ['GB', 'US'],
  labels: [{ name: 'Liner Label', mbid: LABEL, catalogNumber: 'LL-001', externalIds: [] }],
});

describe('editFields', () => {
  it('offers every field MusicBrainz lacks, with the seed fields of each', () => {
    const { missing, disagreements } = editFields(result(stores), release());
    expect(missing.map((row) => [row.field, row.value])).toEqual([
      ['status', 'Official'],
      ['packaging', 'None'],
      ['language', 'eng'],
      ['script', 'Latn'],
      ['events', '2023-05-05 GB, US'],
      ['labels', 'Liner Label (LL-001)'],
    ]);
    expect(missing.find((row) => row.field === 'events')?.seed).toEqual([
      ['events.0.date.year', '2023'],
      ['events.0.date.month', '5'],
      ['events.0.date.day', '5'],
      ['events.0.country', 'GB'],
      ['events.1.date.year', '2023'],
      ['events.1.date.month', '5'],
      ['events.1.date.day', '5'],
      ['events.1.country', 'US'],
    ]);
    expect(missing.find((row) => row.field === 'labels')?.seed).toEqual([
      ['labels.0.mbid', LABEL],
      ['labels.0.catalog_number', 'LL-001'],
    ]);
    expect(disagreements).toEqual([]);
  });

  it('never offers what MusicBrainz has: a different value is a disagreement', () => {
    const mb = release({
      status: 'Promotion',
      packaging: 'None',
      releaseDate: { year: 2022 },
      labels: [{ name: 'Other', catalogNumber: 'O-1', externalIds: [] }],
    });
    const { missing, disagreements } = editFields(result(stores), mb);
    expect(missing.map((row) => row.field)).toEqual(['language', 'script']);
    expect(disagreements).toEqual([
      { field: 'status', label: 'Status', musicbrainz: 'Promotion', stores: 'Official' },
      { field: 'events', label: 'Release date', musicbrainz: '2022', stores: '2023-05-05' },
      {
        field: 'labels',
        label: 'Labels and catalog numbers',
        musicbrainz: 'Other (O-1)',
        stores: 'Liner Label (LL-001)',
      },
    ]);
  });

  it('seeds no guess on an existing release', () => {
    const guess = { guess: true as const, reason: 'titles' };
    const { missing } = editFields(result(stores, { language: guess, script: guess }), release());
    expect(missing.map((row) => row.field)).not.toContain('language');
    expect(missing.map((row) => row.field)).not.toContain('script');
  });
});

describe('buildEditSeed with MusicBrainz’s release', () => {
  it('carries the missing fields after links and barcode, before the edit note', () => {
    const seed = buildEditSeed(result(stores), MBID, {
      editorUrl: 'https://musicbrainz.org',
      linkedUrls: [],
      musicBrainz: { release: release({ status: 'Official', labels: stores.labels }) },
    });
    const names = seed.fields.map(([name]) => name);
    expect(names).toEqual([
      'packaging',
      'language',
      'script',
      'events.0.date.year',
      'events.0.date.month',
      'events.0.date.day',
      'events.0.country',
      'events.1.date.year',
      'events.1.date.month',
      'events.1.date.day',
      'events.1.country',
      'edit_note',
    ]);
  });

  it("offers the stores' copyright and credits as the annotation only where MusicBrainz has none", () => {
    const noted = release({ copyright: '℗ 2023 Liner Label', credits: 'Mixed by [Beta]' });
    const annotation = (mb: Release) =>
      editFields(result(noted, { credits: 'bandcamp' }), mb).missing.filter(
        (row) => row.field === 'annotation',
      );
    // The credits name the store they are from, as Harmony's annotations do.
    const text = '℗ 2023 Liner Label\n\n=== Credits from Bandcamp ===\nMixed by &#91;Beta&#93;';
    expect(annotation(release({ annotation: '' }))).toEqual([
      { field: 'annotation', label: 'Annotation', value: text, seed: [['annotation', text]] },
    ]);
    // Not read from MusicBrainz: unknown, so nothing that could replace one.
    expect(annotation(release())).toEqual([]);
    // MusicBrainz's own holds the stores' text already (as Liner escaped it): nothing to say.
    const holds = editFields(
      result(noted, { credits: 'bandcamp' }),
      release({ annotation: `Notes.\n\n${text}` }),
    );
    expect(holds.missing.map((row) => row.field)).not.toContain('annotation');
    expect(holds.disagreements).toEqual([]);
    // Availability is Liner's summary, not a statement for the annotation.
    const sold = release({
      availableIn: Array.from({ length: 40 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}`),
    });
    expect(editFields(result(sold), release({ annotation: '' })).missing).toEqual(
      editFields(result(sold), release()).missing,
    );
  });
});
