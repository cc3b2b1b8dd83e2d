/**
 * The compare panel's recording links: each recording of the release whose store track pages
 * MusicBrainz does not link, with its edit page seeded with exactly those (built in the
 * background from the rows listed here), and "Open the next one" to step through them.
 * Links open MusicBrainz's own form in a new tab: nothing is submitted without the user.
 */
import { useState } from 'preact/hooks';
import type { ComparisonView } from '../../messages.ts';

type Row = ComparisonView['recordingLinks'][number];

const count = (row: Row) => `${row.links.length} store link${row.links.length > 1 ? 's' : ''}`;

export function RecordingLinks({ rows }: { rows: Row[] }) {
  const [next, setNext] = useState(0);
  if (rows.length === 0) return null;
  const upcoming = rows[next];
  return (
    <section data-liner="recording-links">
      <h3>Store links the recordings lack ({rows.length})</h3>
      <ul>
        {rows.map((row) => (
          <li key={`${row.medium}.${row.position}`} data-recording={row.mbid}>
            {row.medium}.{row.position} {row.title}:{' '}
            <a href={row.editUrl} target="_blank" rel="noreferrer" data-liner="recording-edit">
              Add {count(row)}
            </a>{' '}
            <span class="types">
              ({row.links.map((link) => `${link.store} ${link.types.join(', ')}`).join('; ')})
            </span>
          </li>
        ))}
      </ul>
      <p class="actions">
        {upcoming ? (
          <a
            href={upcoming.editUrl}
            target="_blank"
            rel="noreferrer"
            data-liner="recording-next"
            onClick={(event) => {
              // After the browser has followed this href: a re-render now (Preact's is a
              // microtask) would change it before the link is followed.
              if (event.isTrusted) setTimeout(() => setNext(next + 1), 0);
            }}
          >
            Open the next one ({next + 1} of {rows.length}: {upcoming.title})
          </a>
        ) : (
          <span data-liner="recording-done">All {rows.length} opened.</span>
        )}
      </p>
    </section>
  );
}
