/**
 * The button on a release page and everything behind it: the badge (already in MusicBrainz, or
 * Import), the look-up with its elapsed time, the panel, and the import. Every failure ends in
 * words and, where trying again may help, a Retry button; nothing waits without a time limit
 * (the background's calls have time-outs).
 */
import type { LookupResult } from '@liner/shared/lookup';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CacheNote, Problem, UrlState } from '../../messages.ts';
import type { Api } from '../send.ts';
import { Overlay } from './overlay.tsx';
import { Panel } from './panel.tsx';
import { ReleaseLinks } from './release-links.tsx';
import { Elapsed, type ImportState, importOutcome, ProblemLine } from './status.tsx';
import { byUser } from './user-action.ts';

type Badge =
  | { kind: 'checking' }
  | { kind: 'problem'; problem: Problem }
  | {
      kind: 'linked' | 'not-linked';
      mbids: string[];
      musicbrainzUrl: string;
      cache?: CacheNote;
      /** MusicBrainz could not be asked: the page may or may not be linked. */
      unchecked?: string;
      stale?: UrlState['stale'];
    };

type Lookup =
  | { kind: 'idle' }
  | { kind: 'looking'; startedAt: number }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'open'; result: LookupResult; musicbrainzUrl: string; cache?: CacheNote };

export interface WidgetProps {
  pageUrl: string;
  api: Api;
  /** Where the panel opens, above the page (mount.ts); in the widget itself without one. */
  overlay?: () => HTMLElement;
  /** The store is switched off in the options: the caller takes the widget away. */
  onDisabled?: () => void;
}

function badgeOf(state: UrlState | undefined, musicbrainzUrl: string, cache?: CacheNote): Badge {
  return {
    kind: state?.status === 'linked' ? 'linked' : 'not-linked',
    mbids: state?.mbids ?? [],
    musicbrainzUrl,
    ...(cache ? { cache } : {}),
    ...(!state || state.status === 'unknown'
      ? { unchecked: state?.error ?? 'the server gave no answer for this page' }
      : {}),
    ...(state?.stale ? { stale: state.stale } : {}),
  };
}

export function Widget({ pageUrl, api, overlay, onDisabled }: WidgetProps) {
  const [badge, setBadge] = useState<Badge>({ kind: 'checking' });
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const [importState, setImportState] = useState<ImportState>({ state: 'idle' });

  const check = useCallback(async () => {
    setBadge({ kind: 'checking' });
    const answer = await api({ type: 'check', urls: [pageUrl] });
    if (answer.ok) setBadge(badgeOf(answer.states[0], answer.musicbrainzUrl, answer.cache));
    else if (answer.problem.kind === 'disabled') onDisabled?.();
    else setBadge({ kind: 'problem', problem: answer.problem });
  }, [api, pageUrl, onDisabled]);

  useEffect(() => {
    void check();
  }, [check]);

  const runLookup = async (refresh = false) => {
    setLookup({ kind: 'looking', startedAt: Date.now() });
    setImportState({ state: 'idle' });
    const answer = await api({ type: 'lookup', url: pageUrl, refresh });
    setLookup(
      answer.ok
        ? {
            kind: 'open',
            result: answer.result,
            musicbrainzUrl: answer.musicbrainzUrl,
            ...(answer.cache ? { cache: answer.cache } : {}),
          }
        : { kind: 'problem', problem: answer.problem },
    );
  };

  const runImport = async (result: LookupResult, existing?: string) => {
    setImportState({ state: 'busy' });
    const answer = await api({
      type: 'import',
      url: pageUrl,
      permalink: result.id,
      ...(existing ? { existing } : {}),
    });
    setImportState(importOutcome(answer));
  };

  const linked = badge.kind === 'linked' ? badge.mbids : [];
  const existing = [
    ...new Set([
      ...linked,
      ...(lookup.kind === 'open' ? lookup.result.existing.map((e) => e.mbid) : []),
    ]),
  ];
  const panel = lookup.kind === 'open' && (
    <Panel
      result={lookup.result}
      cache={lookup.cache}
      existing={existing}
      musicbrainzUrl={lookup.musicbrainzUrl}
      importState={importState}
      onImport={(mbid) => void runImport(lookup.result, mbid)}
      onRefresh={() => void runLookup(true)}
      onClose={() => setLookup({ kind: 'idle' })}
    />
  );

  return (
    <>
      <div
        class="bar"
        data-liner="bar"
        data-state={lookup.kind === 'looking' ? 'looking' : badge.kind}
      >
        {badge.kind === 'checking' && <span>Liner: checking MusicBrainz…</span>}
        {badge.kind === 'problem' && (
          <ProblemLine problem={badge.problem} onRetry={() => void check()} />
        )}
        {badge.kind === 'linked' && (
          <span class="badge" data-liner="badge">
            In MusicBrainz:{' '}
            <ReleaseLinks mbids={badge.mbids} musicbrainzUrl={badge.musicbrainzUrl} />
          </span>
        )}
        {/* The badge is advisory: when it could not be had, the import still can. */}
        {badge.kind !== 'checking' &&
          (lookup.kind === 'looking' ? (
            <button type="button" disabled data-liner="progress">
              Looking up at the stores… <Elapsed since={lookup.startedAt} />
            </button>
          ) : (
            <button
              type="button"
              class={badge.kind === 'linked' ? 'secondary' : ''}
              data-liner="import"
              title="Look this release up at every store and import it to MusicBrainz"
              onClick={byUser(() => void runLookup())}
            >
              {badge.kind === 'linked' ? 'Look up' : 'Import'}
            </button>
          ))}
        {'unchecked' in badge && badge.unchecked && (
          <span class="source" data-liner="unchecked" title={badge.unchecked}>
            not checked in MusicBrainz: {badge.unchecked}
          </span>
        )}
        {'stale' in badge && badge.stale && (
          <span class="source" data-liner="stale" title={badge.stale.reason}>
            answer of {new Date(badge.stale.checkedAt).toLocaleString()}, not checked again:{' '}
            {badge.stale.reason}
          </span>
        )}
        {'cache' in badge && badge.cache?.serverProblem && (
          <span class="source" data-liner="offline" title={badge.cache.serverProblem}>
            from cache: the server is down
          </span>
        )}
        {lookup.kind === 'problem' && (
          <ProblemLine problem={lookup.problem} onRetry={() => void runLookup()} />
        )}
      </div>
      {panel && (overlay ? <Overlay into={overlay()}>{panel}</Overlay> : panel)}
    </>
  );
}
