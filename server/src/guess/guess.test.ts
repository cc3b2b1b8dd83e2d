/** The guessing rules on hand-written titles and releases (every input here is hand-written). */
import { releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fillTrackGaps } from '../providers/common/placeholders.ts';
import { completeRelease } from './index.ts';
import { reviewLabels } from './labels.ts';
import { guessLanguage, LANGUAGE_SCORE, loadLanguageDetector } from './language.ts';
import { detectScript } from './script.ts';
import { guessTypes } from './types.ts';

const MIN = 60_000;

function release(extra: Record<string, unknown>, titles: string[] = [], lengthMs = 3 * MIN) {
  return releaseSchema.parse({
    title: 'Hand-written',
    artists: [{ name: 'Someone' }],
    media: [{ tracks: titles.map((title, i) => ({ number: String(i + 1), title, lengthMs })) }],
    ...extra,
  });
}

describe('script (hand-written titles)', () => {
  it('gives the ISO 15924 code MusicBrainz uses', () => {
    expect(detectScript(['Love of My Life', 'Sweet Lady'])?.code).toBe('Latn');
    expect(detectScript(['Группа крови', 'Война'])?.code).toBe('Cyrl');
    expect(detectScript(['Καλημέρα'])?.code).toBe('Grek');
    expect(detectScript(['밤편지', '팔레트'])?.code).toBe('Kore');
    expect(detectScript(['我们的爱', '这是时间'])?.code).toBe('Hans');
    expect(detectScript(['我們的愛', '這是時間'])?.code).toBe('Hant');
  });

  it('calls kana with kanji Jpan, also among Latin titles', () => {
    expect(detectScript(['海のまにまに', '勇者'])?.code).toBe('Jpan');
    expect(detectScript(['STRAY SHEEP', 'Lemon', 'PLACEBO', '感電', 'パプリカ'])?.code).toBe(
      'Jpan',
    );
  });

  it('gives none for digits and punctuation only, or for an even mix', () => {
    expect(detectScript(['1', '2', '3', '...', '!?'])).toBeUndefined();
    expect(detectScript(['Hello there', 'Привет тебе'])).toBeUndefined();
  });
});

describe('language (hand-written titles)', async () => {
  const detect = await loadLanguageDetector();

  it('guesses above the threshold and names its score', () => {
    const guess = guessLanguage(['Mein Herz brennt', 'Feuer frei!', 'Spieluhr'], 'Latn', detect);
    expect(guess.code).toBe('deu');
    expect(guess.best!.score).toBeGreaterThanOrEqual(LANGUAGE_SCORE);
  });

  it('refuses short text, low scores and a language the script contradicts', () => {
    expect(guessLanguage(['Immersion I'], 'Latn', detect).code).toBeUndefined();
    const mixed = ['Bour Yalla', 'Fiti Fata', 'Rendez-Vous', 'Missing You', 'Mbife'];
    expect(guessLanguage(mixed, 'Latn', detect)).toMatchObject({ refused: /below/ });
    const contradicted = guessLanguage(['Группа крови', 'Закрой за мной дверь'], 'Latn', () => ({
      language: 'ru',
      score: 0.9,
    }));
    expect(contradicted).toMatchObject({ refused: 'rus is not written in Latn' });
  });

  it('never gives mul: a release of two languages gets none', () => {
    const titles = ['Mein Herz brennt', 'Feuer frei!', 'Ta fête', 'Tous les mêmes'];
    expect(guessLanguage(titles, 'Latn', detect).code).not.toBe('mul');
  });
});

