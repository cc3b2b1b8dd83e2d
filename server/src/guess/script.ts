/**
 * The script of a release's titles, as ISO 15924 codes the way MusicBrainz uses them: Japanese
 * (kana with or without kanji) is Jpan, Korean (Hangul with or without hanja) is Kore, Chinese
 * is Hans or Hant where characters that exist in only one of the two forms decide it (else
 * Hani). Digits and punctuation (Zyyy) count for nothing: titles of only those give no script.
 */

/** Unicode scripts counted, with the ISO 15924 code each stands for on its own. */
const SCRIPTS = [
  ['Latin', 'Latn'],
  ['Cyrillic', 'Cyrl'],
  ['Greek', 'Grek'],
  ['Arabic', 'Arab'],
  ['Hebrew', 'Hebr'],
  ['Thai', 'Thai'],
  ['Devanagari', 'Deva'],
  ['Bengali', 'Beng'],
  ['Tamil', 'Taml'],
  ['Georgian', 'Geor'],
  ['Armenian', 'Armn'],
  ['Ethiopic', 'Ethi'],
  ['Khmer', 'Khmr'],
  ['Lao', 'Laoo'],
  ['Hangul', 'Hang'],
  ['Hiragana', 'Hira'],
  ['Katakana', 'Kana'],
  ['Han', 'Hani'],
] as const;

const PATTERNS = SCRIPTS.map(
  ([name, code]) => [code, new RegExp(`\\p{Script=${name}}`, 'u')] as const,
);

/**
 * One CJK character carries about as much of a title as two or three Latin letters; counted one
 * to one, "THE BOOK 3" and two English interludes would outweigh ten Japanese titles.
 */
const WEIGHT: Readonly<Record<string, number>> = { Hani: 3, Hira: 2, Kana: 2, Hang: 2 };

/** The main script must hold this share of the weighted letters; below it the mix is left open. */
export const SCRIPT_SHARE = 0.7;
/**
 * Japanese and Korean are written with Latin words among them ("Lemon", "PLACEBO" beside
 * "感電"): Jpan and Kore stand for that mix, so they need only this share.
 */
export const MIXED_SCRIPT_SHARE = 0.3;

/** Characters only Simplified Chinese writes (their Traditional forms differ), and vice versa. */
const SIMPLIFIED_ONLY = new Set(
  '们这说爱时会个为见风东车长乐书门马鸟龙电梦无听声开关对发过还进动边话语让记认识请问间问题经种样头实现业产买卖钱银铁锦红级结给绝统续线练组细终经绿'.split(
    '',
  ),
);
const TRADITIONAL_ONLY = new Set(
  '們這說愛時會個為見風東車長樂書門馬鳥龍電夢無聽聲開關對發過還進動邊話語讓記認識請問間題經種樣頭實現業產買賣錢銀鐵錦紅級結給絕統續線練組細終綠'.split(
    '',
  ),
);

export interface ScriptGuess {
  code: string;
  /** Share of the weighted letters in that script, 0..1. */
  share: number;
  /** Letters counted (Zyyy characters are not letters). */
  letters: number;
}

function hanVariant(text: string): 'Hans' | 'Hant' | 'Hani' {
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (SIMPLIFIED_ONLY.has(char)) simplified++;
    else if (TRADITIONAL_ONLY.has(char)) traditional++;
  }
  if (simplified > traditional) return 'Hans';
  if (traditional > simplified) return 'Hant';
  return 'Hani';
}

/** Weighted letter counts per Unicode script code. */
function countScripts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const code = PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zzzz';
    counts.set(code, (counts.get(code) ?? 0) + (WEIGHT[code] ?? 1));
  }
  return counts;
}

/** The main script of the titles, or undefined when none holds SCRIPT_SHARE of them. */
export function detectScript(titles: readonly string[]): ScriptGuess | undefined {
  const text = titles.join('\n');
  const counts = countScripts(text);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return undefined;
  const get = (...codes: string[]) => codes.reduce((sum, c) => sum + (counts.get(c) ?? 0), 0);
  const letters = [...text].filter((c) => /\p{L}/u.test(c)).length;
  // Kana make Han Japanese; Hangul makes it Korean; Han alone is Chinese.
  const combined = new Map<string, number>(counts);
  if (get('Hira', 'Kana') > 0) {
    combined.set('Jpan', get('Hira', 'Kana', 'Hani'));
    for (const code of ['Hira', 'Kana', 'Hani']) combined.delete(code);
  } else if (get('Hang') > 0) {
    combined.set('Kore', get('Hang', 'Hani'));
    for (const code of ['Hang', 'Hani']) combined.delete(code);
  }
  const east = ['Jpan', 'Kore'].find((c) => (combined.get(c) ?? 0) / total >= MIXED_SCRIPT_SHARE);
  const [code, weight] = east
    ? [east, combined.get(east)!]
    : [...combined].sort((a, b) => b[1] - a[1])[0]!;
  const share = weight / total;
  if (code === 'Zzzz' || (!east && share < SCRIPT_SHARE)) return undefined;
  return { code: code === 'Hani' ? hanVariant(text) : code, share, letters };
}
