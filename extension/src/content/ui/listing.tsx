/**
 * An artist's releases at one store with their states in MusicBrainz (the background's
 * "discography"), for the panel on a store's artist page and the MusicBrainz artist page. While
 * the server pages through the store's listing, how far it is ("page 2, 100 of 150 releases so
 * far"), asked every second; then the rows, filtered to the releases MusicBrainz lacks and by
 * the store's type, with what the stores and MusicBrainz said and a "Check again".
 */
import type { Discography, DiscographyProgress } from '@liner/shared/contracts';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { CacheNote, Problem } from '../../messages.ts';
import type { Api } from '../send.ts';
import { ListingRows } from './listing-rows.tsx';
import { bySeenClick, unseenClickMessage } from './seen-click.ts';
import { CacheLine, Elapsed, Messages, ProblemLine } from './status.tsx';

const PROGRESS_EVERY_MS = 1000;

type Listing =
  | { kind: 'loading'; startedAt: number; progress?: DiscographyProgress | undefined }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'open'; discography: Discography; musicbrainzUrl: string; cache?: CacheNote };

export function progressInWords(progress: DiscographyProgress | undefined): string {
  if (!progress || (progress.phase === 'store' && progress.pages === 0))
    return 'Reading the store’s listing…';
  const { pages, releases, total } = progress;
  const count = total !== undefined ? `${releases} of ${total}` : `${releases}`;
  if (progress.phase === 'store')
    return `Reading the store’s listing: page ${pages}, ${count} releases so far…`;
  return `Asking MusicBrainz about ${releases} releases (${pages} page${pages === 1 ? '' : 's'} read)…`;
}

/** A name for one listing's progress at the server, unguessable by the page. */
function newProgressId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * The listing of `artistUrl`, asked once per load; its progress polled every second until the
 * answer comes or the panel goes (closed, another store's listing, the page navigated away):
 * then the poll stops and a late answer is dropped.
 */
function useListing(api: Api, artistUrl: string) {
  const [listing, setListing] = useState<Listing>({ kind: 'loading', startedAt: Date.now() });
  const [asked, setAsked] = useState({ refresh: false, times: 0 });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const progressId = newProgressId();
    setListing({ kind: 'loading', startedAt: Date.now() });
    const poll = async () => {
      const answer = await api({ type: 'discography.progress', progressId });
      if (!live) return;
      if (answer.ok && answer.progress)
        setListing((now) =>
          now.kind === 'loading' ? { ...now, progress: answer.progress ?? undefined } : now,
        );
      timer = setTimeout(() => void poll(), PROGRESS_EVERY_MS);
    };
    timer = setTimeout(() => void poll(), PROGRESS_EVERY_MS);
    const stop = () => {
      live = false;
      clearTimeout(timer);
    };
    void api({ type: 'discography', url: artistUrl, progressId, refresh: asked.refresh }).then(
      (answer) => {
        if (!live) return;
        stop();
        setListing(
          answer.ok
            ? {
                kind: 'open',
                discography: answer.discography,
                musicbrainzUrl: answer.musicbrainzUrl,
                ...(answer.cache ? { cache: answer.cache } : {}),
              }
            : { kind: 'problem', problem: answer.problem },
        );
      },
    );
    return stop;
  }, [api, artistUrl, asked]);
  const load = useCallback(
    (refresh: boolean) => setAsked((old) => ({ refresh, times: old.times + 1 })),
    [],
  );
  return { listing, load };
}

export interface ListingViewProps {
  api: Api;
  artistUrl: string;
  /** Start with only the releases MusicBrainz lacks (the MusicBrainz artist page does). */
  missingOnly?: boolean;
  /** The store is switched off in the options: the caller takes the listing away. */
  onDisabled?: () => void;
}

export function ListingView({ api, artistUrl, missingOnly = false, onDisabled }: ListingViewProps) {
  const { listing, load } = useListing(api, artistUrl);
  const disabled = listing.kind === 'problem' && listing.problem.kind === 'disabled';
  useEffect(() => {
    if (disabled) onDisabled?.();
  }, [disabled, onDisabled]);
  const [onlyMissing, setOnlyMissing] = useState(missingOnly);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [type, setType] = useState('');
  const releases = listing.kind === 'open' ? listing.discography.releases : [];
  const types = useMemo(
    () => [...new Set(releases.flatMap((r) => (r.type ? [r.type] : [])))].sort(),
    [releases],
  );
  const shown = releases.filter(
    (r) => (!onlyMissing || r.state === 'missing') && (!type || r.type === type),
  );

  if (listing.kind === 'loading')
    return (
      <p data-liner="listing-progress" role="status">
        {progressInWords(listing.progress)} <Elapsed since={listing.startedAt} />
      </p>
    );
  if (listing.kind === 'problem')
    return <ProblemLine problem={listing.problem} onRetry={() => load(true)} />;
  const { discography, musicbrainzUrl, cache } = listing;
  const missing = releases.filter((r) => r.state === 'missing').length;
  return (
    <div data-liner="listing-view">
      {cache && <CacheLine cache={cache} verb="listed" />}
      <p data-liner="listing-summary">
        {releases.length} releases at the store, {missing} missing in MusicBrainz; {shown.length}{' '}
        shown.
      </p>
      <div class="actions">
        <label>
          <input
            type="checkbox"
            data-liner="missing-only"
            checked={onlyMissing}
            onChange={(event) => setOnlyMissing(event.currentTarget.checked)}
          />{' '}
          Missing only
        </label>
        <label>
          Type{' '}
          <select
            data-liner="type-filter"
            value={type}
            onChange={(event) => setType(event.currentTarget.value)}
          >
            <option value="">all</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="secondary"
          data-liner="check-again"
          onClick={bySeenClick(
            () => {
              setRefusal(undefined);
              load(true);
            },
            (reason) => setRefusal(unseenClickMessage(reason)),
          )}
        >
          Check again
        </button>
      </div>
      {refusal && (
        <p class="problem" data-liner="problem" role="alert">
          {refusal}
        </p>
      )}
      <ListingRows
        releases={shown}
        store={discography.store}
        musicbrainzUrl={musicbrainzUrl}
        api={api}
      />
      <Messages messages={discography.messages} />
    </div>
  );
}
