/**
 * The small status pieces the store widget and the MusicBrainz page share: seconds since a
 * request started, a problem in words with Retry where trying again may help, how an import
 * went, that an answer came from the cache, how each provider's part went (a failure in one
 * sentence, its detail folded away), and what the providers said.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  CacheNote,
  ComparisonView,
  Failure,
  ImportResponse,
  Problem,
  ProviderOutcome,
} from '../../messages.ts';
import { byUser } from './user-action.ts';

export type ImportState =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; action: 'add' | 'edit'; builtLocally: boolean }
  | { state: 'failed'; message: string; details: string[] };

/** What was wrong with a refused seed, one line per field. */
export function seedFaults(answer: Extract<ImportResponse | Failure, { ok: false }>): string[] {
  return 'seedProblems' in answer
    ? (answer.seedProblems ?? []).map((p) => `${p.field}: ${p.message}`)
    : [];
}

/** How an import's answer is shown: done, or the problem with the seed's faults listed. */
export function importOutcome(answer: ImportResponse | Failure): ImportState {
  if (answer.ok) return { state: 'done', action: answer.action, builtLocally: answer.builtLocally };
  return { state: 'failed', message: answer.problem.message, details: seedFaults(answer) };
}

export function Elapsed({ since }: { since: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{Math.floor((Date.now() - since) / 1000)} s</>;
}

export function ProblemLine({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  return (
    <>
      <span class="problem" data-liner="problem" data-kind={problem.kind} role="alert">
        {problem.message}
        {problem.detail && (
          <details>
            <summary>Details</summary>
            {problem.detail}
          </details>
        )}
      </span>
      {problem.retryable && (
        <button type="button" class="secondary" onClick={byUser(onRetry)}>
          Retry
        </button>
      )}
    </>
  );
}

/** A refused seed's faults, one per line (nothing when there are none). */
export function Faults({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function ImportLine({ importState }: { importState: ImportState }) {
  if (importState.state === 'busy') return <p>Preparing the release editor…</p>;
  if (importState.state === 'done') {
    const what = importState.action === 'add' ? 'the release editor' : 'the release edit page';
    const local = importState.builtLocally
      ? ' (the seed was built from the cache: the server is down)'
      : '';
    return (
      <p data-liner="import-done">
        Opened {what} in a new tab{local}.
      </p>
    );
  }
  if (importState.state === 'failed') {
    return (
      <div class="problem" data-liner="import-failed">
        <p>{importState.message}</p>
        <Faults lines={importState.details} />
      </div>
    );
  }
  return null;
}

/** The answer is Liner's cached one, from when it was `verb` ("looked up", "compared"). */
export function CacheLine({ cache, verb }: { cache: CacheNote; verb: string }) {
  return (
    <p class="note" data-liner="cache-note">
      From Liner's cache ({verb} {new Date(cache.fetchedAt).toLocaleString()}).
      {cache.serverProblem ? ` ${cache.serverProblem}` : ''}
    </p>
  );
}

/** A provider's message with the provider's name as shown. */
type ShownMessage = ComparisonView['messages'][number];

/** What the providers said, one per line (nothing when they said nothing). */
export function Messages({ messages }: { messages: readonly ShownMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <ul data-liner="messages">
      {messages.map((m) => (
        <li key={`${m.level}|${m.provider ?? ''}|${m.text}`} class={`level-${m.level}`}>
          {m.provider ? `${m.provider}: ` : ''}
          {m.text}
        </li>
      ))}
    </ul>
  );
}

/** Each provider asked: ✓ and its name, or its failure in one sentence with the detail folded. */
export function ProviderList({ providers }: { providers: readonly ProviderOutcome[] }) {
  return (
    <ul class="providers" data-liner="providers">
      {providers.map((p) =>
        p.error ? (
          <li key={p.name} class="failed" data-provider={p.name} data-failed="">
            <span role="img" aria-label="failed:">
              ✗
            </span>{' '}
            {p.error.message}
            {p.error.detail && (
              <details>
                <summary>Details</summary>
                <p>{p.error.detail}</p>
              </details>
            )}
          </li>
        ) : (
          <li key={p.name} data-provider={p.name}>
            <span role="img" aria-label="answered:">
              ✓
            </span>{' '}
            {p.displayName}
          </li>
        ),
      )}
    </ul>
  );
}
