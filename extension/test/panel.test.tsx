// @vitest-environment happy-dom
/** Panel and button rendering: values with their sources, conflicts, messages, store text as text. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../src/content/ui/panel.tsx';
import { userClick } from './support/dom.ts';
import { EXISTING_MBID, sampleResult } from './support/release.ts';

let container: HTMLElement;

function show(props: Partial<PanelProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const all: PanelProps = {
    result: sampleResult(),
    existing: [],
    musicbrainzUrl: 'https://musicbrainz.org',
    importState: { state: 'idle' },
    onImport: vi.fn(),
    onRefresh: vi.fn(),
    onClose: vi.fn(),
    ...props,
  };
  act(() => render(<Panel {...all} />, container));
  return all;
}

const row = (field: string) => container.querySelector(`tr[data-field="${field}"] td`)?.textContent;
const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the panel', () => {
  it('shows the merged release with each value’s source', () => {
    show();
    expect(container.querySelector('h2')?.textContent).toBe('Night Shift');
    expect(row('title')).toBe('Night Shiftfrom Deezer');
    expect(row('artists')).toBe('Ada Lane & The Lamplightersfrom Deezer');
    expect(row('media')).toBe('2from Deezer');
    expect(row('gtin')).toBe('0192758000019from Deezer');
    expect(row('releaseDate')).toBe('2023-05-05from Apple Music / iTunes');
    expect(row('labels')).toBe('Liner Label (LL-001)from Deezer');
  });

  it('shows guessed values as guesses, with what they were guessed from', () => {
    const result = sampleResult();
    result.release = {
      ...result.release!,
      types: ['Album', 'Live'],
      language: 'eng',
      script: 'Latn',
    };
    result.sources = {
      ...result.sources,
      types: 'deezer',
      'types.1': { guess: true, reason: 'every track title says Live' },
      language: { guess: true, reason: 'eld scores eng 0.75 on the 3 titles (0.69 needed)' },
      script: { guess: true, reason: '100% of the letters of the 3 titles are Latn' },
    };
    show({ result });
    expect(row('types')).toBe('Album (Deezer), Live (guessed: every track title says Live)');
    expect(row('language')).toBe('engguessed: eld scores eng 0.75 on the 3 titles (0.69 needed)');
    expect(row('script')).toBe('Latnguessed: 100% of the letters of the 3 titles are Latn');
  });

  it('lists conflicts with every alternative, provider messages and failures', () => {
    show();
    const conflict = container.querySelector('[data-liner="conflicts"] [data-field="releaseDate"]');
    expect(conflict?.textContent).toContain('(chosen: Apple Music / iTunes)');
    expect([...(conflict?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '2023-05-05 — Apple Music / iTunes',
      '2023-05-12 — Deezer',
    ]);
    expect(container.querySelector('[data-liner="messages"]')?.textContent).toBe(
      'Apple Music / iTunes: the iTunes look-up timed out',
    );
    expect(container.querySelector('[data-liner="providers"]')?.textContent).toBe(
      'Asked: Deezer ✓, Apple Music / iTunes ✗',
    );
  });

  it('gives a failed provider’s reason when no message does', () => {
    show({ result: sampleResult({ messages: [] }) });
    expect(container.querySelector('[data-liner="providers"]')?.textContent).toBe(
      'Asked: Deezer ✓, Apple Music / iTunes ✗ (no answer in 15 s)',
    );
  });

  it('shows store data as text, never as HTML', () => {
    const result = sampleResult();
    result.release!.title = '<img src=x onerror="window.hacked=1">';
    result.release!.artists = [{ name: '<b>Bold</b>', externalIds: [] }];
    result.messages = [{ level: 'info', text: '<script>window.hacked=2</script>' }];
    show({ result });
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe(
      '<img src=x onerror="window.hacked=1">',
    );
    expect(row('artists')).toBe('<b>Bold</b>from Deezer');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('offers "Add missing links" for a release already in MusicBrainz', () => {
    const props = show({ existing: [EXISTING_MBID] });
    expect(buttons()).toEqual(['×', 'Open in MusicBrainz', 'Add missing links', 'Look up again']);
    const link = container.querySelector<HTMLAnchorElement>('[data-liner="existing"] a');
    expect(link?.href).toBe(`https://musicbrainz.org/release/${EXISTING_MBID}`);
    act(() => userClick(container.querySelectorAll('button')[2]!));
    expect(props.onImport).toHaveBeenCalledWith(EXISTING_MBID);
    act(() => userClick(container.querySelectorAll('button')[1]!));
    expect(props.onImport).toHaveBeenLastCalledWith();
    act(() => userClick(container.querySelectorAll('button')[3]!));
    expect(props.onRefresh).toHaveBeenCalledOnce();
    // A page script's click is not the user's.
    act(() => container.querySelectorAll('button')[1]!.click());
    expect(props.onImport).toHaveBeenCalledTimes(2);
  });

  it('says when the answer came from the cache and why, and what the import did', () => {
    show({
      cache: {
        fetchedAt: '2026-11-20T10:00:00.000Z',
        serverProblem: 'The Liner server at http://127.0.0.1:5733 is not reachable. Is it running?',
      },
      importState: {
        state: 'failed',
        message: 'Liner did not post this seed',
        details: ['colour: Unknown field'],
      },
    });
    expect(container.querySelector('[data-liner="cache-note"]')?.textContent).toMatch(
      /^From Liner's cache \(looked up .+\)\. The Liner server at http:\/\/127\.0\.0\.1:5733 is not reachable/,
    );
    expect(container.querySelector('[data-liner="import-failed"]')?.textContent).toBe(
      'Liner did not post this seedcolour: Unknown field',
    );
  });

  it('has no import action when nothing was found, only another look-up', () => {
    show({ result: sampleResult({ release: undefined }) });
    expect(container.querySelector('h2')?.textContent).toBe('Nothing found');
    expect(buttons()).toEqual(['×', 'Look up again']);
  });
});
