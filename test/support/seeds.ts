/** Builds and validates the seed of one provider's release, as an import of it alone would. */
import {
  buildReleaseSeed,
  type LookupResult,
  lookupResultSchema,
  type ProviderName,
  type Release,
  type SeedProblem,
  validateSeed,
} from '@liner/shared';

export function seedProblems(provider: ProviderName, release: Release, url: string): SeedProblem[] {
  const result: LookupResult = lookupResultSchema.parse({
    id: 'testtesttest',
    createdAt: '2026-01-01T00:00:00.000Z',
    query: { urls: [url], regions: ['GB'] },
    release,
    sources: {},
    conflicts: [],
    incompatible: [],
    providers: [
      {
        name: provider,
        displayName: provider,
        url,
        apiUrl: url,
        lookup: { method: 'id', value: 'x' },
      },
    ],
    messages: [],
  });
  return validateSeed(
    buildReleaseSeed(result, {
      editorUrl: 'https://musicbrainz.org',
      permalinkUrl: 'http://127.0.0.1:5733/release/testtesttest',
      version: 'test',
    }),
  );
}
