/**
 * The look-up's recording step: the MusicBrainz recordings of the release's ISRCs, seeded where
 * they fit, and the release group they point to. The search starts as soon as a store's answer
 * gives ISRCs, beside the other stores' requests (the barcode phase), not after the merge: it
 * needs the ISRCs only, while the match needs the merged tracklist and waits for it. ISRCs that
 * only the merge brings (another store's) are searched then. A failed search is a warning; the
 * release is seeded with new recordings then.
 */
import {
  isGuess,
  type LookupMessage,
  type LookupResult,
  PRIMARY_TYPES,
  type Release,
} from '@liner/shared';
import { thrownInWords } from '../http/failure.ts';
import type { RequestSpan } from '../http/types.ts';
import type { ArtistGroupFinder } from '../musicbrainz/artist-groups.ts';
import { matchedRecordings, matchRecordings } from '../musicbrainz/recording-match.ts';
import type { IsrcAnswers, RecordingFinder } from '../musicbrainz/recordings.ts';
import {
  chooseArtistGroup,
  chooseReleaseGroup,
  type GroupChoice,
} from '../musicbrainz/release-group-match.ts';
import { VARIOUS_ARTISTS_MBID } from '../providers/common/various.ts';

export interface FoundRecordings {
  answers?: IsrcAnswers;
  messages: LookupMessage[];
  failed: boolean;
}

export interface RecordingSearch {
  /** A store's release as it arrives: the first that gives ISRCs starts their search. */
  offer(release: Release | undefined): void;
  /** The recordings of the merged release's ISRCs: the early search's, and the rest's. */
  find(release: Release | undefined): Promise<FoundRecordings>;
}

const isrcsOf = (release: Release) =>
  release.media.flatMap((m) => m.tracks.flatMap((t) => (t.isrc ? [t.isrc] : [])));

/** One look-up's recording search; nothing is asked without a finder or without ISRCs. */
export function recordingSearch(
  finder: RecordingFinder | undefined,
  options: { refresh: boolean; onRequest: (span: RequestSpan) => void },
): RecordingSearch {
  let early: { isrcs: Set<string>; answers: Promise<IsrcAnswers> } | undefined;
  return {
    offer(release) {
      if (!finder || early || !release) return;
      const isrcs = isrcsOf(release);
      if (isrcs.length === 0) return;
      const answers = finder.find(isrcs, options);
      // Awaited by find() when the merged release has these ISRCs; its failure is said there.
      answers.catch(() => {});
      early = { isrcs: new Set(isrcs), answers };
    },
    async find(release) {
      if (!finder || !release) return { messages: [], failed: false };
      const isrcs = isrcsOf(release);
      const asked = early?.isrcs ?? new Set<string>();
      const rest = isrcs.filter((isrc) => !asked.has(isrc));
      try {
        const parts = await Promise.all([
          isrcs.some((isrc) => asked.has(isrc)) ? early?.answers : undefined,
          rest.length > 0 ? finder.find(rest, options) : undefined,
        ]);
        const answers: IsrcAnswers = new Map();
        for (const isrc of isrcs)
          answers.set(isrc, parts[0]?.get(isrc) ?? parts[1]?.get(isrc) ?? []);
        return { answers, messages: [], failed: false };
      } catch (error) {
        const why = thrownInWords(error, 'musicbrainz').message;
        const text = `The MusicBrainz recordings of the ISRCs could not be looked up: ${why}. The tracks are seeded as new recordings.`;
        return { messages: [{ level: 'warning', provider: 'musicbrainz', text }], failed: true };
      }
    },
  };
}

/** Seeds the matched recordings and the release group into the result, with messages. */
export function applyRecordings(result: LookupResult, found: FoundRecordings): void {
  if (!result.release || !found.answers) return;
  const matched = matchRecordings(result.release, found.answers);
  result.release = matched.release;
  result.recordings = matched.matches;
  Object.assign(result.sources, matched.sources);
  const count = matched.matches.filter((m) => m.matched).length;
  if (matched.matches.some((m) => m.isrc))
    result.messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: `${count} of ${matched.matches.length} tracks are existing MusicBrainz recordings (matched by ISRC, length and title); the others are seeded as new recordings.`,
    });
  seedGroup(
    result,
    chooseReleaseGroup(result.release, matchedRecordings(matched.matches, found.answers)),
  );
}

/** The chosen release group into the result, with the reason; several candidates, a warning. */
function seedGroup(result: LookupResult, group: GroupChoice): void {
  if (group.choice && result.release) {
    result.release.releaseGroupMbid = group.choice.mbid;
    result.releaseGroup = group.choice;
    // A choice that rests on a guessed release type is a guess itself, with the same reason.
    result.sources.releaseGroupMbid = group.guess
      ? { guess: true, reason: group.choice.reason }
      : 'musicbrainz';
    result.messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: `Seeded into the existing release group "${group.choice.title}" (${group.choice.mbid}): ${group.choice.reason}.`,
    });
  }
  if (group.warning)
    result.messages.push({ level: 'warning', provider: 'musicbrainz', text: group.warning });
  if (group.note)
    result.messages.push({ level: 'info', provider: 'musicbrainz', text: group.note });
}

/** Why the release's primary type is a guess, when it is one (guess/index.ts's `types.N`). */
function primaryTypeGuess(result: LookupResult, release: Release): string | undefined {
  const index = release.types.findIndex((type) =>
    (PRIMARY_TYPES as readonly string[]).includes(type),
  );
  const source = index < 0 ? undefined : result.sources[`types.${index}`];
  return isGuess(source) ? source.reason : undefined;
}

/**
 * When no recording matched but the release's artists resolved: the first artist's release
 * groups (one browse, kept per artist; a refresh asks again) give the group with the release's
 * title, credit and primary type.
 * Various Artists is not browsed (its groups are anyone's). Past the deadline, or when the
 * browse fails, no group is seeded, and the look-up says so without failing.
 */
export async function artistGroupStep(
  result: LookupResult,
  finder: ArtistGroupFinder | undefined,
  options: {
    refresh: boolean;
    onRequest: (span: RequestSpan) => void;
    settle: <T>(work: Promise<T>) => Promise<T | undefined>;
  },
): Promise<void> {
  const release = result.release;
  if (!finder || !release || release.releaseGroupMbid) return;
  if (result.recordings?.some((match) => match.matched)) return;
  const artist = release.artists[0];
  if (!artist?.mbid || artist.mbid === VARIOUS_ARTISTS_MBID) return;
  if (!release.artists.every((a) => a.mbid)) return;
  try {
    const asking = { refresh: options.refresh, onRequest: options.onRequest };
    const browsed = await options.settle(finder.groups(artist.mbid, asking));
    if (browsed)
      seedGroup(result, chooseArtistGroup(release, browsed, primaryTypeGuess(result, release)));
  } catch (error) {
    const why = thrownInWords(error, 'musicbrainz').message;
    result.messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: `The artist's release groups could not be read from MusicBrainz (${why}): no existing release group was looked for by title.`,
    });
  }
}
