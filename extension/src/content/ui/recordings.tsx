/**
 * What the server found in MusicBrainz for the tracks: each track's existing recording, matched
 * by ISRC, or why it will be a new one; and the existing release group the release goes into.
 * Titles and reasons come from the server and MusicBrainz: text nodes only.
 */
import type { LookupResult } from '@liner/shared/lookup';

export function Recordings({
  result,
  musicbrainzUrl,
}: {
  result: LookupResult;
  musicbrainzUrl: string;
}) {
  const recordings = result.recordings;
  const group = result.releaseGroup;
  if (!recordings && !group) return null;
  const matched = recordings?.filter((m) => m.matched).length ?? 0;
  return (
    <section data-liner="recordings">
      <h3>Already in MusicBrainz</h3>
      {group && (
        <p data-liner="release-group">
          Release group:{' '}
          <a
            href={`${musicbrainzUrl}/release-group/${group.mbid}`}
            target="_blank"
            rel="noreferrer"
          >
            {group.title}
          </a>{' '}
          ({group.reason})
        </p>
      )}
      {recordings && (
        <details>
          <summary>
            {matched} of {recordings.length} tracks are existing recordings
          </summary>
          <ul>
            {recordings.map((m) => (
              <li
                key={`${m.medium}.${m.position}`}
                data-track={`${m.medium}.${m.position}`}
                data-matched={String(m.matched)}
              >
                {m.medium}.{m.position} {m.title}:{' '}
                {m.matched && m.mbid ? (
                  <a
                    href={`${musicbrainzUrl}/recording/${m.mbid}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {m.recordingTitle ?? 'existing recording'}
                  </a>
                ) : (
                  'new recording'
                )}{' '}
                ({m.reason})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
