/**
 * Picks one value per field from the first provider in that field's order that has one, and
 * lists the other providers' differing values as a conflict with every alternative.
 */
import type { Conflict, ProviderName, Release } from '@liner/shared';

export interface Picked<T> {
  value: T | undefined;
  source: ProviderName | undefined;
  conflict: Conflict | undefined;
}

/** Case, spacing and Unicode form do not make two values different. */
export function textKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function pickField<T>(
  field: string,
  order: readonly ProviderName[],
  releases: ReadonlyMap<ProviderName, Release>,
  get: (release: Release) => T | undefined,
  key: (value: T) => string,
): Picked<T> {
  const present = order
    .map((provider) => ({ provider, value: get(releases.get(provider)!) }))
    .filter((entry): entry is { provider: ProviderName; value: T } => {
      const v = entry.value;
      return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
    });
  const first = present[0];
  if (!first) return { value: undefined, source: undefined, conflict: undefined };
  const groups = new Map<string, { providers: ProviderName[]; value: T }>();
  for (const entry of present) {
    const k = key(entry.value);
    const group = groups.get(k);
    if (group) group.providers.push(entry.provider);
    else groups.set(k, { providers: [entry.provider], value: entry.value });
  }
  const conflict =
    groups.size > 1
      ? { field, chosen: first.provider, alternatives: [...groups.values()] }
      : undefined;
  return { value: first.value, source: first.provider, conflict };
}
