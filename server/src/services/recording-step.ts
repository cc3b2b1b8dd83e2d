/**
 * The look-up's recording step: the MusicBrainz recordings of the release's ISRCs (found while
 * the URLs resolve, in the same budget), seeded where they fit, and the release group they
 * point to. A failed search is a warning; the release is seeded with new recordings then.
 */
import type { LookupMessage, LookupResult, Release } from '@liner/shared';
import { thrownInWords } from '../http/failure.ts';
import type { RequestSpan } from '../http/types.ts';
import { matchedRecordings, matchRecordings } from '../musicbrainz/recording-match.ts';
import type { IsrcAnswers, RecordingFinder } from '../musicbrainz/recordings.ts';
import { chooseReleaseGroup } from '../musicbrainz/release-group-match.ts';

export interface FoundRecordings {
  answers?: IsrcAnswers;
  messages: LookupMessage[];
  failed: boolean;
}

/** The recordings of every ISRC of the release; nothing to ask without ISRCs. */
export async function findRecordings(
  finder: RecordingFinder | undefined,
  release: Release | undefined,
  options: { refresh: boolean; onRequest: (span: RequestSpan) => void },
): Promise<FoundRecordings> {
  if (!finder || !release) return { messages: [], failed: false };
  const isrcs = release.media.flatMap((m) => m.tracks.flatMap((t) => (t.isrc ? [t.isrc] : [])));
  try {
    return { answers: await finder.find(isrcs, options), messages: [], failed: false };
  } catch (error) {
    const why = thrownInWords(error, 'musicbrainz').message;
    const text = `The MusicBrainz recordings of the ISRCs could not be looked up: ${why}. The tracks are seeded as new recordings.`;
    return { messages: [{ level: 'warning', provider: 'musicbrainz', text }], failed: true };
  }
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
  const group = chooseReleaseGroup(
    result.release,
    matchedRecordings(matched.matches, found.answers),
  );
  if (group.choice) {
    result.release.releaseGroupMbid = group.choice.mbid;
    result.releaseGroup = group.choice;
    result.sources.releaseGroupMbid = 'musicbrainz';
    result.messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: `Seeded into the existing release group "${group.choice.title}" (${group.choice.mbid}): ${group.choice.reason}.`,
    });
  }
  if (group.warning)
    result.messages.push({ level: 'warning', provider: 'musicbrainz', text: group.warning });
}
