/**
 * What an edit seed of an existing release adds besides links and barcode: each release field
 * the stores state and MusicBrainz's release lacks, never one it has (a different value is a
 * disagreement to show, not to seed). The release editor applies a seed to the loaded release
 * field by field, and replaces the whole list of release events or labels with a seeded one, so
 * those lists are seeded only when MusicBrainz has none. Guesses are not seeded here: on an
 * existing release an editor has already chosen. Pure.
 */
import type { FieldDisagreement, MissingField } from '../contracts.ts';
import { formatReleaseDate, simplifyName } from '../format.ts';
import type { LookupResult } from '../lookup.ts';
import type { Label, Release } from '../model.ts';
import { isGuess } from '../sources.ts';
import { statedAnnotation } from './annotation.ts';
import { eventCountries, eventFields } from './events.ts';
import type { SeedField } from './types.ts';

export interface EditFields {
  missing: MissingField[];
  disagreements: FieldDisagreement[];
}

const LABELS = {
  status: 'Status',
  packaging: 'Packaging',
  language: 'Language',
  script: 'Script',
  events: 'Release events',
  labels: 'Labels and catalog numbers',
  annotation: 'Annotation',
} as const;

/** Whitespace aside, and with Liner's escaped brackets read as brackets. */
const plain = (text: string) =>
  text.replace(/&#91;/g, '[').replace(/&#93;/g, ']').replace(/\s+/g, ' ').trim();
const short = (text: string) => {
  const line = plain(text);
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

/**
 * The stores' annotation text where MusicBrainz's release has none; a seeded annotation replaces
 * the release's, so where it has one that does not hold the stores' text, a disagreement.
 * Nothing when MusicBrainz's annotation was not read. `mb` must be a fresh read where this
 * offers the annotation (the compare service reads the release again then): an annotation added
 * since a cached read would be replaced.
 */
function annotationField(result: LookupResult, mb: Release, out: EditFields): void {
  const stated = statedAnnotation(result);
  if (!stated || mb.annotation === undefined) return;
  const label = LABELS.annotation;
  if (mb.annotation === '')
    out.missing.push({ field: 'annotation', label, value: stated, seed: [['annotation', stated]] });
  else if (!plain(mb.annotation).includes(plain(stated)))
    out.disagreements.push({
      field: 'annotation',
      label,
      musicbrainz: short(mb.annotation),
      stores: short(stated),
    });
}

function labelsText(labels: readonly Label[]): string {
  return labels
    .map((l) => (l.catalogNumber ? `${l.name} (${l.catalogNumber})` : l.name))
    .join(', ');
}

export function labelFields(labels: readonly Label[]): SeedField[] {
  return labels.flatMap((label, i): SeedField[] => [
    label.mbid ? [`labels.${i}.mbid`, label.mbid] : [`labels.${i}.name`, label.name],
    ...(label.catalogNumber ? [[`labels.${i}.catalog_number`, label.catalogNumber] as const] : []),
  ]);
}

function eventsText(release: Release): string {
  const where = eventCountries(release);
  const date = formatReleaseDate(release.releaseDate);
  const countries =
    where.kind === 'countries'
      ? where.countries.join(', ')
      : where.kind === 'worldwide'
        ? 'XW'
        : '';
  return [date, countries].filter(Boolean).join(' ');
}

const labelKey = (labels: readonly Label[]) =>
  labels
    .map((l) => `${l.mbid ?? simplifyName(l.name)}|${simplifyName(l.catalogNumber ?? '')}`)
    .sort()
    .join(';');

type Single = 'status' | 'packaging' | 'language' | 'script';

/** The fields the stores state that `mb` lacks, and those where the two differ. */
export function editFields(result: LookupResult, mb: Release): EditFields {
  const store = result.release;
  const out: EditFields = { missing: [], disagreements: [] };
  if (!store) return out;
  const stated = (field: string) => !isGuess(result.sources[field]);
  const single = (field: Single) => {
    const ours = store[field];
    if (!ours || !stated(field)) return;
    const theirs = mb[field];
    if (!theirs)
      out.missing.push({ field, label: LABELS[field], value: ours, seed: [[field, ours]] });
    else if (theirs !== ours)
      out.disagreements.push({ field, label: LABELS[field], musicbrainz: theirs, stores: ours });
  };
  single('status');
  single('packaging');
  single('language');
  single('script');

  const storeEvents = eventFields(store);
  const mbHasEvents = Boolean(mb.releaseDate?.year || mb.availableIn?.length);
  if (!mbHasEvents && storeEvents.length > 0)
    out.missing.push({
      field: 'events',
      label: LABELS.events,
      value: eventsText(store),
      seed: storeEvents,
    });
  else if (mbHasEvents && store.releaseDate?.year && mb.releaseDate?.year) {
    const ours = formatReleaseDate(store.releaseDate);
    const theirs = formatReleaseDate(mb.releaseDate);
    if (ours !== theirs)
      out.disagreements.push({
        field: 'events',
        label: 'Release date',
        musicbrainz: theirs,
        stores: ours,
      });
  }

  if (mb.labels.length === 0 && store.labels.length > 0)
    out.missing.push({
      field: 'labels',
      label: LABELS.labels,
      value: labelsText(store.labels),
      seed: labelFields(store.labels),
    });
  else if (store.labels.length > 0 && labelKey(mb.labels) !== labelKey(store.labels))
    out.disagreements.push({
      field: 'labels',
      label: LABELS.labels,
      musicbrainz: labelsText(mb.labels),
      stores: labelsText(store.labels),
    });
  annotationField(result, mb, out);
  return out;
}
