/**
 * The after-import page's recording links: each matched recording's edit page seeded with the
 * store track pages MusicBrainz does not link to it, one link per recording, and a stepper that
 * opens them one after another (the page runs no scripts: "next" is a link to this page with
 * the next recording first).
 */
import { type FollowUpActions, type RecordingLinks, storeByName } from '@liner/shared';
import { SafeLink } from './layout.tsx';

function addText(row: RecordingLinks): string {
  return `Add ${row.links.length} store link${row.links.length > 1 ? 's' : ''}`;
}

function Row({ row }: { row: RecordingLinks }) {
  return (
    <li data-recording={row.mbid}>
      <SafeLink href={row.editUrl}>{addText(row)}</SafeLink> to {row.medium}.{row.position}{' '}
      {row.title}:{' '}
      {row.links
        .map((link) => `${storeByName(link.provider).displayName} (${link.types.join(', ')})`)
        .join(', ')}
    </li>
  );
}

/** `step`: the recording the stepper shows (0-based); `stepHref(n)` is this page at step n. */
export function RecordingLinksSection({
  actions,
  step,
  stepHref,
}: {
  actions: FollowUpActions;
  step: number;
  stepHref: (n: number) => string;
}) {
  const rows = actions.recordingLinks;
  const at = Math.max(0, Math.min(step, rows.length - 1));
  const current = rows[at];
  return (
    <section aria-labelledby="recording-links">
      <h2 id="recording-links">Recording links</h2>
      {current ? (
        <>
          <p data-liner="recording-step">
            Recording {at + 1} of {rows.length}, {current.title}:{' '}
            <SafeLink href={current.editUrl}>{addText(current)}</SafeLink>
            {at + 1 < rows.length ? (
              <>
                {' '}
                · <SafeLink href={stepHref(at + 1)}>Next recording</SafeLink>
              </>
            ) : null}
          </p>
          <ul class="plain">
            {rows.map((row) => (
              <Row key={row.mbid} row={row} />
            ))}
          </ul>
        </>
      ) : (
        <p>
          No matched recording lacks its store links. Recordings made by this import are listed by
          the extension's Compare with stores on the release's page in MusicBrainz.
        </p>
      )}
    </section>
  );
}
