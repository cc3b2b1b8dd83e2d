/**
 * The rows of an artist's listing: each release with its type, date, state in MusicBrainz (a
 * link to the release or release group where MusicBrainz has one) and, for a release MusicBrainz
 * lacks, "Import": the usual import path, a look-up of that release page and its seed posted to
 * the release editor, on a click the user could see (seen-click.ts). Everything is rendered as
 * text; links go only to the listing's own store's https pages (as the store declarations
 * recognize them) and to MBIDs on the chosen MusicBrainz site.
 */
import type { ListedRelease } from '@liner/shared/contracts';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import { useState } from 'preact/hooks';
import type { Problem } from '../../messages.ts';
import type { Api } from '../send.ts';
import { bySeenClick, unseenClickMessage } from './seen-click.ts';
import { Faults, type ImportState, importOutcome } from './status.tsx';

type RowImport = ImportState | { state: 'looking' } | { state: 'exists'; mbid: string };

const STATE_WORDS: Record<ListedRelease['state'], string> = {
  linked: 'In MusicBrainz',
  'release-group': 'Release group only',
  missing: 'Missing',
  unknown: 'Not checked',
};

function StateCell({
  release,
  musicbrainzUrl,
}: {
  release: ListedRelease;
  musicbrainzUrl: string;
}) {
  const mbid = release.mbids[0];
  const path = release.state === 'linked' ? 'release' : 'release-group';
  if (!mbid || (release.state !== 'linked' && release.state !== 'release-group'))
    return <>{STATE_WORDS[release.state]}</>;
  return (
    <a href={`${musicbrainzUrl}/${path}/${mbid}`} target="_blank" rel="noreferrer">
      {STATE_WORDS[release.state]}
      {release.musicbrainzTitle && release.musicbrainzTitle !== release.title
        ? `: ${release.musicbrainzTitle}`
        : ''}
    </a>
  );
}

function ImportCell({ state, musicbrainzUrl }: { state: RowImport; musicbrainzUrl: string }) {
  switch (state.state) {
    case 'looking':
      return <span role="status">Looking up…</span>;
    case 'busy':
      return <span role="status">Preparing the release editor…</span>;
    case 'done':
      return <span data-liner="import-done">Opened in a new tab</span>;
    case 'exists':
      return (
        <a
          data-liner="import-exists"
          href={`${musicbrainzUrl}/release/${state.mbid}`}
          target="_blank"
          rel="noreferrer"
        >
          In MusicBrainz through another store’s link
        </a>
      );
    case 'failed':
      return (
        <div class="problem" data-liner="import-failed" role="alert">
          {state.message}
          <Faults lines={state.details} />
        </div>
      );
    default:
      return null;
  }
}

/**
 * What a missing row offers: Import for a release page; a group of releases (a Discogs master)
 * is imported from one of its releases' pages, which the link opens.
 */
function importable(release: ListedRelease, store: string): 'import' | 'group' | undefined {
  if (release.state !== 'missing') return undefined;
  const page = storePage(release.url, store);
  if (!page) return undefined;
  return page.entity.type === 'release' ? 'import' : 'group';
}

/** The row's page when it is an https page of the listing's own store (else it is not linked). */
function storePage(url: string, store: string) {
  const recognized = tryRecognizeUrl(url);
  if (recognized?.entity.store !== store || !url.startsWith('https://')) return undefined;
  return recognized;
}

export interface ListingRowsProps {
  releases: readonly ListedRelease[];
  /** The listing's store: rows link only to its pages. */
  store: string;
  musicbrainzUrl: string;
  api: Api;
}

export function ListingRows({ releases, store, musicbrainzUrl, api }: ListingRowsProps) {
  const [imports, setImports] = useState<ReadonlyMap<string, RowImport>>(new Map());
  const set = (url: string, state: RowImport) => setImports((old) => new Map(old).set(url, state));
  const refused = (url: string) => (reason: string) =>
    set(url, {
      state: 'failed',
      message: unseenClickMessage(reason),
      details: [],
    });

  const runImport = async (url: string) => {
    set(url, { state: 'looking' });
    const lookup = await api({ type: 'lookup', url });
    if (!lookup.ok) return set(url, failed(lookup.problem));
    // Another store's page of the same release is linked: MusicBrainz has it; no duplicate.
    const existing = lookup.result.existing[0];
    if (existing) return set(url, { state: 'exists', mbid: existing.mbid });
    set(url, { state: 'busy' });
    set(url, importOutcome(await api({ type: 'import', url, permalink: lookup.result.id })));
  };

  return (
    <table data-liner="listing">
      <thead>
        <tr>
          <th scope="col">Release</th>
          <th scope="col">Type</th>
          <th scope="col">Date</th>
          <th scope="col">MusicBrainz</th>
          <th scope="col">
            <span class="hidden-label">Import</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {releases.map((release) => {
          const state = imports.get(release.url) ?? { state: 'idle' };
          const offer = state.state === 'idle' ? importable(release, store) : undefined;
          return (
            <tr key={release.url} data-state={release.state} data-url={release.url}>
              <td>
                {storePage(release.url, store) ? (
                  <a href={release.url} target="_blank" rel="noreferrer">
                    {release.title}
                  </a>
                ) : (
                  release.title
                )}
                {release.artist ? <span class="source">{release.artist}</span> : null}
              </td>
              <td>{release.type ?? ''}</td>
              <td>{release.date ?? ''}</td>
              <td>
                <StateCell release={release} musicbrainzUrl={musicbrainzUrl} />
              </td>
              <td>
                {offer === 'group' && (
                  <span class="source">import one of its releases from its page</span>
                )}
                {offer === 'import' ? (
                  <button
                    type="button"
                    data-liner="import"
                    title={`Look ${release.title} up at every store and open it in MusicBrainz’s release editor`}
                    onClick={bySeenClick(() => void runImport(release.url), refused(release.url))}
                  >
                    Import
                  </button>
                ) : (
                  <ImportCell state={state} musicbrainzUrl={musicbrainzUrl} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function failed(problem: Problem): RowImport {
  return { state: 'failed', message: problem.message, details: [] };
}
