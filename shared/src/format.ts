/**
 * Release values as text, the one way every side writes them: the providers (comparing credits),
 * the CLI, the server's pages and the extension's panel.
 */
import type { ArtistCredit, ReleaseDate } from './model.ts';

/**
 * A name or short text as compared loosely: case, accents, spacing and punctuation do not make
 * two different (NFKD without its marks, letters and digits only, lower case).
 */
export function simplifyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * An artist credit as MusicBrainz shows it: each credited name followed by its join phrase.
 * `defaultJoin` stands between two names whose credit has no join phrase (a list built for
 * display); by default names without one are written together, as MusicBrainz does.
 */
export function creditText(
  credits: readonly Pick<ArtistCredit, 'name' | 'creditedName' | 'joinPhrase'>[] | undefined,
  defaultJoin = '',
): string {
  const list = credits ?? [];
  return list
    .map(
      (c, i) =>
        (c.creditedName ?? c.name) + (c.joinPhrase ?? (i < list.length - 1 ? defaultJoin : '')),
    )
    .join('');
}

const two = (n: number) => String(n).padStart(2, '0');

/** A track length as "m:ss", or "h:mm:ss" from an hour on; `unknown` when there is none. */
export function formatLength(ms: number | undefined, unknown = ''): string {
  if (ms === undefined) return unknown;
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = two(total % 60);
  return hours ? `${hours}:${two(minutes)}:${seconds}` : `${minutes}:${seconds}`;
}

/** A release date as far as it is known: "2024", "2024-03" or "2024-03-09"; "" without a year. */
export function formatReleaseDate(date: ReleaseDate | undefined): string {
  if (!date?.year) return '';
  const parts = [String(date.year)];
  if (date.month) {
    parts.push(two(date.month));
    if (date.day) parts.push(two(date.day));
  }
  return parts.join('-');
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  artists: 'Artists',
  gtin: 'Barcode',
  releaseDate: 'Release date',
  labels: 'Labels',
  types: 'Types',
  media: 'Tracklist',
  copyright: 'Copyright',
  status: 'Status',
  packaging: 'Packaging',
  language: 'Language',
  script: 'Script',
  credits: 'Credits',
};

/** A track's own fields, as they follow "Track 1.2". */
const TRACK_FIELDS: Record<string, string> = { title: 'title', isrc: 'ISRC', lengthMs: 'length' };

/** A conflict's field in words: "Labels", "Track 1.2 length" for media.0.tracks.1.lengthMs. */
export function fieldLabel(field: string): string {
  const track = /^media\.(\d+)\.tracks\.(\d+)\.(\w+)$/.exec(field);
  if (track) {
    const [, m, t, part] = track;
    return `Track ${Number(m) + 1}.${Number(t) + 1} ${TRACK_FIELDS[part!] ?? part}`;
  }
  return FIELD_LABELS[field] ?? field;
}
