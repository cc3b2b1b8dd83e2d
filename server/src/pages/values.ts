/**
 * Release values as the server pages write them for people: dates in words ("16 August 2024"),
 * labels with their catalogue numbers, and each field's name in words (credits and lengths are
 * shared/src/format.ts's).
 */
import {
  type ArtistCredit,
  creditText,
  fieldLabel,
  formatLength,
  type Label,
  type Release,
  type ReleaseDate,
} from '@liner/shared';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A partial date in words: "16 August 2024", "August 2024", "2024". */
export function dateInWords(date: ReleaseDate | undefined): string {
  if (!date?.year) return '';
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  if (!month) return String(date.year);
  return date.day ? `${date.day} ${month} ${date.year}` : `${month} ${date.year}`;
}

/** An instant in words, in UTC (the server does not know the reader's zone). */
export function instantInWords(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toISOString().slice(11, 16);
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
}

export function labelsInWords(labels: readonly Label[]): string {
  return labels
    .map((l) => (l.catalogNumber ? `${l.name} (${l.catalogNumber})` : l.name))
    .join(', ');
}

export function tracksInWords(release: Pick<Release, 'media'>): string {
  const counts = release.media.map((m) => m.tracks.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const word = total === 1 ? 'track' : 'tracks';
  return counts.length > 1
    ? `${total} ${word} on ${counts.length} media (${counts.join(' + ')})`
    : `${total} ${word}`;
}

/** A field's name in words (shared/src/format.ts). */
export const fieldInWords = fieldLabel;

/** A value of `field` (a release field, or a track's title, ISRC or length) in words. */
export function valueInWords(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (field === 'artists' || field.endsWith('.artists'))
    return creditText(value as ArtistCredit[], ', ');
  if (field === 'labels') return labelsInWords(value as Label[]);
  if (field === 'releaseDate') return dateInWords(value as ReleaseDate);
  if (field === 'media') return tracksInWords({ media: value as Release['media'] });
  if (field.endsWith('.lengthMs')) return formatLength(value as number);
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
