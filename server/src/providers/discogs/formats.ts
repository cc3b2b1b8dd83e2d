/**
 * Discogs formats ("2 x Vinyl, LP, Album") -> MusicBrainz medium formats, release types, status
 * and packaging. A Discogs format line counts physical items (qty); the box around them is a
 * format too but holds no tracks, so it becomes packaging instead of a medium.
 */
import type { ReleaseInput, ReleaseType } from '@liner/shared';
import type { DiscogsFormat } from './api.ts';

/** Which kind of tracklist positions a format's items use. */
export type FormatFamily = 'cd' | 'dvd' | 'bluray' | 'sides' | 'other';

/** One physical item: a disc, a record, a tape or a file set. */
export interface MediumUnit {
  family: FormatFamily;
  /** MusicBrainz format name, when there is one for it. */
  format?: string;
  video: boolean;
}

/** Formats that hold other items rather than tracks. */
const CONTAINERS = new Set(['box set', 'all media']);
/** A format line never stands for more items than this; more is a data error. */
const MAX_QTY = 200;

const SIDED = new Set(['vinyl', 'shellac', 'flexi-disc', 'lathe cut', 'acetate', 'cassette']);
const VIDEO_FORMATS = new Set(['DVD-Video', 'VHS', 'LaserDisc', 'Betamax', 'UMD']);

const SIMPLE_NAMES: Readonly<Record<string, string>> = {
  cdr: 'CD-R',
  cdv: 'CDV',
  dvdr: 'DVD',
  'blu-ray': 'Blu-ray',
  'blu-ray-r': 'Blu-ray-R',
  cassette: 'Cassette',
  microcassette: 'Microcassette',
  file: 'Digital Media',
  minidisc: 'MiniDisc',
  shellac: 'Shellac',
  'flexi-disc': 'Flexi-disc',
  'lathe cut': 'Vinyl',
  '8-track cartridge': '8-Track Cartridge',
  'reel-to-reel': 'Reel-to-reel',
  dat: 'DAT',
  dcc: 'DCC',
  laserdisc: 'LaserDisc',
  vhs: 'VHS',
  betamax: 'Betamax',
  umd: 'UMD',
  'floppy disk': 'Floppy Disk',
  'memory stick': 'USB Flash Drive',
};

const CD_VARIANTS: readonly [string, string][] = [
  ['HDCD', 'HDCD'],
  ['CD+G', 'CD+G'],
  ['SHM-CD', 'SHM-CD'],
  ['Blu-spec CD', 'Blu-spec CD'],
  ['Enhanced', 'Enhanced CD'],
  ['Copy Protected', 'Copy Control CD'],
];

function musicBrainzFormat(name: string, descriptions: readonly string[]): string | undefined {
  const key = name.toLowerCase();
  const has = (d: string) => descriptions.some((x) => x.toLowerCase() === d.toLowerCase());
  if (key === 'vinyl') {
    const size = ['7"', '10"', '12"'].find(has);
    // An LP is a 12" record unless Discogs names another size.
    return size ? `${size} Vinyl` : has('LP') ? '12" Vinyl' : 'Vinyl';
  }
  if (key === 'cd') {
    if (has('Mini')) return '8cm CD';
    return CD_VARIANTS.find(([d]) => has(d))?.[1] ?? 'CD';
  }
  if (key === 'sacd') return has('Hybrid') ? 'Hybrid SACD' : 'SACD';
  if (key === 'dvd') return has('DVD-Audio') ? 'DVD-Audio' : has('DVD-Video') ? 'DVD-Video' : 'DVD';
  return SIMPLE_NAMES[key];
}

function family(name: string): FormatFamily {
  const key = name.toLowerCase();
  if (SIDED.has(key)) return 'sides';
  if (key.startsWith('cd') || key === 'sacd') return 'cd';
  if (key.startsWith('dvd')) return 'dvd';
  if (key.startsWith('blu-ray')) return 'bluray';
  return 'other';
}

/** Every physical item the formats list, in the listed order. */
export function mediumUnits(formats: readonly DiscogsFormat[]): MediumUnit[] {
  const units: MediumUnit[] = [];
  for (const item of formats) {
    if (CONTAINERS.has(item.name.toLowerCase())) continue;
    const qty = Number.parseInt(item.qty ?? '1', 10);
    const count = Number.isFinite(qty) && qty > 0 ? Math.min(qty, MAX_QTY) : 1;
    const format = musicBrainzFormat(item.name, item.descriptions ?? []);
    const unit: MediumUnit = {
      family: family(item.name),
      video: format !== undefined && VIDEO_FORMATS.has(format),
      ...(format ? { format } : {}),
    };
    for (let i = 0; i < count; i++) units.push({ ...unit });
  }
  return units;
}

