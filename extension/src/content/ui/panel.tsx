/**
 * The panel after a click: the merged release with each value's source, the conflicts with
 * their alternatives, how each store's part went, what the providers said, and the actions.
 * Everything from the stores goes into text nodes. It is a dialog the keyboard reaches: focus
 * moves to its title when it opens (it sits at the end of the document, past every link of the
 * page), Escape closes it, and the widget then gives focus back to its button.
 */

import { messagesBesideFailures } from '@liner/shared/failures';
import { fieldLabel } from '@liner/shared/format';
import type { LookupResult } from '@liner/shared/lookup';
import type { CacheNote } from '../../messages.ts';
import { useDialog } from './dialog.ts';
import { conflictLines, formatValue, providerName, summaryRows } from './format.ts';
import { Recordings } from './recordings.tsx';
import { ReleaseLinks, releaseName } from './release-links.tsx';
import { bySeenClick } from './seen-click.ts';
import { CacheLine, ImportLine, type ImportState, Messages, ProviderList } from './status.tsx';
import { byUser } from './user-action.ts';

export type { ImportState };

export interface PanelProps {
  result: LookupResult;
  cache?: CacheNote | undefined;
  /** MusicBrainz releases this page (or the look-up) is already linked to. */
  existing: string[];
  /** Their titles, where the badge's answer gave them. */
  titles?: Readonly<Record<string, string>>;
  musicbrainzUrl: string;
  importState: ImportState;
  onImport(existing?: string): void;
  /** Look up again past the caches: the stores or the options may have changed. */
  onRefresh(): void;
  onClose(): void;
}

export function Panel(props: PanelProps) {
  const { result, existing, musicbrainzUrl, importState } = props;
  const release = result.release;
  const busy = importState.state === 'busy';
  const { title, onKeyDown } = useDialog(props.onClose);
  return (
    <section
      class="panel"
      data-liner="panel"
      role="dialog"
      aria-labelledby="liner-panel-title"
      onKeyDown={onKeyDown}
    >
      <h2 id="liner-panel-title" tabIndex={-1} ref={title}>
        {release ? release.title : 'Nothing found'}
      </h2>
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
        <section data-liner="conflicts">
          <h3>Where the stores disagree</h3>
          {result.conflicts.map((conflict) => (
            <div key={conflict.field} data-field={conflict.field}>
              <strong>{fieldLabel(conflict.field)}</strong> (chosen: {providerName(conflict.chosen)}
              )
              <ul>
                {conflictLines(conflict).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <Recordings result={result} musicbrainzUrl={musicbrainzUrl} />
      {result.incompatible.map((group) => (
        <p class="note" key={group.providers.join()}>
          Not merged: {group.providers.map(providerName).join(', ')} ({group.reason}):{' '}
          {formatValue('title', group.title)}
        </p>
      ))}
      <h3>Stores asked</h3>
      <ProviderList providers={result.providers} />
      <Messages
        messages={messagesBesideFailures(result).map((m) => ({
          ...m,
          provider: m.provider && providerName(m.provider),
        }))}
      />
      {existing.length > 0 && (
        <p data-liner="existing">
          Already in MusicBrainz:{' '}
          <ReleaseLinks mbids={existing} titles={props.titles} musicbrainzUrl={musicbrainzUrl} />
        </p>
      )}
      <div class="actions">
        {release && (
          <button type="button" disabled={busy} onClick={bySeenClick(() => props.onImport())}>
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
              onClick={bySeenClick(() => props.onImport(mbid))}
            >
              Add missing links{existing.length > 1 ? ` to ${releaseName(mbid, props.titles)}` : ''}
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
      {/* Last in the panel's tab order, after what it closes on. */}
      <button type="button" class="close" aria-label="Close" onClick={byUser(props.onClose)}>
        ×
      </button>
    </section>
  );
}
