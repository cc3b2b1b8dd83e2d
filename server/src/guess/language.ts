/**
 * The language of a release's titles, guessed with eld (Efficient Language Detector): the best
 * of franc, franc-min, lande and eld on short titles here (bench/language-detectors.ts, figures
 * in docs/architecture.md). Only a guess scoring LANGUAGE_SCORE or more over enough letters is
 * kept, never `mul`, and never one whose language is not written in the titles' script.
 */

/** What a detector says about a text: its best language (ISO 639-1) and that language's score. */
export interface LanguageScore {
  language: string;
  score: number;
}

export type LanguageDetector = (text: string) => LanguageScore | undefined;

/**
 * eld's score for its best language (0..1). Measured with bench/language-detectors.ts: every
 * release detected right scored 0.695 or more ("Die With A Smile" the lowest), every mixed or
 * unclear one 0.676 or less (German and Swedish titles; Wolof, French and English titles).
 */
export const LANGUAGE_SCORE = 0.69;
/** Fewer letters than this say too little: "Immersion I" scores 0.79 for English. */
export const MIN_LANGUAGE_LETTERS = 12;

/** eld's ISO 639-1 codes -> the ISO 639-3 codes MusicBrainz's language list uses. */
const ISO_639_3: Readonly<Record<string, string>> = {
  am: 'amh',
  ar: 'ara',
  az: 'aze',
  be: 'bel',
  bg: 'bul',
  bn: 'ben',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  gu: 'guj',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'hye',
  is: 'isl',
  it: 'ita',
  ja: 'jpn',
  ka: 'kat',
  kn: 'kan',
  ko: 'kor',
  ku: 'kur',
  lo: 'lao',
  lt: 'lit',
  lv: 'lav',
  ml: 'mal',
  mr: 'mar',
  ms: 'msa',
  nl: 'nld',
  no: 'nor',
  or: 'ori',
  pa: 'pan',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  sq: 'sqi',
  sr: 'srp',
  sv: 'swe',
  ta: 'tam',
  te: 'tel',
  th: 'tha',
  tl: 'tgl',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  vi: 'vie',
  yo: 'yor',
  zh: 'zho',
};

/** Scripts a language can be written in; a guess outside them contradicts the titles. */
const SCRIPTS_OF: Readonly<Record<string, readonly string[]>> = {
  jpn: ['Jpan'],
  kor: ['Kore'],
  zho: ['Hans', 'Hant', 'Hani'],
  rus: ['Cyrl'],
  ukr: ['Cyrl'],
  bel: ['Cyrl'],
  bul: ['Cyrl'],
  srp: ['Cyrl', 'Latn'],
  ell: ['Grek'],
  heb: ['Hebr'],
  ara: ['Arab'],
  fas: ['Arab'],
  urd: ['Arab'],
  tha: ['Thai'],
  hin: ['Deva'],
  mar: ['Deva'],
  ben: ['Beng'],
  tam: ['Taml'],
  kat: ['Geor'],
  hye: ['Armn'],
  amh: ['Ethi'],
  lao: ['Laoo'],
};

export interface LanguageGuess {
  code?: string;
  /** The detector's best language and score, also when below the threshold. */
  best?: { code: string; score: number };
  /** Why there is no guess, when there is none. */
  refused?: string;
}

export function guessLanguage(
  titles: readonly string[],
  script: string | undefined,
  detect: LanguageDetector,
): LanguageGuess {
  const text = [...new Set(titles)].join('\n');
  const letters = [...text].filter((c) => /\p{L}/u.test(c)).length;
  if (letters < MIN_LANGUAGE_LETTERS) return { refused: `the titles have only ${letters} letters` };
  const found = detect(text);
  const code = found && ISO_639_3[found.language];
  if (!found || !code) return { refused: 'no language was recognized' };
  const best = { code, score: found.score };
  if (found.score < LANGUAGE_SCORE)
    return { best, refused: `${code} scored ${found.score.toFixed(2)}, below ${LANGUAGE_SCORE}` };
  const scripts = SCRIPTS_OF[code] ?? ['Latn'];
  if (script && !scripts.includes(script))
    return { best, refused: `${code} is not written in ${script}` };
  return { code, best };
}

let loaded: Promise<LanguageDetector> | undefined;

/**
 * eld's medium database (about 50 MB of heap, 0.3 s to load), loaded once on first use so a
 * server that never merges a release does not pay for it.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loaded ??= import('eld/medium').then(({ eld }) => (text: string) => {
    const result = eld.detect(text);
    if (!result.language) return undefined;
    const score = result.getScores()[result.language];
    return score === undefined ? undefined : { language: result.language, score };
  });
  return loaded;
}
