/**
 * Checks a seed against what MusicBrainz's release editor accepts. MusicBrainz does not reject a
 * bad seed: it drops the bad fields and shows errors above the editor, which users miss. So the
 * builder's output must pass this, and the extension refuses to post a seed that does not.
 */
import { isMbid } from '../identifiers.ts';
import { tryRecognizeUrl } from '../stores/index.ts';
import { leadsBackTo } from './addresses.ts';
import { isReleaseCountry } from './countries.ts';
import {
  allowedReleaseLinkTypes,
  HOST_RELEASE_LINK_TYPES,
  RELEASE_LINK_TYPES,
} from './link-types.ts';
import { isMediumFormat } from './medium-formats.ts';
import type { Seed } from './types.ts';
import {
  PACKAGING_NAMES,
  SEED_PRIMARY_TYPES,
  SEED_SECONDARY_TYPES,
  SEED_STATUSES,
  TOP_LEVEL_FIELDS,
} from './vocabulary.ts';

export interface SeedProblem {
  field: string;
  message: string;
}

const I = '(0|[1-9]\\d*)';
const CREDIT = `artist_credit\\.names\\.${I}\\.(name|mbid|artist\\.name|join_phrase)`;
const FIELD_PATTERNS = [
  /^(name|release_group|type|comment|annotation|barcode|language|script|status|packaging|edit_note|redirect_uri|make_votable)$/,
  new RegExp(`^events\\.${I}\\.(date\\.(year|month|day)|country)$`),
  new RegExp(`^labels\\.${I}\\.(mbid|name|catalog_number)$`),
  new RegExp(`^${CREDIT}$`),
  new RegExp(`^mediums\\.${I}\\.(format|name)$`),
  new RegExp(`^mediums\\.${I}\\.track\\.${I}\\.(name|number|length|recording)$`),
  new RegExp(`^mediums\\.${I}\\.track\\.${I}\\.${CREDIT}$`),
  new RegExp(`^urls\\.${I}\\.(url|link_type)$`),
];
/** Fields that may be given more than once (MusicBrainz reads them as a list). */
const REPEATABLE = new Set(['type']);
/** Release group types, lower-cased: MusicBrainz reads the type field case-insensitively. */
const PRIMARY_TYPES = new Set(SEED_PRIMARY_TYPES.map((t) => t.toLowerCase()));
const GROUP_TYPES = new Set([
  ...PRIMARY_TYPES,
  ...SEED_SECONDARY_TYPES.map((t) => t.toLowerCase()),
]);

function checkIndexes(names: readonly string[], problems: SeedProblem[]): void {
  const lists = new Map<string, Set<number>>();
  for (const name of names) {
    const parts = name.split('.');
    for (let i = 1; i < parts.length; i++) {
      if (!/^\d+$/.test(parts[i]!)) continue;
      const list = parts.slice(0, i).join('.');
      const set = lists.get(list) ?? new Set<number>();
      set.add(Number(parts[i]));
      lists.set(list, set);
    }
  }
  for (const [list, indexes] of lists) {
    for (let i = 0; i < indexes.size; i++) {
      if (!indexes.has(i)) {
        problems.push({
          field: `${list}.${i}`,
          message: `${list}.${i} isn't defined: indexes must start at 0 and have no gaps`,
        });
        break;
      }
    }
  }
}

const httpUrl = (value: string) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value);

