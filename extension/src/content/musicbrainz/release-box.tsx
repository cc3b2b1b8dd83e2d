/**
 * The box on a MusicBrainz release page: "Compare with stores", its progress in seconds, the
 * comparison, and "Add missing links". Every failure ends in words with Retry where that may
 * help; nothing waits without a limit (the background's calls have time-outs). A retry asks
 * past the caches, since the server keeps a failed MusicBrainz answer for a minute.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CacheNote, ComparisonView, Problem } from '../../messages.ts';
import type { Api } from '../send.ts';
import { Elapsed, type ImportState, importOutcome, ProblemLine } from '../ui/status.tsx';
import { byUser } from '../ui/user-action.ts';
import { ComparePanel } from './compare-panel.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'comparing'; startedAt: number }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'shown'; comparison: ComparisonView; cache?: CacheNote | undefined };

export interface ReleaseBoxProps {
  mbid: string;
  musicbrainzUrl: string;
  api: Api;
}

export function ReleaseBox({ mbid, musicbrainzUrl, api }: ReleaseBoxProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [links, setLinks] = useState<ImportState>({ state: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that was pressed is gone once the comparison shows: focus goes to its title,
  // where a screen reader starts reading it, instead of falling to the top of the page.
  const shownAfterClick = useRef(false);
  useEffect(() => {
    if (state.kind === 'comparing') return;
    if (state.kind === 'shown' && shownAfterClick.current) heading.current?.focus();
    shownAfterClick.current = false;
  }, [state]);

  const compare = async (refresh: boolean) => {
    if (state.kind === 'comparing') return;
    shownAfterClick.current = true;
    setState({ kind: 'comparing', startedAt: Date.now() });
    setLinks({ state: 'idle' });
    const answer = await api({ type: 'compare', mbid, refresh });
    setState(
      answer.ok
        ? { kind: 'shown', comparison: answer.comparison, cache: answer.cache }
        : { kind: 'problem', problem: answer.problem },
    );
  };

  const addLinks = async () => {
    setLinks({ state: 'busy' });
    setLinks(importOutcome(await api({ type: 'compare.links', mbid })));
  };

  return (
    <section
      class="box"
      data-liner="release-box"
      data-state={state.kind}
      aria-labelledby="liner-box"
    >
      <div class="head">
        <h2 id="liner-box" tabIndex={-1} ref={heading}>
          {state.kind === 'shown'
            ? `Liner: ${state.comparison.title}, compared with the stores`
            : 'Liner'}
        </h2>
        {/* One button while it works, so the keyboard focus stays on it. */}
        {(state.kind === 'idle' || state.kind === 'comparing') && (
          <button
            type="button"
            data-liner={state.kind === 'idle' ? 'compare' : 'progress'}
            aria-disabled={state.kind === 'comparing' ? 'true' : undefined}
            title="Look this release's store links and barcode up at the stores"
            onClick={byUser(() => void compare(false))}
          >
            {state.kind === 'idle' ? (
              'Compare with stores'
            ) : (
              <>
                Comparing with the stores… <Elapsed since={state.startedAt} />
              </>
            )}
          </button>
        )}
        {state.kind === 'problem' && (
          <ProblemLine problem={state.problem} onRetry={() => void compare(true)} />
        )}
        {state.kind === 'shown' && (
          <button
            type="button"
            class="secondary"
            data-liner="compare-again"
            onClick={byUser(() => void compare(true))}
          >
            Compare again
          </button>
        )}
      </div>
      {state.kind === 'shown' && (
        <ComparePanel
          comparison={state.comparison}
          cache={state.cache}
          musicbrainzUrl={musicbrainzUrl}
          linksState={links}
          onAddLinks={() => void addLinks()}
        />
      )}
    </section>
  );
}
