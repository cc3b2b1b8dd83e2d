/**
 * What the look-up found in MusicBrainz for the tracks and the release group: each track's
 * recording matched by ISRC (a link to it) or why it will be a new recording, and the existing
 * release group the release is seeded into, with the reason.
 */
import type { LookupResult, RecordingMatch } from '@liner/shared';

/** The recording cell of a track: the existing recording, or "new" and why. */
export function RecordingCell({ match, editorUrl }: { match?: RecordingMatch; editorUrl: string }) {
  if (!match) return <td />;
  if (match.matched && match.mbid)
    return (
      <td class="recording">
        <a href={`${editorUrl}/recording/${match.mbid}`} rel="noopener noreferrer">
          {match.recordingTitle ?? 'existing recording'}
        </a>
        <span class="why"> ({match.reason})</span>
      </td>
    );
  return (
    <td class="recording">
      new<span class="why"> ({match.reason})</span>
    </td>
  );
}

/** The matches by medium and position (both from 1). */
export function matchesByTrack(result: LookupResult): Map<string, RecordingMatch> {
  return new Map((result.recordings ?? []).map((m) => [`${m.medium}.${m.position}`, m]));
}

export function RecordingsNote({ result }: { result: LookupResult }) {
  const recordings = result.recordings;
  if (!recordings) return null;
  const matched = recordings.filter((m) => m.matched).length;
  return (
    <p class="note">
      Recordings: {matched} of {recordings.length} tracks are existing MusicBrainz recordings,
      matched by ISRC when the length is within 3 s and the title is the same; the others will be
      new recordings.
    </p>
  );
}

export function ReleaseGroupFact({
  result,
  editorUrl,
}: {
  result: LookupResult;
  editorUrl: string;
}) {
  const group = result.releaseGroup;
  if (!group) return null;
  return (
    <>
      <dt>Release group</dt>
      <dd>
        <a href={`${editorUrl}/release-group/${group.mbid}`} rel="noopener noreferrer">
          {group.title}
        </a>{' '}
        (existing: {group.reason})
      </dd>
    </>
  );
}
