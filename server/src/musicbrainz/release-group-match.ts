/**
 * Another edition of an album already in MusicBrainz belongs in that album's release group.
 * The matched recordings say which releases they are on; a release group among those, with the
 * release's title and artist credit, that holds at least half of the matched recordings is the
 * group to seed. Several such groups are named, none chosen. Pure.
 */
import {
  type ArtistCredit,
  PRIMARY_TYPES,
  type Release,
  type ReleaseGroupChoice,
} from '@liner/shared';
import type { MbRecording, MbRecordingRelease } from '../repositories/types.ts';
import type { ArtistGroups } from './artist-groups.ts';
import { comparableTitle } from './recording-match.ts';

/** A store's " - EP" / " - Single" is its type, not its title (Apple, Spotify). */
function albumTitle(title: string): string {
  return comparableTitle(title.replace(/\s+[-–]\s+(?:EP|Single)\s*$/i, ''));
}

const simple = (name: string) => comparableTitle(name).replace(/ /g, '');

/** The same credit: the same artists in order, by MBID where every artist has one, else by name. */
function sameCredit(ours: readonly ArtistCredit[], theirs: MbRecordingRelease['artists']): boolean {
  if (ours.length !== theirs.length || ours.length === 0) return false;
  const byMbid = ours.every((a) => a.mbid);
  return ours.every((artist, i) =>
    byMbid ? artist.mbid === theirs[i]!.mbid : simple(artist.name) === simple(theirs[i]!.name),
  );
}

export interface GroupChoice {
  choice?: ReleaseGroupChoice;
  /** Why no group was chosen when some were close (several candidates). */
  warning?: string;
  /** Why no group was looked for or chosen (said as information). */
  note?: string;
  /** The choice rests on a guessed release type (its reason is in the choice's). */
  guess?: boolean;
}

export function chooseReleaseGroup(release: Release, matched: MbRecording[]): GroupChoice {
  if (release.releaseGroupMbid || matched.length === 0) return {};
  const title = albumTitle(release.title);
  const groups = new Map<string, { title: string; recordings: Set<string> }>();
  for (const recording of matched) {
    for (const on of recording.releases) {
      const group = on.releaseGroup;
      if (!group || albumTitle(group.title) !== title || albumTitle(on.title) !== title) continue;
      if (!sameCredit(release.artists, on.artists)) continue;
      const entry = groups.get(group.mbid) ?? { title: group.title, recordings: new Set() };
      entry.recordings.add(recording.mbid);
      groups.set(group.mbid, entry);
    }
  }
  const distinct = new Set(matched.map((r) => r.mbid)).size;
  const enough = [...groups].filter(([, g]) => g.recordings.size * 2 >= distinct);
  if (enough.length === 1) {
    const [mbid, group] = enough[0]!;
    const reason = `${group.recordings.size} of the ${distinct} recordings matched by ISRC are on its releases, which have this release's title and artist credit`;
    return { choice: { mbid, title: group.title, reason } };
  }
  if (enough.length > 1)
    return {
      warning: `The recordings matched by ISRC are on ${enough.length} release groups with this title and credit (${enough.map(([mbid]) => mbid).join(', ')}): none was chosen, the editor will ask.`,
    };
  return {};
}

/**
 * Without matched recordings: the release group of the release's (first) artist with the
 * release's title and artist credit and the release's primary type. Title and credit alone do
 * not tell an album from the single of its title track, so the type must be known (stated by a
 * store, or guessed: `typeGuess` is then the guess's reason, and the choice rests on it) and
 * equal the group's. One such group is the group to seed; several are named, none chosen. Only
 * the browse's first page is read: for an artist with more release groups than that, the one
 * that fits may be past it, so none is chosen.
 */
export function chooseArtistGroup(
  release: Release,
  browsed: ArtistGroups,
  typeGuess?: string,
): GroupChoice {
  if (release.releaseGroupMbid) return {};
  const { groups, total } = browsed;
  if (total > groups.length)
    return {
      note: `The artist has ${total} release groups and one browse reads the first ${groups.length}: no existing release group was chosen by title (the one that fits may be past them).`,
    };
  const title = albumTitle(release.title);
  const titled = groups.filter(
    (group) => albumTitle(group.title) === title && sameCredit(release.artists, group.artists),
  );
  const primary = release.types.find((type) => (PRIMARY_TYPES as readonly string[]).includes(type));
  if (titled.length > 0 && !primary)
    return {
      note: `${titled.length} of the artist's release groups have this release's title and artist credit, but no store states the release's primary type and none could be guessed: none was chosen.`,
    };
  const fitting = titled.filter((group) => group.primaryType === primary);
  const listed = `the artist's ${groups.length} release groups`;
  if (fitting.length === 1) {
    const group = fitting[0]!;
    const type = typeGuess ? `${primary}, as guessed: ${typeGuess}` : `${primary}`;
    const reason = `no recording matched by ISRC, and it is the only one of ${listed} with this release's title, artist credit and type (${type})`;
    return {
      choice: { mbid: group.mbid, title: group.title, reason },
      ...(typeGuess ? { guess: true } : {}),
    };
  }
  if (fitting.length > 1)
    return {
      warning: `${fitting.length} of ${listed} have this release's title, artist credit and type (${fitting.map((g) => g.mbid).join(', ')}): none was chosen, the editor will ask.`,
    };
  return {};
}
