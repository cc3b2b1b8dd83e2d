// @vitest-environment happy-dom
/**
 * The content script on a page: the button next to the title or floating, the badge, the click
 * with its progress, errors with Retry, and single-page navigation. The background is replaced
 * by a scripted Api, the content script's one way out.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StorePage, startStorePage } from '../src/content/controller.tsx';
import { createMount } from '../src/content/mount.ts';
import type { Api } from '../src/content/send.ts';
import type { Request } from '../src/messages.ts';
import { site } from '../src/sites.ts';
import { DEEZER_URL, EXISTING_MBID, sampleResult } from './support/release.ts';

const DEEZER = site('deezer');
const unreachable = {
  kind: 'unreachable',
  message: 'The Liner server at http://127.0.0.1:5733 is not reachable. Is it running?',
  retryable: true,
} as const;

function scriptedApi(linked: Record<string, string[]> = {}) {
  const requests: Request[] = [];
  let down = false;
  const api = (async (request: Request) => {
    requests.push(request);
    if (down) return { ok: false, problem: unreachable };
    if (request.type === 'check') {
      return {
        ok: true,
        musicbrainzUrl: 'https://musicbrainz.org',
        states: request.urls.map((url) => ({
          url,
          canonicalUrl: url.replace('/en/', '/'),
          status: linked[url] ? 'linked' : 'not-linked',
          mbids: linked[url] ?? [],
        })),
      };
    }
    if (request.type === 'lookup') return { ok: true, result: sampleResult() };
    return { ok: true, action: 'add', builtLocally: false };
  }) as Api;
  return { api, requests, setDown: (value: boolean) => (down = value) };
}

const host = () => document.querySelector('liner-import') as HTMLElement | null;
const shadow = <T extends HTMLElement = HTMLElement>(selector: string) =>
  host()?.shadowRoot?.querySelector<T>(selector) ?? null;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

let page: StorePage | undefined;

/** happy-dom's way to put the window at a store's URL. */
function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

beforeEach(() => {
  setUrl(DEEZER_URL);
  document.body.innerHTML = '';
});
afterEach(() => page?.stop());

describe('placement', () => {
  it('goes next to the release title when a known anchor exists', () => {
    document.body.innerHTML =
      '<main><h1 data-testid="masthead-title">Night Shift</h1><p>x</p></main>';
    const mount = createMount(document, DEEZER.anchors, '');
    expect(mount.placement()).toBe('anchored');
    expect(document.querySelector('h1')?.nextElementSibling).toBe(mount.host);
    mount.destroy();
  });

  it('floats in a corner without one, and moves to the title when the page renders it late', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const mount = createMount(document, DEEZER.anchors, '');
    expect(mount.placement()).toBe('floating');
    expect(mount.host.parentElement).toBe(document.body);
    expect(mount.host.dataset.placement).toBe('floating');
    document.getElementById('app')!.innerHTML = '<h1 data-testid="masthead-title">Late</h1>';
    await vi.waitFor(() => expect(mount.placement()).toBe('anchored'));
    expect(document.querySelector('h1')?.nextElementSibling).toBe(mount.host);
    // A redesign removes the title: the button goes back to the corner instead of vanishing.
    document.getElementById('app')!.innerHTML = '<h2>new design</h2>';
    await vi.waitFor(() => expect(mount.placement()).toBe('floating'));
    expect(mount.host.isConnected).toBe(true);
    mount.destroy();
  });
});