const PRIMARY: readonly [string, ReleaseType][] = [
  ['Album', 'Album'],
  ['EP', 'EP'],
  ['Single', 'Single'],
  ['Maxi-Single', 'Single'],
];
const SECONDARY: readonly [string, ReleaseType][] = [
  ['Compilation', 'Compilation'],
  ['Mixtape', 'Mixtape/Street'],
];

/** Styles that are MusicBrainz secondary types; other genres and styles are not types. */
const STYLE_TYPES: readonly [string, ReleaseType][] = [
  ['Audiobook', 'Audiobook'],
  ['Spoken Word', 'Spokenword'],
  ['Interview', 'Interview'],
  ['Soundtrack', 'Soundtrack'],
  ['Score', 'Soundtrack'],
];

/**
 * Release types from the format descriptions and the styles that name one. A box of an album
 * and its singles has several primary types; the broadest one describes the whole.
 */
export function releaseTypes(
  formats: readonly DiscogsFormat[],
  styles: readonly string[] = [],
): ReleaseType[] {
  const descriptions = new Set(formats.flatMap((f) => f.descriptions ?? []));
  const primary = PRIMARY.find(([d]) => descriptions.has(d))?.[1];
  const secondary = [
    ...SECONDARY.filter(([d]) => descriptions.has(d)),
    ...STYLE_TYPES.filter(([s]) => styles.includes(s)),
  ].map(([, t]) => t);
  return [...(primary ? [primary] : []), ...new Set(secondary)];
}

export function releaseStatus(formats: readonly DiscogsFormat[]): ReleaseInput['status'] {
  const descriptions = new Set(formats.flatMap((f) => f.descriptions ?? []));
  if (descriptions.has('Unofficial Release')) return 'Bootleg';
  if (descriptions.has('Promo')) return 'Promotion';
  return 'Official';
}

/**
 * MusicBrainz packaging names by the words Discogs' format descriptions and free text use for
 * them ("Gatefold, 180 Gram", "Digipak", "Cardboard Sleeve"). More specific wordings first.
 */
const PACKAGING_WORDS: readonly [RegExp, string][] = [
  [/\bsuper jewel\b/i, 'Super Jewel Box'],
  [/\bslim ?(?:line )?jewel\b/i, 'Slim Jewel Case'],
  [/\bjewel ?(?:case|box)\b/i, 'Jewel Case'],
  [/\bdigi-?pac?k\b/i, 'Digipak'],
  [/\bdigibook\b/i, 'Digibook'],
  [/\bgatefold\b/i, 'Gatefold Cover'],
  [
    /\b(?:cardboard|card|paper) ?sleeve\b|\bcard ?sleeve\b|\bcardsleeve\b/i,
    'Cardboard/Paper Sleeve',
  ],
  [/\bplastic sleeve\b/i, 'Plastic Sleeve'],
  [/\b(?:keep ?case|amaray)\b/i, 'Keep Case'],
  [/\bsnap ?pack\b/i, 'SnapPack'],
  [/\bsnap ?case\b/i, 'Snap Case'],
  [/\bfat ?box\b/i, 'Fatbox'],
  [/\bslide ?pack\b/i, 'Slidepack'],
  [/\bdiscbox slider\b/i, 'Discbox Slider'],
  [/\bclamshell\b/i, 'Clamshell Case'],
  [/\blongbox\b/i, 'Longbox'],
  [/\b(?:metal )?tin\b/i, 'Metal Tin'],
];

/**
 * The packaging the formats state: a box set is a Box; otherwise the packaging every format line
 * that names one agrees on (a sleeve on one line and a jewel case on another say nothing whole).
 */
export function releasePackaging(formats: readonly DiscogsFormat[]): string | undefined {
  if (formats.some((f) => f.name.toLowerCase() === 'box set')) return 'Box';
  const named = new Set<string>();
  for (const format of formats) {
    const words = [...(format.descriptions ?? []), format.text ?? ''].join(', ');
    const found = PACKAGING_WORDS.find(([pattern]) => pattern.test(words))?.[1];
    if (found) named.add(found);
  }
  return named.size === 1 ? [...named][0] : undefined;
}
