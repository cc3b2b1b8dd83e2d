/**
 * The tracklist with the providers side by side: each track's merged title, credit, length and
 * ISRC, and under a value the providers disagree on, what each of them says (from the look-up's
 * per-track conflicts), so an editor sees at a glance where a store differs.
 */
import {
  type Conflict,
  creditText,
  formatLength,
  type LookupResult,
  type RecordingMatch,
  type Release,
  type Track,
} from '@liner/shared';
import { ProviderIcon, Source } from './provider-icon.tsx';
import { matchesByTrack, RecordingCell, RecordingsNote } from './recordings.tsx';
import { valueInWords } from './values.ts';

type TrackField = 'title' | 'isrc' | 'lengthMs';

/** The per-track conflicts by track path ("media.0.tracks.3") and field. */
function trackConflicts(conflicts: readonly Conflict[]): Map<string, Map<string, Conflict>> {
  const byTrack = new Map<string, Map<string, Conflict>>();
  for (const conflict of conflicts) {
    const match = /^(media\.\d+\.tracks\.\d+)\.(\w+)$/.exec(conflict.field);
    if (!match) continue;
    const fields = byTrack.get(match[1]!) ?? new Map<string, Conflict>();
    fields.set(match[2]!, conflict);
    byTrack.set(match[1]!, fields);
  }
  return byTrack;
}

function Cell({ text, conflict, mono }: { text: string; conflict?: Conflict; mono?: boolean }) {
  const body = mono && text ? <code>{text}</code> : text;
  if (!conflict) return <td>{body}</td>;
  return (
    <td class="differs">
      {body}
      <ul class="alts" aria-label="What each provider says">
        {conflict.alternatives.flatMap((alt) =>
          alt.providers.map((provider) => (
            <li key={provider}>
              <ProviderIcon name={provider} />
              {valueInWords(conflict.field, alt.value)}
            </li>
          )),
        )}
      </ul>
    </td>
  );
}

function TrackRow(props: {
  track: Track;
  fields?: Map<string, Conflict>;
  credit: boolean;
  recording?: { match?: RecordingMatch | undefined; editorUrl: string } | undefined;
}) {
  const { track, fields } = props;
  const cell = (field: TrackField) => fields?.get(field);
  return (
    <tr>
      <td class="num">{track.number}</td>
      <Cell
        text={`${track.title}${track.type === 'video' ? ' (video)' : ''}`}
        conflict={cell('title')}
      />
      {props.credit && <td>{creditText(track.artists, ', ')}</td>}
      <Cell text={formatLength(track.lengthMs)} conflict={cell('lengthMs')} />
      <Cell text={track.isrc ?? ''} conflict={cell('isrc')} mono />
      {props.recording && (
        <RecordingCell match={props.recording.match} editorUrl={props.recording.editorUrl} />
      )}
    </tr>
  );
}

export function Tracklist(props: { result: LookupResult; release: Release; editorUrl: string }) {
  const { result, release, editorUrl } = props;
  const conflicts = trackConflicts(result.conflicts);
  const matches = result.recordings ? matchesByTrack(result) : undefined;
  const releaseCredit = creditText(release.artists, ', ');
  // A credit column only when some track is credited otherwise than the release.
  const credit = release.media.some((m) =>
    m.tracks.some((t) => t.artists?.length && creditText(t.artists, ', ') !== releaseCredit),
  );
  return (
    <section aria-labelledby="tracklist">
      <h2 id="tracklist">Tracklist</h2>
      {release.media.map((medium, m) => (
        <div key={m}>
          <h3>
            Medium {m + 1}
            {medium.format ? ` · ${medium.format}` : ''}
            {medium.title ? ` · ${medium.title}` : ''}
          </h3>
          <table>
            <thead>
              <tr>
                <th class="num" scope="col">
                  #
                </th>
                <th scope="col">Title</th>
                {credit && <th scope="col">Artists</th>}
                <th scope="col">Length</th>
                <th scope="col">ISRC</th>
                {matches && <th scope="col">MusicBrainz recording</th>}
              </tr>
            </thead>
            <tbody>
              {medium.tracks.map((track, t) => (
                <TrackRow
                  key={`${m}.${t}`}
                  track={track}
                  fields={conflicts.get(`media.${m}.tracks.${t}`)}
                  credit={credit}
                  recording={matches && { match: matches.get(`${m + 1}.${t + 1}`), editorUrl }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p class="note">
        Tracklist <Source source={result.sources.media} />; ISRCs{' '}
        {result.sources['tracks.isrc'] ? (
          <Source source={result.sources['tracks.isrc']} />
        ) : (
          'from no provider'
        )}
        ; lengths{' '}
        {result.sources['tracks.length'] ? (
          <Source source={result.sources['tracks.length']} />
        ) : (
          'from no provider'
        )}
        .
        {conflicts.size > 0 &&
          ' Highlighted values differ between the providers; each one’s is listed under it.'}
      </p>
      <RecordingsNote result={result} />
    </section>
  );
}
