/**
 * Each store's recognition tests are data in its folder (`<name>/recognition.ts`): page URLs
 * with the type and canonical URL they must give, and pages of the store's hosts that are no
 * entity page. One test (recognition.test.ts) runs them all, and the store completeness check
 * requires them, so a store cannot be registered without them.
 */
import type { EntityType } from '../entity.ts';

export interface RecognitionCases {
  /** [input, entity type, canonical URL]: at least one release page. */
  recognized: readonly (readonly [string, EntityType, string])[];
  /** Pages on the store's own hosts that are not entity pages. */
  rejected: readonly string[];
}
