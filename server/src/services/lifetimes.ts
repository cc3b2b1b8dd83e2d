/**
 * How long answers stay usable. A failure is remembered briefly (so a broken store is not
 * hammered, yet asked again soon), and a stored look-up is only as fresh as its oldest,
 * shortest-lived part.
 */
import type { LookupResult, ProviderName } from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { providerTtl } from '../providers/setup.ts';
import type { ProviderDeclaration } from '../providers/types.ts';

/** How long a failed provider request is answered from the cache, from when it failed. */
export function failureTtl(config: Config, kind: string | undefined): number {
  if (kind === 'not-found') return config.cache.notFoundTtl;
  // A skip by this instance's circuit breaker is this moment's answer: the breaker itself says
  // when the store is asked again, and another instance's breaker may be closed.
  if (kind === 'skipped') return 0;
  // Still being asked: its answer lands in the cache, and the next look-up should take it.
  if (kind === 'pending') return 0;
  return config.cache.errorTtl;
}

/**
 * Until when the same question may get this same answer. Each provider's part counts from when
 * its data was fetched, not from now: a part served from the cache may be nearly expired. The
 * MusicBrainz side counts from now, since the resolver's answers were just read or asked.
 */
export function reusableUntil(
  config: Config,
  declarations: ReadonlyMap<ProviderName, ProviderDeclaration>,
  result: LookupResult,
  createdAt: Date,
  options: { resolverFailed: boolean; resolverPending?: boolean },
): Date {
  const created = createdAt.getTime();
  const ends = [created + config.cache.ttl];
  for (const provider of result.providers) {
    const since = provider.fetchedAt ? Date.parse(provider.fetchedAt) : created;
    const declaration = declarations.get(provider.name);
    if (provider.error) ends.push(since + failureTtl(config, provider.error.kind));
    else if (declaration) ends.push(since + providerTtl(config, declaration));
  }
  // IDs still queued at the deadline: the next look-up should find them, not this answer.
  if (options.resolverPending) ends.push(created);
  if (!result.release || options.resolverFailed) ends.push(created + config.cache.errorTtl);
  else if (result.existing.length === 0) ends.push(created + config.cache.mbidNotFoundTtl);
  return new Date(Math.min(...ends));
}
