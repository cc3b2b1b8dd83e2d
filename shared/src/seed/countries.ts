/**
 * The country codes MusicBrainz's release editor takes for events.N.country: every officially
 * assigned ISO 3166-1 alpha-2 code, and the codes of MusicBrainz's own areas that ISO does not
 * assign (now): worldwide, Europe, Kosovo and the countries that no longer exist (the iso_3166_1
 * table behind musicbrainz-server's po/countries.pot). An unknown code is an error above the
 * editor, and the event loses its country.
 */

/** ISO 3166-1 alpha-2, the 249 officially assigned codes, a line per first letter. */
export const ISO_COUNTRY_CODES: readonly string[] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
  BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
  DE DJ DK DM DO DZ
  EC EE EG EH ER ES ET
  FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
  HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT
  JE JM JO JP
  KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
  NA NC NE NF NG NI NL NO NP NR NU NZ
  OM
  PA PE PF PG PH PK PL PM PN PR PS PT PW PY
  QA
  RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
  TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
  UA UG UM US UY UZ
  VA VC VE VG VI VN VU
  WF WS
  YE YT
  ZA ZM ZW
`
  .trim()
  .split(/\s+/);

/** Codes of MusicBrainz areas that ISO 3166-1 does not assign, or no longer assigns. */
export const MUSICBRAINZ_AREA_CODES = {
  worldwide: 'XW',
  europe: 'XE',
  /** Kosovo, as MusicBrainz and the stores (Spotify's markets) write it. */
  kosovo: 'XK',
  // Countries that no longer exist, which Discogs names for older releases.
  sovietUnion: 'SU',
  czechoslovakia: 'XC',
  eastGermany: 'XG',
  yugoslavia: 'YU',
  serbiaAndMontenegro: 'CS',
  netherlandsAntilles: 'AN',
} as const;

const KNOWN = new Set<string>([...ISO_COUNTRY_CODES, ...Object.values(MUSICBRAINZ_AREA_CODES)]);

/** Whether MusicBrainz takes this code as a release event's country. */
export function isReleaseCountry(code: string): boolean {
  return KNOWN.has(code);
}
