/**
 * What "Add missing links" may post, as a typed list of the rows the comparison panel shows,
 * and the edit seed built here from exactly those rows. The server's own edit seed is only a
 * vote: a link or barcode the panel does not list is never posted, and whatever else the
 * server's seed carries (a new name, an annotation, make_votable, a redirect elsewhere) is
 * dropped and reported. A new kind of row (a release event, a label) adds its case to EditRow
 * and to rowFields, and the panel lists it from the same list.
 */

import type { EditField } from '@liner/shared/contracts';
import { isValidGtin } from '@liner/shared/identifiers';
import type { LookupResult } from '@liner/shared/lookup';
import type { LinkType } from '@liner/shared/model';
import { seedAddresses } from '@liner/shared/seed/addresses';
import { editNoteText } from '@liner/shared/seed/annotation';
import { urlFields } from '@liner/shared/seed/build';
import type { Seed, SeedField } from '@liner/shared/seed/types';
import { linkMatcher } from '@liner/shared/stores/index';
import type { ApiOutputs } from './server.ts';

type Comparison = ApiOutputs['musicbrainz']['compare'];

/** One line of the panel that the edit seed carries. */
export type EditRow =
  | { kind: 'link'; url: string; types: LinkType[] }
  | { kind: 'barcode'; value: string }
  | { kind: 'field'; field: EditField; label: string; value: string; seed: SeedField[] };

/**
 * The seed fields each kind of field row may carry: a row of the server's whose fields are
 * anything else (a name, an annotation) is not listed, so never posted.
 */
const FIELD_NAMES: Record<EditField, RegExp> = {
  status: /^status$/,
  packaging: /^packaging$/,
  language: /^language$/,
  script: /^script$/,
  events: /^events\.\d+\.(date\.(year|month|day)|country)$/,
  labels: /^labels\.\d+\.(mbid|name|catalog_number)$/,
  annotation: /^annotation$/,
};

/** The server's field rows whose seed fields are of their kind and in its own edit seed. */
function fieldRows(comparison: Comparison): EditRow[] {
  const seeded = new Set((comparison.editSeed?.fields ?? []).map(([n, v]) => `${n}=${v}`));
  return comparison.missingFields
    .filter(
      (row) =>
        row.seed.length > 0 &&
        row.seed.every(
          ([name, value]) => FIELD_NAMES[row.field].test(name) && seeded.has(`${name}=${value}`),
        ),
    )
    .map((row) => ({
      kind: 'field',
      field: row.field,
      label: row.label,
      value: row.value,
      seed: row.seed.map(([name, value]): SeedField => [name, value]),
    }));
}

/** The seed fields of one kind of row (links are numbered together, after each other). */
function linkFields(rows: readonly EditRow[]): SeedField[] {
  const links = rows.flatMap((row) =>
    row.kind === 'link' ? [{ url: row.url, types: row.types }] : [],
  );
  return urlFields({
    title: '',
    artists: [],
    labels: [],
    types: [],
    media: [],
    externalLinks: links,
    images: [],
    externalIds: [],
  });
}

function rowFields(rows: readonly EditRow[]): SeedField[] {
  return [
    ...linkFields(rows),
    ...rows.flatMap((row): SeedField[] => (row.kind === 'barcode' ? [['barcode', row.value]] : [])),
    ...rows.flatMap((row): SeedField[] => (row.kind === 'field' ? row.seed : [])),
  ];
}

/** The barcode the panel offers: MusicBrainz has none, the stores agree on a valid one, and
 * the server's seed offers it too (it also knows when MusicBrainz says there is none). */
function offeredBarcode(comparison: Comparison): string | undefined {
  const { musicbrainz, stores } = comparison.barcode;
  if (musicbrainz || !stores || !isValidGtin(stores)) return undefined;
  const offered = comparison.editSeed?.fields.some(([n, v]) => n === 'barcode' && v === stores);
  return offered ? stores : undefined;
}

/**
 * The rows the panel lists as addable, given the link types each link may carry
 * (`seededTypes`): a link MusicBrainz already has, in any of its forms, is not one of them.
 */
export function editRows(
  comparison: Comparison,
  links: readonly { url: string; types: LinkType[] }[],
): EditRow[] {
  const linked = linkMatcher(comparison.musicbrainz.links);
  const barcode = offeredBarcode(comparison);
  return [
    ...links
      .filter((link) => link.types.length > 0 && !linked(link.url))
      .map((link): EditRow => ({ kind: 'link', url: link.url, types: link.types })),
    ...(barcode ? [{ kind: 'barcode', value: barcode } as const] : []),
    ...fieldRows(comparison),
  ];
}

/** The links of seed fields as "url type" pairs, whatever their indexes. */
function linkPairs(fields: readonly SeedField[]): string[] {
  const value = new Map(fields);
  return fields.flatMap(([name, url]) => {
    const index = /^urls\.(\d+)\.url$/.exec(name)?.[1];
    return index === undefined ? [] : [`${url} ${value.get(`urls.${index}.link_type`) ?? ''}`];
  });
}

/**
 * What the server's seed holds beyond `built`: its links (with their types) that are not
 * listed, and every other field but the edit note, which Liner writes itself.
 */
function unlisted(server: readonly SeedField[], built: readonly SeedField[]): string[] {
  const links = new Set(linkPairs(built));
  const others = new Set(built.map(([name, value]) => `${name}=${value}`));
  return [
    ...linkPairs(server)
      .filter((pair) => !links.has(pair))
      .map((pair) => `link ${pair.replace(/ (\d*)$/, ' (type $1)')}`),
    ...server
      .filter(([name]) => !name.startsWith('urls.') && name !== 'edit_note')
      .filter(([name, value]) => !others.has(`${name}=${value}`))
      .map(([name]) => name),
  ];
}

export interface RowSeed {
  seed: Seed;
  /** What the server's seed held that the panel did not list: "name", "urls.2.url (https://…)". */
  dropped: string[];
}

/** The edit seed of exactly `rows`, with Liner's edit note and the way back to the server. */
export function seedFromRows(
  comparison: Comparison,
  rows: readonly EditRow[],
  options: { editorUrl: string; serverUrl: string; version: string },
): RowSeed {
  const lookup = comparison.lookup;
  const addresses = lookup ? seedAddresses(options.serverUrl, lookup.id) : undefined;
  const note = lookup
    ? // The wire type of the same schema; it differs only in optional conflict values.
      editNoteText(lookup as LookupResult, addresses?.permalinkUrl, options.version)
    : `Found missing with Liner ${options.version}`;
  const fields: SeedField[] = [
    ...rowFields(rows),
    ['edit_note', note],
    ...(addresses ? [['redirect_uri', addresses.redirectUri] as const] : []),
  ];
  const dropped = unlisted(comparison.editSeed?.fields ?? [], fields);
  const seed: Seed = {
    action: 'edit',
    url: `${options.editorUrl}/release/${comparison.mbid}/edit`,
    fields,
  };
  return { seed, dropped };
}
