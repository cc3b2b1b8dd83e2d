/**
 * Language detectors on short release titles: franc, franc-min, lande and eld (the one Liner
 * uses), on the hand-labelled set in lib/language-samples.ts. For each: releases right, wrong
 * and left without a language at its threshold (franc's scores are relative to its best answer,
 * so it has none: its best is taken; lande at Harmony's 0.8), the load time, the heap it takes
 * and the time per release.
 *
 *   npm run bench:languages
 */
import { performance } from 'node:perf_hooks';
import { LANGUAGE_SCORE, MIN_LANGUAGE_LETTERS } from '../server/src/guess/language.ts';
import { LANGUAGE_SAMPLES } from './lib/language-samples.ts';
import { machineLine } from './lib/machine.ts';

type Detect = (text: string) => { code: string; confidence: number } | undefined;

const ISO_639_1_TO_3: Record<string, string> = {
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  pt: 'por',
  it: 'ita',
  sv: 'swe',
  ru: 'rus',
  ja: 'jpn',
  ko: 'kor',
  nl: 'nld',
  pl: 'pol',
};

/** franc's scores are relative to its best answer (always 1): its margin is the confidence. */
async function francDetector(module: Promise<typeof import('franc')>): Promise<Detect> {
  const { francAll } = await module;
  return (text) => {
    const [best, next] = francAll(text, { minLength: 3 });
    return best && best[0] !== 'und'
      ? { code: best[0], confidence: 1 - (next?.[1] ?? 0) }
      : undefined;
  };
}

/** Each detector, loaded, with the confidence below which its answer is not taken. */
const DETECTORS: [string, number, () => Promise<Detect>][] = [
  ['franc (minLength 3)', 0, () => francDetector(import('franc'))],
  ['franc-min (minLength 3)', 0, () => francDetector(import('franc-min'))],
  [
    'lande',
    0.8,
    async () => {
      const lande = (await import('lande')).default;
      return (text) => {
        const [best] = lande(text);
        return best ? { code: best[0], confidence: best[1] } : undefined;
      };
    },
  ],
  [
    'eld (medium)',
    LANGUAGE_SCORE,
    async () => {
      const { eld } = await import('eld/medium');
      return (text) => {
        const result = eld.detect(text);
        const score = result.getScores()[result.language];
        const code = ISO_639_1_TO_3[result.language] ?? result.language;
        return result.language && score !== undefined ? { code, confidence: score } : undefined;
      };
    },
  ],
];

async function main() {
  console.log(`Language detectors on ${LANGUAGE_SAMPLES.length} releases (${machineLine()})`);
  console.log(
    '| detector | threshold | right | wrong | none given | load ms | heap MB | ms per release |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, threshold, load] of DETECTORS) {
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const detect = await load();
    const loadMs = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
    let right = 0;
    let wrong = 0;
    let none = 0;
    const t0 = performance.now();
    for (const [language, titles] of LANGUAGE_SAMPLES) {
      // Liner's own rules for every detector: distinct titles, and enough letters to judge.
      const text = [...new Set(titles)].join('\n');
      const letters = [...text].filter((c) => /\p{L}/u.test(c)).length;
      const found = letters >= MIN_LANGUAGE_LETTERS ? detect(text) : undefined;
      const code = found && found.confidence >= threshold ? found.code : null;
      if (code === language) right++;
      else if (code === null) none++;
      else wrong++;
    }
    const perRelease = (performance.now() - t0) / LANGUAGE_SAMPLES.length;
    console.log(
      `| ${name} | ${threshold} | ${right} | ${wrong} | ${none} | ${loadMs.toFixed(0)} | ${heapMb.toFixed(0)} | ${perRelease.toFixed(2)} |`,
    );
  }
  console.log('"right" counts a release that must get no language and got none.');
}

await main();
