/**
 * Release values as the panel shows them. Plain strings only: the panel puts them in text nodes,
 * so whatever a store returned is shown, never interpreted as HTML.
 */
import { creditText, formatLength, formatReleaseDate } from '@liner/shared/format';
import type { Conflict, LookupResult } from '@liner/shared/lookup';
import type { ArtistCredit, Label, Release, ReleaseDate } from '@liner/shared/model';
import { describeSource, describeTypes } from '@liner/shared/sources';
import { STORES } from '@liner/shared/stores/index';

export function providerName(name: string): string {
  return STORES.find((store) => store.name === name)?.displayName ?? name;
}

/** Credits as the panel lists them: names without a join phrase are separated by commas. */
export function formatArtists(credits: readonly ArtistCredit[]): string {
  return creditText(credits, ', ');
}

export const formatDate = formatReleaseDate;

export function formatLabels(labels: readonly Label[]): string {
  return labels
    .map((l) => (l.catalogNumber ? `${l.name} (${l.catalogNumber})` : l.name))
    .join(', ');
}

export function formatTracks(release: Pick<Release, 'media'>): string {
  const counts = release.media.map((medium) => medium.tracks.length);
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.length > 1 ? `${total} (${counts.join(' + ')})` : String(total);
}

/** A conflict alternative: the same formatting as the chosen value where the field is known. */
export function formatValue(field: string, value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (field.endsWith('.lengthMs') && typeof value === 'number') return formatLength(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (field === 'artists' && Array.isArray(value)) return formatArtists(value as ArtistCredit[]);
  if (field === 'labels' && Array.isArray(value)) return formatLabels(value as Label[]);
  if (field === 'releaseDate') return formatDate(value as ReleaseDate);
  if (field === 'media' && Array.isArray(value))
    return formatTracks({ media: value as Release['media'] });
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

export interface PanelRow {
  field: string;
  label: string;
  value: string;
  source?: string;
}

/** The rows of the panel's summary, each with the provider its value came from. */
export function summaryRows(result: LookupResult): PanelRow[] {
  const release = result.release;
  if (!release) return [];
  // A guessed value says so and why ("guessed: 12 tracks (more than 6)").
  const source = (field: string) => {
    const from = result.sources[field];
    if (!from) return {};
    const text = describeSource(from, providerName);
    return { source: typeof from === 'string' ? `from ${text}` : text };
  };
  const rows: PanelRow[] = [
    { field: 'title', label: 'Title', value: release.title, ...source('title') },
    {
      field: 'artists',
      label: 'Artists',
      value: formatArtists(release.artists),
      ...source('artists'),
    },
    { field: 'media', label: 'Tracks', value: formatTracks(release), ...source('media') },
    { field: 'gtin', label: 'GTIN', value: release.gtin ?? '', ...source('gtin') },
    {
      field: 'releaseDate',
      label: 'Date',
      value: formatDate(release.releaseDate),
      ...source('releaseDate'),
    },
    { field: 'labels', label: 'Labels', value: formatLabels(release.labels), ...source('labels') },
    // Types from several sources name each one's source in the value.
    {
      field: 'types',
      label: 'Types',
      value: describeTypes(release.types, result.sources, providerName),
      ...(release.types.some((_, i) => result.sources[`types.${i}`] !== result.sources.types)
        ? {}
        : source('types')),
    },
    { field: 'language', label: 'Language', value: release.language ?? '', ...source('language') },
    { field: 'script', label: 'Script', value: release.script ?? '', ...source('script') },
  ];
  return rows.map((row) =>
    row.value === '' ? { field: row.field, label: row.label, value: '—' } : row,
  );
}

export function conflictLines(conflict: Conflict): string[] {
  return conflict.alternatives.map(
    (alt) =>
      `${formatValue(conflict.field, alt.value)} — ${alt.providers.map(providerName).join(', ')}`,
  );
}
