/**
 * The panel after a click: the merged release with each value's source, the conflicts with
 * their alternatives, what the providers said, and the two actions. Everything from the stores
 * goes into text nodes.
 */
import type { LookupResult } from '@liner/shared/lookup';
import type { CacheNote } from '../../messages.ts';
import { conflictLines, formatValue, providerName, summaryRows } from './format.ts';
import { ReleaseLinks } from './release-links.tsx';
import { CacheLine, ImportLine, type ImportState, Messages } from './status.tsx';
import { byUser } from './user-action.ts';

export type { ImportState };

export interface PanelProps {
  result: LookupResult;
  cache?: CacheNote | undefined;
  /** MusicBrainz releases this page (or the look-up) is already linked to. */
  existing: string[];
  musicbrainzUrl: string;
  importState: ImportState;
  onImport(existing?: string): void;
  /** Look up again past the caches: the stores or the options may have changed. */
  onRefresh(): void;
  onClose(): void;
}

/** ✓, or ✗ with the reason unless one of the messages below already gives it. */
function providerOutcome(result: LookupResult, name: string): string {
  const provider = result.providers.find((p) => p.name === name);
  if (!provider?.error) return '✓';
  const explained = result.messages.some((m) => m.provider === name);
  return explained ? '✗' : `✗ (${provider.error.message})`;
}

export function Panel(props: PanelProps) {
  const { result, existing, musicbrainzUrl, importState } = props;
  const release = result.release;
  const busy = importState.state === 'busy';
  return (
    <section class="panel" data-liner="panel" role="dialog" aria-label="Liner look-up">
      <button type="button" class="close" aria-label="Close" onClick={byUser(props.onClose)}>
        ×
      </button>
      <h2>{release ? release.title : 'Nothing found'}</h2>
      {props.cache && <CacheLine cache={props.cache} verb="looked up" />}
      {release ? (
        <table data-liner="summary">
          <tbody>
            {summaryRows(result).map((row) => (
              <tr key={row.field} data-field={row.field}>
                <th>{row.label}</th>
                <td>
                  {row.value}
                  {row.source && <span class="source">{row.source}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No store returned a release for this page.</p>
      )}
      {result.conflicts.length > 0 && (
        <div data-liner="conflicts">
          <h3>Where the stores disagree</h3>
          {result.conflicts.map((conflict) => (
            <div key={conflict.field} data-field={conflict.field}>
              <strong>{conflict.field}</strong> (chosen: {providerName(conflict.chosen)})
              <ul>
                {conflictLines(conflict).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {result.incompatible.map((group) => (
        <p class="note" key={group.providers.join()}>
          Not merged: {group.providers.map(providerName).join(', ')} ({group.reason}):{' '}
          {formatValue('title', group.title)}
        </p>
      ))}
      <p data-liner="providers">
        Asked:{' '}
        {result.providers
          .map((p) => `${p.displayName} ${providerOutcome(result, p.name)}`)
          .join(', ')}
      </p>
      <Messages
        messages={result.messages.map((m) => ({
          ...m,
          provider: m.provider && providerName(m.provider),
        }))}
      />
      {existing.length > 0 && (
        <p data-liner="existing">
          Already in MusicBrainz: <ReleaseLinks mbids={existing} musicbrainzUrl={musicbrainzUrl} />
        </p>
      )}
      <div class="actions">
        {release && (
          <button type="button" disabled={busy} onClick={byUser(() => props.onImport())}>
            Open in MusicBrainz
          </button>
        )}
        {release &&
          existing.map((mbid) => (
            <button
              type="button"
              class="secondary"
              key={mbid}
              disabled={busy}
              onClick={byUser(() => props.onImport(mbid))}
            >
              Add missing links{existing.length > 1 ? ` to ${mbid.slice(0, 8)}` : ''}
            </button>
          ))}
        <button
          type="button"
          class="secondary"
          data-liner="refresh"
          disabled={busy}
          title="Ask every store again, past Liner's caches"
          onClick={byUser(props.onRefresh)}
        >
          Look up again
        </button>
      </div>
      <ImportLine importState={importState} />
    </section>
  );
}
