/**
 * "Artist - Title" track titles. Bandcamp has one artist field per track, and many pages leave
 * it empty and write the artist into the title instead: compilations ("Artist A & Artist B -
 * Title"), split releases, and label accounts whose credit is the label's own name. Those
 * titles are split when the page says who the prefixes are; a title whose second part is a
 * version ("Song - Live", "Song - Foo Remix") is never split.
 */
import { simplifyName } from '@liner/shared';

const SEPARATOR = ' - ';
/** What follows " - " in a title that names a version of the song, not its artist. */
const VERSION =
  /\b(?:re-?mix(?:es|ed)?|mix|edit|version|live|demo|instrumental|acoustic|remaster(?:ed)?|mono|stereo|reprise|interlude|intro|outro|dub|vip|radio|extended|original|bonus)\b/i;

export interface TitleSplit {
  /** The credit before " - ", per track (undefined: the track keeps its title). */
  prefixes: string[];
  titles: string[];
  /** The release credit the split implies, when it changes it (a label's account). */
  releaseCredit?: string;
}

function cut(title: string): [string, string] | undefined {
  const at = title.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  const prefix = title.slice(0, at).trim();
  const rest = title.slice(at + SEPARATOR.length).trim();
  if (!prefix || !rest || VERSION.test(rest)) return undefined;
  return [prefix, rest];
}

/** The parts of a credit joined by " & " or ", ", when each part is an artist met alone. */
export function knownParts(credit: string, known: ReadonlySet<string>): string[] {
  const parts = credit.split(/\s*(?:,|&)\s*/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => known.has(simplifyName(p))) ? parts : [credit];
}

/**
 * How to read the titles of a page: `credit` is the release credit, `account` the account's
 * name, `various` whether the credit is Various Artists. Undefined when titles stay whole.
 */
export function splitArtistTitles(
  titles: readonly string[],
  credit: string,
  account: string,
  various: boolean,
): TitleSplit | undefined {
  const cuts = titles.map(cut);
  if (cuts.length === 0 || !cuts.every((c) => c !== undefined)) return undefined;
  const pairs = cuts as [string, string][];
  const prefixes = pairs.map(([p]) => p);
  const split = { prefixes, titles: pairs.map(([, t]) => t) };
  if (various) return split;
  // A split release: every prefix is one of the artists the release credit names.
  const creditKey = simplifyName(credit);
  if (prefixes.every((p) => creditKey.includes(simplifyName(p)))) return split;
  // A label's account credits releases to itself; one other name before every title is the
  // artist. Differing prefixes on such a page may as well be parts of titles: left whole.
  if (simplifyName(credit) !== simplifyName(account)) return undefined;
  const distinct = new Set(prefixes.map(simplifyName));
  if (distinct.size !== 1 || distinct.has(simplifyName(account))) return undefined;
  return { ...split, releaseCredit: prefixes[0]! };
}