function checkValue(name: string, value: string, problems: SeedProblem[]): void {
  const fail = (message: string) => problems.push({ field: name, message });
  const last = name.split('.').at(-1)!;
  if (name === 'type' && !GROUP_TYPES.has(value.toLowerCase()))
    fail(`"${value}" is not a release group type`);
  if (name === 'status' && !SEED_STATUSES.includes(value))
    fail(`"${value}" is not a release status`);
  if (name === 'packaging' && !PACKAGING_NAMES.includes(value))
    fail(`"${value}" is not a packaging name`);
  if (name === 'language' && !/^[a-z]{3}$/.test(value))
    fail(`"${value}" is not an ISO 639-3 language code`);
  if (name === 'script' && !/^[A-Z][a-z]{3}$/.test(value))
    fail(`"${value}" is not an ISO 15924 script code`);
  if (name === 'barcode' && value !== 'none' && !/^\d{8,14}$/.test(value))
    fail(`"${value}" is not a barcode of digits (or "none")`);
  if (/^events\.\d+\.date\./.test(name)) {
    const max = { year: 9999, month: 12, day: 31 }[last as 'year' | 'month' | 'day'];
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
      fail(`"${value}" is not a ${last} (digits only)`);
  }
  if (/^events\.\d+\.country$/.test(name) && !isReleaseCountry(value))
    fail(`"${value}" is not an ISO 3166-1 country code (XW for worldwide, XE for Europe)`);
  if (/^mediums\.\d+\.format$/.test(name) && !isMediumFormat(value))
    fail(`"${value}" is not a MusicBrainz medium format name`);
  if ((last === 'mbid' || last === 'recording' || name === 'release_group') && !isMbid(value))
    fail(`"${value}" is not a MusicBrainz ID`);
  if (last === 'length' && !/^\d+$/.test(value))
    fail(`"${value}" is not a length in whole milliseconds`);
  if ((last === 'name' && !name.endsWith('artist.name')) || last === 'number') {
    if (value.trim() === '') fail('must not be empty');
  }
  if (name === 'redirect_uri' && !httpUrl(value)) fail(`"${value}" is not an http(s) URL`);
  if (name === 'make_votable' && value !== '1')
    fail('send make_votable only to turn it on, as "1"');
  if (
    name === 'edit_note' &&
    (/^[\p{P}\p{S}\s]*$/u.test(value) || /^[\x21-\x7e]$/.test(value.trim()))
  ) {
    fail(
      'an edit note must say something: MusicBrainz rejects notes of punctuation or one character',
    );
  }
}

function checkUrls(fields: readonly (readonly [string, string])[], problems: SeedProblem[]): void {
  const urls = new Map<string, { url?: string; type?: string }>();
  for (const [name, value] of fields) {
    const match = /^urls\.(\d+)\.(url|link_type)$/.exec(name);
    if (!match) continue;
    const entry = urls.get(match[1]!) ?? {};
    if (match[2] === 'url') entry.url = value;
    else entry.type = value;
    urls.set(match[1]!, entry);
  }
  for (const [index, { url, type }] of urls) {
    const field = `urls.${index}`;
    if (!url) problems.push({ field: `${field}.url`, message: 'a link type without a URL' });
    else if (!httpUrl(url))
      problems.push({ field: `${field}.url`, message: `"${url}" is not an http(s) URL` });
    if (type === undefined) continue;
    if (!RELEASE_LINK_TYPES.includes(Number(type))) {
      problems.push({
        field: `${field}.link_type`,
        message: `${type} is not a release URL relationship type`,
      });
      continue;
    }
    const store = url ? tryRecognizeUrl(url)?.entity.store : undefined;
    if (!store) continue;
    const allowed: readonly number[] = allowedReleaseLinkTypes(store, url);
    if (!allowed.includes(Number(type))) {
      const host = new URL(url!).hostname;
      problems.push({
        field: `${field}.link_type`,
        message: `MusicBrainz does not allow link type ${type} for ${store} URLs${host in HOST_RELEASE_LINK_TYPES ? ` on ${host}` : ''}`,
      });
    }
  }
}

/** Fields that say how to submit an edit, not what to change. */
const SUBMISSION_FIELDS = new Set(['edit_note', 'redirect_uri', 'make_votable']);

export const NOTHING_TO_ADD = 'nothing to add: MusicBrainz already has all of this';

/** An edit seed that would change nothing: MusicBrainz already has all the stores give. */
export function seedAddsNothing(seed: Seed): boolean {
  return seed.action === 'edit' && seed.fields.every(([name]) => SUBMISSION_FIELDS.has(name));
}