describe('release types (hand-written releases)', () => {
  const types = (r: ReturnType<typeof release>) => guessTypes(r).map((g) => g.type);

  it('follows track count and length, and a title that says EP', () => {
    expect(types(release({}, ['A', 'B']))).toEqual(['Single']);
    expect(types(release({}, ['A', 'B', 'C', 'D']))).toEqual(['EP']);
    expect(types(release({}, ['A'], 12 * MIN))).toEqual(['EP']);
    expect(types(release({}, ['A', 'B', 'C'], 11 * MIN))).toEqual(['Album']);
    expect(types(release({}, Array(7).fill('T')))).toEqual(['Album']);
    expect(types(release({ title: 'Night Drive EP' }, ['A', 'B']))).toEqual(['EP']);
  });

  it('never replaces a stated primary type', () => {
    expect(types(release({ types: ['Album'] }, ['A', 'B']))).toEqual([]);
  });

  it('adds secondary types from the wording and the credit', () => {
    expect(types(release({ title: 'Dune (Original Motion Picture Soundtrack)' }, ['A']))).toEqual([
      'Single',
      'Soundtrack',
    ]);
    expect(types(release({ title: 'Night Shift (Remixes)' }, ['A', 'B', 'C', 'D']))).toEqual([
      'EP',
      'Remix',
    ]);
    const va = release({ artists: [{ name: 'Various Artists' }] }, Array(8).fill('T'));
    expect(types(va)).toEqual(['Album', 'Compilation']);
    const live = release({}, ['One - Live', 'Two (Live at Wembley)', 'Three - Live'], 5 * MIN);
    expect(types(live)).toContain('Live');
    expect(types(release({ title: 'Mixed Up (DJ Mix)' }, Array(12).fill('T')))).toContain('DJ-mix');
  });
});

describe('labels and placeholders (hand-written)', () => {
  it('seeds [no label] for a distributor placeholder and flags a label named after the artist', () => {
    const r = release({
      artists: [{ name: 'Ada Lane' }],
      labels: [{ name: '1234567 Records DK', catalogNumber: 'X1' }, { name: 'Ada Lane' }],
    });
    const { labels, messages } = reviewLabels(r);
    expect(labels[0]).toMatchObject({ name: '[no label]', catalogNumber: 'X1' });
    expect(reviewLabels(release({ labels: [{ name: 'DistroKid' }] })).labels[0]!.name).toBe(
      '[no label]',
    );
    expect(messages.map((m) => m.level)).toEqual(['info', 'warning']);
    expect(messages[1]!.text).toContain('"Ada Lane" only repeats the artist\'s name');
  });

  it('fills skipped numbers and a declared count with [unknown]', () => {
    const medium = { tracks: ['1', '3'].map((number) => ({ number, title: number })) };
    const { medium: filled, filled: at } = fillTrackGaps(medium, 4);
    expect(filled.tracks.map((t) => t.title)).toEqual(['1', '[unknown]', '3', '[unknown]']);
    expect(at).toEqual([2, 4]);
    const sides = { tracks: [{ number: 'A1', title: 'x' }] };
    expect(fillTrackGaps(sides, 3).filled).toEqual([]);
  });
});

describe('completeRelease (hand-written)', async () => {
  const detect = await loadLanguageDetector();

  it("keeps a provider's stated language, script and types, and labels every guess", () => {
    const stated = release({ language: 'fra', script: 'Latn', types: ['Album'] }, [
      'Love of My Life',
      'Good Company',
    ]);
    const kept = completeRelease(stated, detect);
    expect([kept.release.language, kept.release.script]).toEqual(['fra', 'Latn']);
    expect(kept.sources).toEqual({});

    const guessed = completeRelease(release({}, ['Love of My Life', 'Good Company']), detect);
    expect(guessed.release).toMatchObject({ language: 'eng', script: 'Latn', types: ['Single'] });
    expect(guessed.sources).toMatchObject({
      language: { guess: true, reason: expect.stringContaining('eld scores eng') },
      script: { guess: true },
      types: { guess: true, reason: expect.stringContaining('under 10 min') },
      'types.0': { guess: true },
    });
    expect(guessed.messages.map((m) => m.text.split(':')[0])).toEqual([
      'Script guessed',
      'Language guessed',
      'Release types guessed',
    ]);
  });
});
