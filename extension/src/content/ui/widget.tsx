/**
 * The button on a release page and everything behind it: the badge ("In MusicBrainz: <title>"
 * or "Not in MusicBrainz yet"), "Import to MusicBrainz" (also the keyboard shortcut), the
 * look-up with its elapsed time, the panel, and the import. Every failure ends in words and,
 * where trying again may help, a Retry button; nothing waits without a time limit (the
 * background's calls have time-outs). The button stays one element while it works, so keyboard
 * focus stays on it, and comes back to it when the panel closes.
 */
import type { LookupResult } from '@liner/shared/lookup';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CacheNote, Problem, UrlState } from '../../messages.ts';
import type { Api } from '../send.ts';
import { Overlay } from './overlay.tsx';
import { Panel } from './panel.tsx';
import { QueueProgress } from './queue-progress.tsx';
import { ReleaseLinks } from './release-links.tsx';
import { bySeenClick, unseenClickMessage } from './seen-click.ts';
import { Elapsed, type ImportState, importOutcome, ProblemLine } from './status.tsx';

type Badge =
  | { kind: 'checking' }
  | { kind: 'problem'; problem: Problem }
  | {
      kind: 'linked' | 'not-linked';
      mbids: string[];
      titles: Record<string, string>;
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
  /** Subscribes to the keyboard shortcut's "Import to MusicBrainz"; returns the unsubscribe. */
  commands?: (listener: () => void) => () => void;
  /** The release's titles as MusicBrainz and the look-up give them, to place the button by. */
  onTitles?: (titles: string[]) => void;
}

function badgeOf(state: UrlState | undefined, musicbrainzUrl: string, cache?: CacheNote): Badge {
  return {
    kind: state?.status === 'linked' ? 'linked' : 'not-linked',
    mbids: state?.mbids ?? [],
    titles: state?.titles ?? {},
    musicbrainzUrl,
    ...(cache ? { cache } : {}),
    ...(!state || state.status === 'unknown'
      ? { unchecked: state?.error ?? 'the server gave no answer for this page' }
      : {}),
    ...(state?.stale ? { stale: state.stale } : {}),
  };
}

export function Widget({ pageUrl, api, overlay, onDisabled, commands, onTitles }: WidgetProps) {
  const [badge, setBadge] = useState<Badge>({ kind: 'checking' });
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const refusedClick = (reason: string) =>
    setLookup({
      kind: 'problem',
      problem: {
        kind: 'invalid-request',
        message: unseenClickMessage(reason),
        retryable: false,
      },
    });
  const [importState, setImportState] = useState<ImportState>({ state: 'idle' });
  const button = useRef<HTMLButtonElement>(null);

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
    if (lookup.kind === 'looking') return;
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

  // The shortcut does what the button does; with the panel open, it goes back to the panel.
  const onCommand = useRef(() => {});
  onCommand.current = () => {
    if (lookup.kind === 'idle' || lookup.kind === 'problem') void runLookup();
  };
  useEffect(() => commands?.(() => onCommand.current()), [commands]);

  const close = () => {
    setLookup({ kind: 'idle' });
    // Back where the user was before the panel opened, not to the top of the page.
    button.current?.focus();
  };

  const linked = badge.kind === 'linked' ? badge.mbids : [];
  const titles = 'titles' in badge ? badge.titles : {};
  const lookedUp = lookup.kind === 'open' ? lookup.result.release?.title : undefined;
  const known = [...(lookedUp ? [lookedUp] : []), ...linked.flatMap((m) => titles[m] ?? [])];
  // Said again only when the titles' text changes, not at every render.
  const knownKey = known.join('\n');
  useEffect(() => {
    if (knownKey) onTitles?.(knownKey.split('\n'));
  }, [knownKey, onTitles]);
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
      titles={titles}
      musicbrainzUrl={lookup.musicbrainzUrl}
      importState={importState}
      onImport={(mbid) => void runImport(lookup.result, mbid)}
      onRefresh={() => void runLookup(true)}
      onClose={close}
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
            <ReleaseLinks
              mbids={badge.mbids}
              titles={badge.titles}
              musicbrainzUrl={badge.musicbrainzUrl}
            />
          </span>
        )}
        {badge.kind === 'not-linked' && !badge.unchecked && (
          <span class="badge none" data-liner="badge">
            Not in MusicBrainz yet
          </span>
        )}
        {/* The badge is advisory: when it could not be had, the import still can. */}
        {badge.kind !== 'checking' && (
          <button
            type="button"
            ref={button}
            class={badge.kind === 'linked' && lookup.kind !== 'looking' ? 'secondary' : ''}
            data-liner={lookup.kind === 'looking' ? 'progress' : 'import'}
            aria-disabled={lookup.kind === 'looking' ? 'true' : undefined}
            title={
              badge.kind === 'linked'
                ? 'Look this release up at every store: add the links MusicBrainz lacks'
                : 'Look this release up at every store and open it in MusicBrainz’s release editor'
            }
            onClick={bySeenClick(() => void runLookup(), refusedClick)}
          >
            {lookup.kind === 'looking' ? (
              <>
                Looking up at the stores… <Elapsed since={lookup.startedAt} />
              </>
            ) : badge.kind === 'linked' ? (
              'Compare with stores'
            ) : (
              'Import to MusicBrainz'
            )}
          </button>
        )}
        {lookup.kind === 'looking' && <QueueProgress api={api} />}
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
