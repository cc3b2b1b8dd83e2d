/**
 * Stores put featured artists in titles ("Song (feat. X & Y)"); MusicBrainz keeps them in the
 * artist credit with a " feat. " join phrase. These helpers move them from title to credit,
 * matching names against the artists the store lists so a band name with "&" is not split.
 */
import type { ArtistCredit } from '@liner/shared';
import { buildCredits, type CreditedArtist, creditString } from './credits.ts';

/** Global, for matchAll (which works on a copy, so the shared pattern keeps no state). */
const FEAT =
  /\s*[([]\s*(feat\.?|featuring|ft\.?|with)\s+([^)\]]+)[)\]]|\s+(?:feat\.|featuring|ft\.)\s+(.+)$/gi;

export interface TitleFeaturing {
  title: string;
  /** The featured part as written ("X & Y"). */
  featured?: string;
  /**
   * "(with X)" is a credit only when X is an artist the store lists: "Stay (With Me)" and
   * "(with Strings)" are parts of titles.
   */
  weak?: boolean;
}

export function splitFeaturing(title: string): TitleFeaturing {
  const all = splitAll(title);
  return all.find((found) => !found.weak) ?? all[0] ?? { title };
}

type FeaturingPart = TitleFeaturing & { featured: string };

/** Every featuring part of a title, in order ("Stay (With Me) feat. Guest" has two). */
function splitAll(title: string): FeaturingPart[] {
  const found: FeaturingPart[] = [];
  for (const match of title.matchAll(FEAT)) {
    if (match.index === 0) continue;
    const featured = (match[2] ?? match[3] ?? '').trim();
    if (!featured) continue;
    const rest = (title.slice(0, match.index) + title.slice(match.index + match[0].length)).trim();
    found.push({
      title: rest,
      featured,
      ...(match[1]?.toLowerCase() === 'with' ? { weak: true } : {}),
    });
  }
  return found;
}

const normalize = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** "X, Y & Z" -> ["X", "Y", "Z"], unless the whole string is one of the known names. */
export function featuredNames(featured: string, known: readonly string[]): string[] {
  const knownSet = new Set(known.map(normalize));
  if (knownSet.has(normalize(featured))) return [featured.trim()];
  return featured
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * Marks the artists a title features as featured (adding those the store did not list) and
 * returns the title without the featuring part. Titles whose featured names match nobody and
 * that the store did not list are still moved: MusicBrainz style keeps titles clean.
 */
export function applyTitleFeaturing(
  title: string,
  artists: readonly CreditedArtist[],
): { title: string; artists: CreditedArtist[] } {
  const listed = new Set(artists.map((a) => normalize(a.name)));
  // The first part that really credits someone: "feat." always, "(with X)" only for listed X.
  const part = splitAll(title).find(
    (found) =>
      !found.weak ||
      featuredNames(found.featured, [...listed]).every((name) => listed.has(normalize(name))),
  );
  if (!part) return { title, artists: [...artists] };
  const { title: clean, featured } = part;
  const names = featuredNames(
    featured,
    artists.map((a) => a.name),
  );
  const wanted = new Set(names.map(normalize));
  const result = artists.map((artist) =>
    wanted.has(normalize(artist.name)) ? { ...artist, role: 'featured' as const } : artist,
  );
  // Never make everyone featured: the first credited artist stays the main one.
  if (result.length > 0 && result.every((a) => a.role === 'featured'))
    result[0] = { ...result[0]!, role: 'main' };
  const present = new Set(result.map((a) => normalize(a.name)));
  for (const name of names)
    if (!present.has(normalize(name))) result.push({ name, role: 'featured' });
  return { title: clean, artists: result };
}

/**
 * A track's title and credit as stores list them: "(feat. X)" moved from the title into the
 * credit, and the credit kept only where it differs from the release's (`releaseCredit`, its
 * creditString), as MusicBrainz seeds track artists.
 */
export function trackCredit(
  title: string,
  artists: readonly CreditedArtist[],
  releaseCredit: string,
): { title: string; artists?: ArtistCredit[] } {
  const featuring = applyTitleFeaturing(title, artists);
  const credit = buildCredits(featuring.artists);
  return credit.length > 0 && creditString(credit) !== releaseCredit
    ? { title: featuring.title, artists: credit }
    : { title: featuring.title };
}