export interface SeedTarget {
  /** The MusicBrainz site the seed must go to (its origin is compared). */
  editorUrl?: string;
  /** The release an edit seed must be for. */
  existing?: string;
  /**
   * The Liner server the seed came from: a `redirect_uri` must lead back to its origin, or
   * MusicBrainz would hand the new release's MBID to whatever page a hostile server names.
   */
  serverUrl?: string;
}

function checkRedirect(seed: Seed, target: SeedTarget, problems: SeedProblem[]): void {
  const redirect = seed.fields.find(([name]) => name === 'redirect_uri')?.[1];
  if (redirect === undefined || !target.serverUrl || !httpUrl(redirect)) return;
  if (!leadsBackTo(redirect, target.serverUrl))
    problems.push({
      field: 'redirect_uri',
      message: `MusicBrainz would send the editor to ${new URL(redirect).host}, not back to the Liner server`,
    });
}

/** The form's target: exactly the add or edit URL, on the expected site where one is given. */
function checkTarget(seed: Seed, target: SeedTarget, problems: SeedProblem[]): void {
  let url: URL;
  try {
    url = new URL(seed.url);
  } catch {
    problems.push({ field: '(action)', message: `"${seed.url}" is not a URL` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    problems.push({ field: '(action)', message: 'a seed is posted over http(s)' });
  // A MusicBrainz served under a path (a mirror at /mb) keeps its prefix.
  const base = target.editorUrl ? new URL(target.editorUrl) : undefined;
  if (base && url.origin !== base.origin)
    problems.push({
      field: '(action)',
      message: `the seed goes to ${url.origin}, not the chosen MusicBrainz site ${base.origin}`,
    });
  const prefix = base ? base.pathname.replace(/\/$/, '') : '';
  const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : '';
  if (seed.action === 'add') {
    if (path !== '/release/add' || url.search !== '?skip_confirmation=1')
      problems.push({
        field: '(action)',
        message: 'a new release is posted to /release/add?skip_confirmation=1',
      });
    return;
  }
  const edit = /^\/release\/([^/]+)\/edit$/.exec(path);
  if (!edit || !isMbid(edit[1]!) || url.search !== '')
    problems.push({
      field: '(action)',
      message: 'an existing release is posted to /release/<mbid>/edit',
    });
  else if (target.existing && edit[1] !== target.existing.toLowerCase())
    problems.push({
      field: '(action)',
      message: `the seed edits release ${edit[1]}, not ${target.existing}`,
    });
}

export function validateSeed(seed: Seed, target: SeedTarget = {}): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const names = seed.fields.map(([name]) => name);
  const seen = new Set<string>();
  for (const [name, value] of seed.fields) {
    const top = name.split('.')[0]!;
    if (
      !(TOP_LEVEL_FIELDS as readonly string[]).includes(top) ||
      !FIELD_PATTERNS.some((p) => p.test(name))
    ) {
      problems.push({ field: name, message: 'Unknown field: MusicBrainz does not accept it' });
      continue;
    }
    if (seen.has(name) && !REPEATABLE.has(name))
      problems.push({ field: name, message: 'given more than once' });
    seen.add(name);
    checkValue(name, value, problems);
  }
  const primaries = seed.fields.filter(
    ([n, v]) => n === 'type' && PRIMARY_TYPES.has(v.toLowerCase()),
  );
  if (primaries.length > 1) problems.push({ field: 'type', message: 'more than one primary type' });
  checkIndexes(names, problems);
  checkUrls(seed.fields, problems);
  if (!seen.has('edit_note'))
    problems.push({
      field: 'edit_note',
      message:
        seed.action === 'add'
          ? 'a new release needs an edit note'
          : 'an edit of an existing release needs an edit note',
    });
  if (seedAddsNothing(seed)) problems.push({ field: '(fields)', message: NOTHING_TO_ADD });
  checkTarget(seed, target, problems);
  checkRedirect(seed, target, problems);
  return problems;
}
