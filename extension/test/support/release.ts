/** A look-up result as the server returns it, written by hand for the extension's tests. */
import { type LookupResult, lookupResultSchema } from '@liner/shared/lookup';

export const DEEZER_URL = 'https://www.deezer.com/album/100001';
export const EXISTING_MBID = '6a0c1b3f-2f1d-4c56-9f55-2d1f6a3c9b10';

export function sampleResult(overrides: Partial<LookupResult> = {}): LookupResult {
  return lookupResultSchema.parse({
    id: 'perm1234abcd',
    createdAt: '2026-11-20T10:00:00.000Z',
    query: { urls: [DEEZER_URL], regions: ['GB'] },
    release: {
      title: 'Night Shift',
      artists: [
        { name: 'Ada Lane', joinPhrase: ' & ' },
        {
          name: 'The Lamplighters',
          externalIds: [{ provider: 'deezer', type: 'artist', id: '27' }],
        },
      ],
      gtin: '0192758000019',
      releaseDate: { year: 2023, month: 5, day: 5 },
      labels: [{ name: 'Liner Label', catalogNumber: 'LL-001' }],
      types: ['Album'],
      status: 'Official',
      media: [
        {
          format: 'Digital Media',
          tracks: [
            { number: '1', title: 'Dusk', lengthMs: 201000, isrc: 'GBAAA2300001' },
            { number: '2', title: 'Dawn', lengthMs: 180500, isrc: 'GBAAA2300002' },
          ],
        },
      ],
      externalLinks: [{ url: DEEZER_URL, types: ['free streaming'], provider: 'deezer' }],
    },
    sources: {
      title: 'deezer',
      artists: 'deezer',
      media: 'deezer',
      gtin: 'deezer',
      releaseDate: 'itunes',
      labels: 'deezer',
    },
    conflicts: [
      {
        field: 'releaseDate',
        chosen: 'itunes',
        alternatives: [
          { providers: ['itunes'], value: { year: 2023, month: 5, day: 5 } },
          { providers: ['deezer'], value: { year: 2023, month: 5, day: 12 } },
        ],
      },
    ],
    incompatible: [],
    providers: [
      {
        name: 'deezer',
        displayName: 'Deezer',
        id: '100001',
        url: DEEZER_URL,
        apiUrl: 'https://api.deezer.com/album/100001',
        lookup: { method: 'id', value: '100001' },
      },
      {
        name: 'itunes',
        displayName: 'Apple Music / iTunes',
        lookup: { method: 'gtin', value: '0192758000019' },
        error: {
          kind: 'timeout',
          message: 'Apple Music / iTunes did not answer in time',
          detail: 'itunes did not answer within 15000 ms',
        },
      },
    ],
    messages: [{ level: 'warning', provider: 'itunes', text: 'the iTunes look-up timed out' }],
    existing: [],
    ...overrides,
  });
}
