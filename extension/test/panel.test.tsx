// @vitest-environment happy-dom
/** Panel and button rendering: values with their sources, conflicts, messages, store text as text. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../src/content/ui/panel.tsx';
import { userClick, userKey } from './support/dom.ts';
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

  it("lists each track's existing recording or why it is new, and the release group, as text", () => {
    const result = sampleResult();
    result.recordings = [
      {
        medium: 1,
        position: 1,
        title: 'Dusk',
        isrc: 'GBAAA2300001',
        matched: true,
        mbid: '0c0c0c0c-0000-4000-8000-000000000001',
        recordingTitle: '<b>Dusk</b>',
        reason: 'same ISRC and title, length the same',
      },
      { medium: 1, position: 2, title: 'Dawn', matched: false, reason: 'the stores give no ISRC' },
    ];
    result.releaseGroup = {
      mbid: '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4',
      title: 'Night Shift',
      reason: '1 of the 1 recordings matched by ISRC are on its releases',
    };
    show({ result });
    const section = container.querySelector('[data-liner="recordings"]')!;
    expect(section.querySelector('summary')?.textContent).toBe(
      '1 of 2 tracks are existing recordings',
    );
    const items = [...section.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      '1.1 Dusk: <b>Dusk</b> (same ISRC and title, length the same)',
      '1.2 Dawn: new recording (the stores give no ISRC)',
    ]);
    expect(section.querySelector('b')).toBeNull();
    expect(section.querySelector('li a')?.getAttribute('href')).toBe(
      'https://musicbrainz.org/recording/0c0c0c0c-0000-4000-8000-000000000001',
    );
    expect(section.querySelector('[data-liner="release-group"]')?.textContent).toBe(
      'Release group: Night Shift (1 of the 1 recordings matched by ISRC are on its releases)',
    );
  });

  it('shows no recordings section when matching did not run', () => {
    show();
    expect(container.querySelector('[data-liner="recordings"]')).toBeNull();
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
    const providers = container.querySelectorAll('[data-liner="providers"] li');
    expect(providers[0]?.textContent).toBe('✓ Deezer');
    expect(providers[1]?.getAttribute('data-failed')).toBe('');
    expect(providers[1]?.firstChild?.textContent).toBe('✗');
    expect(providers[1]?.childNodes[2]?.textContent).toBe(
      'Apple Music / iTunes did not answer in time',
    );
    // The technical detail is there, folded away.
    const details = providers[1]?.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.querySelector('p')?.textContent).toBe('itunes did not answer within 15000 ms');
  });

  it('says a failed provider’s sentence once: under the stores asked, not again as a message', () => {
    const echo = {
      level: 'error' as const,
      provider: 'itunes' as const,
      text: 'Apple Music / iTunes did not answer in time',
    };
    show({ result: sampleResult({ messages: [echo] }) });
    expect(container.querySelector('[data-liner="messages"]')).toBeNull();
    expect(container.textContent?.split(echo.text)).toHaveLength(2);
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
    expect(buttons()).toEqual(['Open in MusicBrainz', 'Add missing links', 'Look up again', '×']);
    const link = container.querySelector<HTMLAnchorElement>('[data-liner="existing"] a');
    expect(link?.href).toBe(`https://musicbrainz.org/release/${EXISTING_MBID}`);
    expect(link?.textContent).toBe(`release ${EXISTING_MBID.slice(0, 8)}`);
    act(() => userClick(container.querySelectorAll('button')[1]!));
    expect(props.onImport).toHaveBeenCalledWith(EXISTING_MBID);
    act(() => userClick(container.querySelectorAll('button')[0]!));
    expect(props.onImport).toHaveBeenLastCalledWith();
    act(() => userClick(container.querySelectorAll('button')[2]!));
    expect(props.onRefresh).toHaveBeenCalledOnce();
    // A page script's click is not the user's.
    act(() => container.querySelectorAll('button')[0]!.click());
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
    expect(buttons()).toEqual(['Look up again', '×']);
  });

  it('names linked releases by their MusicBrainz titles', () => {
    show({
      existing: [EXISTING_MBID, '0c1b3f6a-2d4e-4f5a-8b9c-0d1e2f3a4b5c'],
      titles: { [EXISTING_MBID]: 'Night Shift (2023)' },
    });
    expect(container.querySelector('[data-liner="existing"]')?.textContent).toBe(
      'Already in MusicBrainz: Night Shift (2023), release 0c1b3f6a',
    );
    expect(buttons()).toContain('Add missing links to Night Shift (2023)');
  });

  it('is a dialog the keyboard reaches: focus on its title when it opens, Escape closes it', () => {
    const props = show();
    const dialog = container.querySelector('[role="dialog"]')!;
    const title = dialog.querySelector('h2')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(title.id);
    expect(document.activeElement).toBe(title);
    act(() => userKey(title, 'Enter'));
    expect(props.onClose).not.toHaveBeenCalled();
    // A script's Escape is not the user's.
    act(() => {
      title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onClose).not.toHaveBeenCalled();
    act(() => userKey(title, 'Escape'));
    expect(props.onClose).toHaveBeenCalledOnce();
  });
});
