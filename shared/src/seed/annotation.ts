/** The annotation and edit note texts of a seed. */
import type { LookupResult } from '../lookup.ts';
import type { Release } from '../model.ts';
import { eventCountries } from './events.ts';

/** Most countries listed by name in an availability note; more are summarized. */
const MAX_LISTED_COUNTRIES = 30;

/** Where a release is sold, when its events carry no country: too many to list, not everywhere. */
function availability(countries: readonly string[]): string {
  const count = `Available in ${countries.length} countries`;
  return countries.length <= MAX_LISTED_COUNTRIES ? `${count}: ${countries.join(', ')}` : count;
}

/**
 * "[" and "]" open and close links in MusicBrainz's annotation wiki syntax: a store's
 * "[Explicit]" or "℗ [Label]" would become a broken link. Escaped as HTML entities, they show as
 * written.
 */
export function escapeWikiBrackets(text: string): string {
  return text.replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');
}

/** The store the credits text comes from, by its name: the annotation outlives the look-up. */
function creditsStore(result: LookupResult): string {
  const source = result.sources.credits;
  if (typeof source !== 'string') return 'the stores';
  return result.providers.find((p) => p.name === source)?.displayName ?? source;
}

/**
 * What the stores state for an annotation: the copyright lines and the credits text, under a
 * wiki heading that names the store it is from ("=== Credits from Bandcamp ===", as Harmony
 * writes it), so that a reader of MusicBrainz's annotation knows whose text it is.
 */
function statedParts(result: LookupResult, release: Release): string[] {
  const parts: string[] = [];
  if (release.copyright) parts.push(release.copyright.trim());
  if (release.credits)
    parts.push(`=== Credits from ${creditsStore(result)} ===\n${release.credits.trim()}`);
  return parts;
}

/**
 * The annotation an existing release may be offered: only what the stores state (copyright,
 * credits), not Liner's availability summary, whose countries are the release events' business.
 */
export function statedAnnotation(result: LookupResult): string | undefined {
  if (!result.release) return undefined;
  const parts = statedParts(result, result.release);
  return parts.length ? escapeWikiBrackets(parts.join('\n\n')) : undefined;
}

export function annotationText(result: LookupResult): string | undefined {
  const release = result.release;
  if (!release) return undefined;
  const parts = statedParts(result, release);
  const where = eventCountries(release);
  if (where.kind === 'unlisted') parts.push(availability(where.countries));
  const excluded = release.excludedFrom ?? [];
  if (excluded.length > 0 && excluded.length <= MAX_LISTED_COUNTRIES) {
    parts.push(`Not available in: ${excluded.join(', ')}`);
  }
  return parts.length ? escapeWikiBrackets(parts.join('\n\n')) : undefined;
}

export function editNoteText(
  result: LookupResult,
  permalinkUrl: string | undefined,
  version: string | undefined,
): string {
  const lines = [
    `Imported with Liner${version ? ` ${version}` : ''}${permalinkUrl ? ` from ${permalinkUrl}` : ''}, using data from:`,
  ];
  for (const provider of result.providers) {
    if (provider.error || !provider.url) continue;
    const api =
      provider.apiUrl && provider.apiUrl !== provider.url ? ` (API: ${provider.apiUrl})` : '';
    lines.push(`* ${provider.displayName}: ${provider.url}${api}`);
  }
  return lines.join('\n');
}
