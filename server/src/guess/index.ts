/**
 * What Liner fills in that no provider stated, after the merge: the script and language of the
 * titles, release types, and the label lines MusicBrainz would not take. A provider's stated
 * value always wins (these only fill what is missing). Every guess gets a source
 * `{guess: true, reason}` and a message saying what it was guessed from, so the result, the
 * extension's panel and the CLI show it as a guess. Pure, given the language detector.
 */
import {
  type GuessSource,
  type LookupMessage,
  PRIMARY_TYPES,
  type Release,
  SECONDARY_TYPES,
  type ValueSource,
} from '@liner/shared';
import { isPlaceholderTrack } from '../providers/common/placeholders.ts';
import { reviewLabels } from './labels.ts';
import { guessLanguage, LANGUAGE_SCORE, type LanguageDetector } from './language.ts';
import { detectScript } from './script.ts';
import { guessTypes } from './types.ts';

export interface Completed {
  release: Release;
  /** Sources to add to the merge's (guessed values only). */
  sources: Record<string, ValueSource>;
  messages: LookupMessage[];
}

const guess = (reason: string): GuessSource => ({ guess: true, reason });

/** Titles that stand for no title ("Untitled", "Track 3"): they say nothing of a language. */
const NO_TITLE = /^\s*\[?(?:untitled|no title|track \d+)\]?\s*$/i;

/** The titles a reader of the tracklist sees: the release's, the media's and every track's. */
function titlesOf(release: Release): string[] {
  const tracks = release.media.flatMap((m) => m.tracks).filter((t) => !isPlaceholderTrack(t));
  const media = release.media.flatMap((m) => (m.title ? [m.title] : []));
  return [release.title, ...media, ...tracks.map((t) => t.title)].filter((t) => !NO_TITLE.test(t));
}

function fillScriptAndLanguage(release: Release, detect: LanguageDetector, out: Completed): void {
  const titles = titlesOf(release);
  const count = `${titles.length} title${titles.length === 1 ? '' : 's'}`;
  const script = release.script ? undefined : detectScript(titles);
  if (script) {
    const reason = `${Math.round(script.share * 100)}% of the letters of the ${count} are ${script.code}`;
    out.release.script = script.code;
    out.sources.script = guess(reason);
    out.messages.push({ level: 'info', text: `Script guessed: ${script.code} (${reason}).` });
  }
  if (release.language) return;
  const language = guessLanguage(titles, out.release.script, detect);
  if (language.code) {
    const reason = `eld scores ${language.code} ${language.best!.score.toFixed(2)} on the ${count} (${LANGUAGE_SCORE} needed)`;
    out.release.language = language.code;
    out.sources.language = guess(reason);
    out.messages.push({ level: 'info', text: `Language guessed: ${language.code} (${reason}).` });
  } else {
    out.messages.push({ level: 'info', text: `Language not guessed: ${language.refused}.` });
  }
}

/** MusicBrainz's order: the primary type, then the secondary types as its editor lists them. */
const TYPE_ORDER: readonly string[] = [...PRIMARY_TYPES, ...SECONDARY_TYPES];

function fillTypes(release: Release, out: Completed): void {
  const guesses = guessTypes(release);
  if (guesses.length === 0) return;
  const all = [
    ...release.types.map((type) => ({ type, reason: undefined as string | undefined })),
    ...guesses,
  ].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  out.release.types = all.map((t) => t.type);
  // Stated types keep the merge's `types` source; each guessed one has its own.
  for (const [i, { reason }] of all.entries())
    if (reason) out.sources[`types.${i}`] = guess(reason);
  if (release.types.length === 0) out.sources.types = guess(guesses[0]!.reason);
  const list = guesses.map((g) => `${g.type} (${g.reason})`).join(', ');
  out.messages.push({ level: 'info', text: `Release types guessed: ${list}.` });
}

const PLACEHOLDER_REASON =
  'a placeholder: the store counts a track at this position but does not list it';

function markPlaceholders(release: Release, out: Completed): void {
  for (const [m, medium] of release.media.entries())
    for (const [t, track] of medium.tracks.entries())
      if (isPlaceholderTrack(track))
        out.sources[`media.${m}.tracks.${t}`] = guess(PLACEHOLDER_REASON);
}

export function completeRelease(release: Release, detect: LanguageDetector): Completed {
  const out: Completed = { release: { ...release }, sources: {}, messages: [] };
  const labels = reviewLabels(release);
  out.release.labels = labels.labels;
  out.messages.push(...labels.messages);
  fillScriptAndLanguage(release, detect, out);
  fillTypes(release, out);
  markPlaceholders(release, out);
  return out;
}
