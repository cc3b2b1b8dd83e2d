/** The popup's offer to add Liner's button on a page that says it is Bandcamp. */
import { useState } from 'preact/hooks';
import { type ActiveTab, addButtonNow, enableAlways, probeBandcamp } from './custom-site.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'not-bandcamp' }
  | { kind: 'found'; address: string }
  | { kind: 'added'; always: boolean }
  | { kind: 'failed'; message: string };

export function CustomSiteBox({ tab }: { tab: ActiveTab }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const guard = (work: () => Promise<void>) => () =>
    work().catch((error: unknown) =>
      setState({ kind: 'failed', message: (error as Error).message }),
    );
  const probe = guard(async () => {
    const address = await probeBandcamp(tab);
    setState(address ? { kind: 'found', address } : { kind: 'not-bandcamp' });
  });
  const add = (always: boolean) =>
    guard(async () => {
      if (always) await enableAlways(tab);
      await addButtonNow(tab);
      setState({ kind: 'added', always });
    });
  // Over http anyone on the network path could put a page there that Liner would serve.
  if (!tab.url.startsWith('https://'))
    return (
      <section data-liner="custom-site">
        <p data-liner="https-only">
          Liner adds its button on an artist's own domain only over https.
        </p>
      </section>
    );
  return (
    <section data-liner="custom-site">
      {state.kind === 'idle' && (
        <button type="button" onClick={probe}>
          Is this a Bandcamp page on its own domain?
        </button>
      )}
      {state.kind === 'not-bandcamp' && (
        <p>This page does not say it is Bandcamp, or names no bandcamp.com address.</p>
      )}
      {state.kind === 'found' && (
        <>
          <p>This is Bandcamp: {state.address}</p>
          <button type="button" onClick={add(false)}>
            Add the button on this page
          </button>{' '}
          <button type="button" onClick={add(true)}>
            Always on {new URL(tab.url).host}
          </button>
        </>
      )}
      {state.kind === 'added' && (
        <p>Added{state.always ? ', and it will be there on this site from now on' : ''}.</p>
      )}
      {state.kind === 'failed' && <p class="problem">{state.message}</p>}
    </section>
  );
}
