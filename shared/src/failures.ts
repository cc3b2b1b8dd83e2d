/**
 * What the providers said beside their failures. Apart from lookup.ts (whose schemas are zod) so
 * that the store pages' content script can use it without carrying zod.
 */
import type { LookupMessage, LookupResult } from './lookup.ts';

/**
 * The messages besides the providers' failures: a failed provider's sentence is also in its
 * `providers` entry, where clients show it (with its detail), so it is not said twice.
 */
export function messagesBesideFailures(
  result: Pick<LookupResult, 'providers' | 'messages'>,
): LookupMessage[] {
  const failures = new Set(
    result.providers.flatMap((p) => (p.error ? [`${p.name}\n${p.error.message}`] : [])),
  );
  return result.messages.filter((m) => !(m.provider && failures.has(`${m.provider}\n${m.text}`)));
}
