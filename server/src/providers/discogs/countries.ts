/**
 * Discogs names a release's country in English ("UK", "Germany", "Europe", "USA & Canada").
 * MusicBrainz wants ISO 3166-1 codes plus its own few: XE Europe, XW worldwide, and codes for
 * countries that no longer exist. Ordinary names are read through the runtime's region names;
 * the table holds Discogs' spellings that differ from those and the groups it uses.
 */

const DISCOGS_NAMES: Readonly<Record<string, readonly string[]>> = {
  uk: ['GB'],
  us: ['US'],
  usa: ['US'],
  europe: ['XE'],
  worldwide: ['XW'],
  benelux: ['BE', 'NL', 'LU'],
  scandinavia: ['DK', 'NO', 'SE'],
  czechoslovakia: ['XC'],
  'czech republic': ['CZ'],
  ussr: ['SU'],
  'german democratic republic (gdr)': ['XG'],
  yugoslavia: ['YU'],
  'serbia & montenegro': ['CS'],
  'netherlands antilles': ['AN'],
  turkey: ['TR'],
  'ivory coast': ['CI'],
  'hong kong': ['HK'],
  macau: ['MO'],
  macedonia: ['MK'],
  burma: ['MM'],
  'east timor': ['TL'],
  swaziland: ['SZ'],
  zaire: ['CD'],
  palestine: ['PS'],
  'bahamas, the': ['BS'],
  'gambia, the': ['GM'],
  'congo, democratic republic of the': ['CD'],
  'congo, republic of the': ['CG'],
  'micronesia, federated states of': ['FM'],
  'moldova, republic of': ['MD'],
  'virgin islands': ['VI'],
};

/** Lower case, no accents, "and" as "&", "saint" as "st.": how both name lists are compared. */
function normalize(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\band\b/g, '&')
    .replace(/\bsaint\b/g, 'st.')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Codes the runtime names that are not countries (European Union, United Nations...). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let runtimeNames: Map<string, string> | undefined;

/** English region name -> code, from the runtime's ICU data, built on first use. */
function regionNames(): Map<string, string> {
  if (runtimeNames) return runtimeNames;
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const names = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      const name = display.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) names.set(normalize(name), code);
    }
  runtimeNames = names;
  return names;
}

function lookup(name: string): readonly string[] | undefined {
  const key = normalize(name);
  const known = DISCOGS_NAMES[key];
  if (known) return known;
  const code = regionNames().get(key);
  return code ? [code] : undefined;
}

/**
 * The country codes a Discogs country stands for; undefined for regions MusicBrainz has no code
 * for ("South America", "Unknown"), since a wrong country is worse than none.
 */
export function discogsCountries(country: string | null | undefined): string[] | undefined {
  if (!country?.trim()) return undefined;
  const whole = lookup(country);
  if (whole) return [...whole];
  const parts = country
    .split(/\s*(?:,|&)\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const codes = parts.map(lookup);
  if (codes.some((c) => c === undefined)) return undefined;
  return [...new Set(codes.flatMap((c) => c!))];
}