describe('the button', () => {
  it('says Import, shows progress while looking up, then the panel', async () => {
    const { api, requests } = scriptedApi();
    page = startStorePage(DEEZER, api, window);
    await settle();
    expect(requests[0]).toEqual({ type: 'check', urls: [DEEZER_URL] });
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('not-linked');
    const button = shadow('[data-liner="import"]')!;
    expect(button.textContent).toBe('Import');
    await act(async () => button.click());
    expect(shadow('[data-liner="panel"] h2')?.textContent).toBe('Night Shift');
    expect(requests[1]).toEqual({ type: 'lookup', url: DEEZER_URL, refresh: false });
    await act(async () =>
      [...host()!.shadowRoot!.querySelectorAll('button')]
        .find((b) => b.textContent === 'Open in MusicBrainz')!
        .click(),
    );
    await settle();
    expect(requests[2]).toEqual({ type: 'import', url: DEEZER_URL, permalink: 'perm1234abcd' });
    expect(shadow('[data-liner="import-done"]')?.textContent).toBe(
      'Opened the release editor in a new tab.',
    );
  });

  it('says "In MusicBrainz" with links for a linked page', async () => {
    const { api } = scriptedApi({ [DEEZER_URL]: [EXISTING_MBID] });
    page = startStorePage(DEEZER, api, window);
    await settle();
    expect(shadow('[data-liner="badge"]')?.textContent).toBe('In MusicBrainz: 6a0c1b3f');
    expect(shadow('[data-liner="badge"] a')?.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${EXISTING_MBID}`,
    );
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Look up');
  });

  it('says in words that the server is down and retries on request', async () => {
    const scripted = scriptedApi();
    scripted.setDown(true);
    page = startStorePage(DEEZER, scripted.api, window);
    await settle();
    expect(shadow('[data-liner="problem"]')?.textContent).toBe(unreachable.message);
    const retry = [...host()!.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent === 'Retry',
    )!;
    scripted.setDown(false);
    await act(async () => retry.click());
    await settle();
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Import');
    expect(scripted.requests.filter((r) => r.type === 'check')).toHaveLength(2);
  });
});

describe('the look-up', () => {
  it('shows its progress while it runs, and a failure in words with Retry', async () => {
    const scripted = scriptedApi();
    let finish: (answer: unknown) => void = () => {};
    const api = (async (request: Request) =>
      request.type === 'lookup'
        ? new Promise((resolve) => {
            finish = resolve as (answer: unknown) => void;
          })
        : scripted.api(request)) as Api;
    page = startStorePage(DEEZER, api, window);
    await settle();
    await act(async () => shadow('[data-liner="import"]')!.click());
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('looking');
    expect(shadow('[data-liner="progress"]')?.textContent).toBe('Looking up at the stores… 0 s');
    expect(shadow<HTMLButtonElement>('[data-liner="progress"]')?.disabled).toBe(true);
    const timeout = {
      kind: 'timeout',
      message: 'The Liner server at http://127.0.0.1:5733 is too slow: no answer within 60 s.',
      retryable: true,
    };
    finish({ ok: false, problem: timeout });
    await settle();
    expect(shadow('[data-liner="problem"]')?.textContent).toBe(timeout.message);
    const retry = [...host()!.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent === 'Retry',
    )!;
    await act(async () => retry.click());
    expect(shadow('[data-liner="progress"]')).not.toBeNull();
    finish({ ok: true, result: sampleResult() });
    await settle();
    expect(shadow('[data-liner="panel"] h2')?.textContent).toBe('Night Shift');
  });
});

describe('single-page navigation', () => {
  it('starts over for the new release when the URL changes without a reload', async () => {
    const { api, requests } = scriptedApi();
    page = startStorePage(DEEZER, api, window);
    await settle();
    expect(page.current()).toBe(DEEZER_URL);
    window.history.pushState({}, '', '/en/album/200002');
    await vi.waitFor(() => expect(page!.current()).toBe('https://www.deezer.com/album/200002'), {
      timeout: 2_000,
    });
    await settle();
    expect(requests.at(-1)).toEqual({
      type: 'check',
      urls: ['https://www.deezer.com/en/album/200002'],
    });
    expect(document.querySelectorAll('liner-import')).toHaveLength(1);
    window.history.pushState({}, '', '/en/artist/27');
    await vi.waitFor(() => expect(page!.current()).toBeUndefined(), { timeout: 2_000 });
    expect(document.querySelector('liner-import')).toBeNull();
  });
});

describe('list pages', () => {
  it('checks every listed release in one call and marks the linked ones', async () => {
    setUrl('https://frisyr.bandcamp.com/music');
    document.body.innerHTML = `<ol id="music-grid">
      <li><a href="/album/demo">Demo</a></li>
      <li><a href="https://frisyr.bandcamp.com/album/demo?from=grid">Demo again</a></li>
      <li><a href="/track/single">Single</a></li>
      <li><a href="https://other.bandcamp.com/album/elsewhere">Elsewhere</a></li>
      <li><a href="/merch">Merch</a></li></ol>`;
    const { api, requests } = scriptedApi({
      'https://frisyr.bandcamp.com/album/demo': [EXISTING_MBID],
    });
    page = startStorePage(site('bandcamp'), api, window);
    await settle();
    expect(requests).toEqual([
      {
        type: 'check',
        urls: [
          'https://frisyr.bandcamp.com/album/demo',
          'https://frisyr.bandcamp.com/track/single',
          'https://other.bandcamp.com/album/elsewhere',
        ],
      },
    ]);
    const badges = [...document.querySelectorAll('liner-mb')];
    expect(badges.map((b) => b.previousElementSibling?.textContent)).toEqual([
      'Demo',
      'Demo again',
    ]);
    expect(badges[0]!.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${EXISTING_MBID}`,
    );
    expect(document.querySelector('liner-import')).toBeNull();
  });
});
