/**
 * The toolbar popup: whether the server answers, the recent look-ups and imports (from the
 * extension's own database, so the list is there with the server down), and Liner on a
 * Bandcamp artist's own domain.
 */

import { tryRecognizeUrl } from '@liner/shared/stores/index';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../content/send.ts';
import { providerName } from '../content/ui/format.ts';
import type { RecentEntry, RecentResponse } from '../messages.ts';

/**
 * Only https: addresses become links. The history keeps store pages, but it is read back from
 * the database, and a javascript: or data: URL in a link of an extension page must never be one
 * click away.
 */
function safeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function Entry({ entry, serverUrl }: { entry: RecentEntry; serverUrl: string }) {
  const store = tryRecognizeUrl(entry.url)?.entity.store;
  const verb = { lookup: 'Looked up', import: 'Imported', edit: 'Added links to' }[entry.kind];
  const name = entry.title ?? entry.url;
  return (
    <li data-kind={entry.kind}>
      {verb}{' '}
      {safeLink(entry.url) ? (
        <a href={entry.url} target="_blank" rel="noreferrer">
          {name}
        </a>
      ) : (
        name
      )}
      {entry.artist ? ` by ${entry.artist}` : ''}
      {store ? ` (${providerName(store)})` : ''}
      <span class="when"> {new Date(entry.at).toLocaleString()}</span>
      {entry.permalink && (
        <>
          {' '}
          <a href={`${serverUrl}/release/${entry.permalink}`} target="_blank" rel="noreferrer">
            details
          </a>
        </>
      )}
    </li>
  );
}

interface EntryListProps {
  title: string;
  name: string;
  entries: RecentEntry[];
  serverUrl: string;
}

function EntryList({ title, name, entries, serverUrl }: EntryListProps) {
  return (
    <>
      <h2>{title}</h2>
      {entries.length ? (
        <ul data-liner={name}>
          {entries.map((e) => (
            <Entry key={`${e.at}${e.url}`} entry={e} serverUrl={serverUrl} />
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
    </>
  );
}

export function RecentList({ api }: { api: Api }) {
  const [recent, setRecent] = useState<RecentResponse | { ok: false; message: string }>();
  useEffect(() => {
    void api({ type: 'recent' }).then((answer) =>
      setRecent(answer.ok ? answer : { ok: false, message: answer.problem.message }),
    );
  }, [api]);
  if (!recent) return <p>Loading…</p>;
  if (!recent.ok) return <p class="problem">{recent.message}</p>;
  const lookups = recent.entries.filter((e) => e.kind === 'lookup');
  const imports = recent.entries.filter((e) => e.kind !== 'lookup');
  return (
    <>
      {recent.server.up ? (
        <p data-liner="server" data-up="true">
          Server {recent.serverUrl} answers (Liner {recent.server.version}).
        </p>
      ) : (
        <p data-liner="server" data-up="false" class="problem">
          {recent.server.problem.message} Showing what Liner has cached.
        </p>
      )}
      <EntryList
        title="Recent imports"
        name="imports"
        entries={imports}
        serverUrl={recent.serverUrl}
      />
      <EntryList
        title="Recent look-ups"
        name="lookups"
        entries={lookups}
        serverUrl={recent.serverUrl}
      />
    </>
  );
}
