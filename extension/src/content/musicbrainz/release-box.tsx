/**
 * The box on a MusicBrainz release page: "Compare with stores", its progress in seconds, the
 * comparison, and "Add missing links". Every failure ends in words with Retry where that may
 * help; nothing waits without a limit (the background's calls have time-outs). A retry asks
 * past the caches, since the server keeps a failed MusicBrainz answer for a minute.
 */
import { useState } from 'preact/hooks';
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

  const compare = async (refresh: boolean) => {
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
    <div class="box" data-liner="release-box" data-state={state.kind}>
      <div class="head">
        <strong>Liner</strong>
        {state.kind === 'idle' && (
          <button
            type="button"
            data-liner="compare"
            title="Look this release's store links and barcode up at the stores"
            onClick={byUser(() => void compare(false))}
          >
            Compare with stores
          </button>
        )}
        {state.kind === 'comparing' && (
          <button type="button" disabled data-liner="progress">
            Comparing with the stores… <Elapsed since={state.startedAt} />
          </button>
        )}
        {state.kind === 'problem' && (
          <ProblemLine problem={state.problem} onRetry={() => void compare(true)} />
        )}
        {state.kind === 'shown' && (
          <>
            <span>{state.comparison.title}, compared with the stores</span>
            <button
              type="button"
              class="secondary"
              data-liner="compare-again"
              onClick={byUser(() => void compare(true))}
            >
              Compare again
            </button>
          </>
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
    </div>
  );
}
