/**
 * The paste box in MusicBrainz's release editor: a store URL or barcode goes in, and the editor
 * comes back seeded from the stores, in this same tab. Input that is neither is refused here
 * with the reason, without a request. Re-posting the editor drops what it holds, so when it
 * already has content (or is an existing release's edit page) the user confirms first.
 */
import { useState } from 'preact/hooks';
import type { Problem, Request } from '../../messages.ts';
import type { Api } from '../send.ts';
import { Elapsed, Faults, ProblemLine, seedFaults } from '../ui/status.tsx';
import { byUser, cancelUnlessUser } from '../ui/user-action.ts';
import { readPasteInput } from './paste-input.ts';

type Source = Extract<Request, { type: 'editor.import' }>['source'];

type State =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'confirm'; source: Source }
  | { kind: 'working'; source: Source; startedAt: number }
  | { kind: 'problem'; source: Source; problem: Problem; details: string[] }
  | { kind: 'done' };

/** Whether the editor holds anything a re-post would drop: a filled text field or text area. */
export function editorHasContent(doc: Document): boolean {
  const root = doc.querySelector('#release-editor') ?? doc.body;
  if (!root) return false;
  const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input[type="text"], input:not([type]), textarea',
  );
  return [...fields].some((field) => field.value.trim() !== '');
}

export interface PasteBoxProps {
  /** The release whose edit page this is; a new release's editor has none. */
  existing?: string | undefined;
  api: Api;
  doc: Document;
}

export function PasteBox({ existing, api, doc }: PasteBoxProps) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async (source: Source) => {
    setState({ kind: 'working', source, startedAt: Date.now() });
    const answer = await api({ type: 'editor.import', source });
    if (answer.ok) return setState({ kind: 'done' });
    setState({ kind: 'problem', source, problem: answer.problem, details: seedFaults(answer) });
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const input = readPasteInput(text);
    if (!input.ok) return setState({ kind: 'invalid', message: input.message });
    const source: Source =
      'url' in input ? { kind: 'url', url: input.url } : { kind: 'gtin', gtin: input.gtin };
    if (existing || editorHasContent(doc)) setState({ kind: 'confirm', source });
    else void run(source);
  };

  const busy = state.kind === 'working' || state.kind === 'done';
  return (
    <form class="box" data-liner="paste-box" data-state={state.kind} onSubmit={submit}>
      <div class="head">
        <strong>Liner</strong>
        <label>
          {existing ? "Add a store's links to this release: " : 'Import from a store: '}
          <input
            type="text"
            data-liner="paste-input"
            placeholder="store URL or barcode"
            value={text}
            disabled={busy}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <button type="submit" data-liner="paste-import" disabled={busy} onClick={cancelUnlessUser}>
          Import
        </button>
      </div>
      {state.kind === 'invalid' && (
        <p class="problem" data-liner="paste-invalid">
          {state.message}
        </p>
      )}
      {state.kind === 'confirm' && (
        <div class="note" data-liner="paste-confirm">
          {existing
            ? 'This reloads the edit page with the store’s missing links: changes you have not submitted are lost.'
            : 'The editor already has content: importing replaces it, and what you typed is lost.'}
          <div class="actions">
            <button
              type="button"
              data-liner="paste-confirm-yes"
              onClick={byUser(() => void run(state.source))}
            >
              Import anyway
            </button>
            <button
              type="button"
              class="secondary"
              onClick={byUser(() => setState({ kind: 'idle' }))}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.kind === 'working' && (
        <p data-liner="paste-progress">
          Looking up at the stores… <Elapsed since={state.startedAt} />
        </p>
      )}
      {state.kind === 'problem' && (
        <div data-liner="paste-problem">
          <ProblemLine problem={state.problem} onRetry={() => void run(state.source)} />
          <Faults lines={state.details} />
        </div>
      )}
      {state.kind === 'done' && <p data-liner="paste-done">Opening the seeded editor…</p>}
    </form>
  );
}
