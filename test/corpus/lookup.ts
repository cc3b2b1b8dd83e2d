/**
 * One corpus case looked up through its real provider, replaying the recorded corpus (or, for a
 * store the corpus lacks, the provider's own fixtures the case names).
 */
import { recognizeUrl } from '@liner/shared';
import type { ProviderLookup } from '../../server/src/providers/types.ts';
import { CORPUS_DIR } from '../support/corpus.ts';
import { testProvider } from '../support/providers.ts';
import type { CorpusCase } from './types.ts';

export function lookUpCase(testCase: CorpusCase): Promise<ProviderLookup> {
  const client = testProvider(testCase.provider, {
    replayDir: testCase.replayDir ?? CORPUS_DIR,
    ...(testCase.env ? { env: testCase.env } : {}),
  });
  const regions = testCase.regions ?? ['GB', 'US'];
  return 'url' in testCase.lookup
    ? client.lookupById(recognizeUrl(testCase.lookup.url).entity, regions)
    : client.lookupByGtin!(testCase.lookup.gtin, regions);
}
