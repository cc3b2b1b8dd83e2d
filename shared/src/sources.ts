/**
 * Where a value came from, as people read it. Apart from lookup.ts (whose schemas are zod) so
 * that the store pages' content script can show sources without carrying zod.
 */
import type { GuessSource, ValueSource } from './lookup.ts';

export function isGuess(source: ValueSource | undefined): source is GuessSource {
  return typeof source === 'object';
}

/** A source as people read it: the provider's name, or "guessed: <reason>". */
export function describeSource(
  source: ValueSource,
  providerName: (name: string) => string = (name) => name,
): string {
  return isGuess(source) ? `guessed: ${source.reason}` : providerName(source);
}

/** The release types as people read them, each with its source where the types came from several. */
export function describeTypes(
  types: readonly string[],
  sources: Readonly<Record<string, ValueSource>>,
  providerName?: (name: string) => string,
): string {
  const guessed = types.some((_, i) => isGuess(sources[`types.${i}`]));
  if (!guessed) return types.join(', ');
  return types
    .map((type, i) => {
      const source = sources[`types.${i}`] ?? sources.types;
      return source ? `${type} (${describeSource(source, providerName)})` : type;
    })
    .join(', ');
}
