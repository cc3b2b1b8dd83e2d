/**
 * Release group types a store did not state, guessed from the titles, the credit and the
 * tracklist. The primary type follows the rule MusicBrainz's type guideline cites from the
 * digital stores: up to three tracks each under ten minutes is a Single, up to six tracks under
 * thirty minutes an EP, anything longer an Album; a title that says "EP" or "Single" wins.
 * Secondary types come from the wordings that name them. A stated primary type is never
 * replaced, and every guess says why.
 */
import { PRIMARY_TYPES, type Release, type ReleaseType, type Track } from '@liner/shared';
import { isVariousArtists, VARIOUS_ARTISTS_MBID } from '../providers/common/various.ts';

export interface TypeGuess {
  type: ReleaseType;
  reason: string;
}

const MINUTE = 60_000;
const SPOKEN = new Set<ReleaseType>(['Audiobook', 'Spokenword', 'Interview']);
const SINGLE_MAX_TRACKS = 3;
const SINGLE_TRACK_MAX_MS = 10 * MINUTE;
const EP_MAX_TRACKS = 6;
const EP_MAX_MS = 30 * MINUTE;

/** A word standing apart at the end of a title, or in brackets: "X - EP", "X (EP)", "X EP". */
const TITLE_PRIMARY: readonly [RegExp, ReleaseType][] = [
  [/(?:\s[-–]\s*|\s|[([])E\.?P\.?[)\]]?$|[([]E\.?P\.?[)\]]/i, 'EP'],
  [/(?:\s[-–]\s*|[([])single[)\]]?$/i, 'Single'],
];

/** Secondary types by wording of the release title (several languages for soundtracks). */
const TITLE_SECONDARY: readonly [RegExp, ReleaseType][] = [
  [
    /\b(?:original (?:motion picture |television |tv |video game |game |series )?(?:soundtrack|score|cast recording)|soundtrack|\bO\.?S\.?T\.?\b|music from (?:and inspired by )?the (?:motion picture|film|movie|series|game)|bande originale|banda sonora|colonna sonora|filmmusik)\b|サウンドトラック|サントラ/i,
    'Soundtrack',
  ],
  [/\bre-?mix(?:es|ed)?\b/i, 'Remix'],
  [/\bDJ[- ]?mix\b|\bmixed by\b|\bcontinuous mix\b|[([]mixed[)\]]/i, 'DJ-mix'],
  [/[([]live\b[^)\]]*[)\]]|\s[-–]\s*live\b|^live (?:at|from|in concert)\b/i, 'Live'],
  [/^demos?$|^demos? \d|[([]demos?[)\]]|\s[-–]\s*demos?$/i, 'Demo'],
  [
    /\b(?:greatest hits|the (?:very )?best of|best of\b|anthology|the essential|the definitive collection)/i,
    'Compilation',
  ],
];

/** Track-level wordings that make the whole release that type when every track has one. */
const EVERY_TRACK: readonly [RegExp, ReleaseType][] = [
  [/[([]live\b[^)\]]*[)\]]|\s[-–]\s*live\b/i, 'Live'],
  [/\bre-?mix(?:ed)?\b/i, 'Remix'],
  [/[([]mixed[)\]]/i, 'DJ-mix'],
];

function byVariousArtists(release: Release): boolean {
  return release.artists.some((a) => a.mbid === VARIOUS_ARTISTS_MBID || isVariousArtists(a.name));
}

function primaryFromLength(tracks: readonly Track[]): TypeGuess | undefined {
  const count = tracks.length;
  if (count === 0) return undefined;
  const lengths = tracks.map((t) => t.lengthMs);
  const known = lengths.every((l) => l !== undefined && l > 0);
  if (count > EP_MAX_TRACKS)
    return { type: 'Album', reason: `${count} tracks (more than ${EP_MAX_TRACKS})` };
  if (!known) return undefined;
  const total = lengths.reduce((sum: number, l) => sum + l!, 0);
  const minutes = `${Math.round(total / MINUTE)} min`;
  if (total >= EP_MAX_MS)
    return { type: 'Album', reason: `${count} track(s), ${minutes} (30 min or more)` };
  if (count <= SINGLE_MAX_TRACKS && lengths.every((l) => l! < SINGLE_TRACK_MAX_MS))
    return { type: 'Single', reason: `${count} track(s) under 10 min each, ${minutes} in all` };
  return { type: 'EP', reason: `${count} tracks, ${minutes} (under 30 min)` };
}

/** The types to add to `release.types`, each with its reason; [] when nothing is to add. */
export function guessTypes(release: Release): TypeGuess[] {
  const stated = new Set(release.types);
  const guesses: TypeGuess[] = [];
  const add = (guess: TypeGuess | undefined) => {
    if (guess && !stated.has(guess.type) && !guesses.some((g) => g.type === guess.type))
      guesses.push(guess);
  };
  const tracks = release.media.flatMap((m) => m.tracks);
  // Track counts and lengths say nothing about spoken releases (an audiobook of 76 tracks).
  const spoken = release.types.some((t) => SPOKEN.has(t));
  if (!release.types.some((t) => (PRIMARY_TYPES as readonly string[]).includes(t))) {
    const titled = TITLE_PRIMARY.find(([pattern]) => pattern.test(release.title));
    add(
      titled
        ? { type: titled[1], reason: `the title says ${titled[1]}` }
        : spoken
          ? undefined
          : primaryFromLength(tracks),
    );
  }
  for (const [pattern, type] of TITLE_SECONDARY)
    if (pattern.test(release.title)) add({ type, reason: `the title says ${type}` });
  if (byVariousArtists(release))
    add({ type: 'Compilation', reason: 'the release is credited to Various Artists' });
  const audio = tracks.filter((t) => t.type !== 'video');
  if (audio.length > 1)
    for (const [pattern, type] of EVERY_TRACK)
      if (audio.every((t) => pattern.test(t.title)))
        add({ type, reason: `every track title says ${type}` });
  return guesses;
}
