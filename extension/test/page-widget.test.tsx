// @vitest-environment happy-dom
/**
 * The content script on a release page: the button next to the title or floating, in a closed
 * shadow root that only the user's own clicks work in, the badge, the click with its progress,
 * the panel above the page, errors with Retry. The background is replaced by a scripted Api, the
 * content script's one way out.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StorePage, startStorePage } from '../src/content/controller.tsx';
import { createMount } from '../src/content/mount.ts';
import { site } from '../src/sites.ts';
import {
  buttonNamed,
  inAct,
  recordShadowRoots,
  setUrl,
  shadowOf,
  userClick,
} from './support/dom.ts';
import { DEEZER_URL, EXISTING_MBID } from './support/release.ts';
import { storeApi, unreachable } from './support/store-api.ts';

recordShadowRoots();
const DEEZER = site('deezer');
const host = () => document.querySelector('liner-import') as HTMLElement | null;
const root = () => shadowOf(host());
const overlay = () => shadowOf(document.querySelector('liner-import-overlay'));
const shadow = <T extends HTMLElement = HTMLElement>(selector: string) =>
  root()?.querySelector<T>(selector) ?? null;
const panel = () => overlay()?.querySelector<HTMLElement>('[data-liner="panel"]') ?? null;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
// Fixed pauses alone are a race on a loaded machine: what the test clicks is waited for, and the
// widget is rendered inside act() so that its first effect (the badge check) runs before act ends.
const press = async (target: () => Element | null) => {
  const element = await vi.waitFor(() => {
    const found = target();
    if (!found) throw new Error('nothing to click yet');
    return found;
  });
  await act(async () => userClick(element));
  await settle();
};
const start = async (api: Parameters<typeof startStorePage>[1]) => {
  page = await inAct(() => startStorePage(DEEZER, api, window));
  await settle();
  return page!;
};

let page: StorePage | undefined;

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
  it('says Import, shows progress while looking up, then the panel above the page', async () => {
    const { api, requests } = storeApi();
    page = await start(api);
    expect(requests[0]).toEqual({ type: 'check', urls: [DEEZER_URL] });
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('not-linked');
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Import');
    await press(() => shadow('[data-liner="import"]'));
    expect(requests[1]).toEqual({ type: 'lookup', url: DEEZER_URL, refresh: false });
    // Its own host at the top of the document: no store container can clip it.
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
    expect(document.querySelector('liner-import-overlay')?.parentElement).toBe(
      document.documentElement,
    );
    expect(root()?.querySelector('[data-liner="panel"]')).toBeNull();
    await press(() => buttonNamed(panel()!, 'Open in MusicBrainz'));
    expect(requests[2]).toEqual({ type: 'import', url: DEEZER_URL, permalink: 'perm1234abcd' });
    expect(panel()?.querySelector('[data-liner="import-done"]')?.textContent).toBe(
      'Opened the release editor in a new tab.',
    );
    await press(() => buttonNamed(panel()!, 'Look up again'));
    expect(requests[3]).toEqual({ type: 'lookup', url: DEEZER_URL, refresh: true });
  });

  it('is out of the page’s reach: closed, and deaf to a script’s clicks', async () => {
    const { api, requests } = storeApi();
    page = await start(api);
    expect(host()?.shadowRoot).toBeNull();
    await act(async () => shadow('[data-liner="import"]')!.click());
    await settle();
    expect(requests.map((r) => r.type)).toEqual(['check']);
    await press(() => shadow('[data-liner="import"]'));
    await act(async () => buttonNamed(panel()!, 'Open in MusicBrainz').click());
    await settle();
    expect(requests.map((r) => r.type)).toEqual(['check', 'lookup']);
  });

  it('says "In MusicBrainz" with links for a linked page', async () => {
    const { api } = storeApi({ linked: { [DEEZER_URL]: [EXISTING_MBID] } });
    page = await start(api);
    expect(shadow('[data-liner="badge"]')?.textContent).toBe('In MusicBrainz: 6a0c1b3f');
    expect(shadow('[data-liner="badge"] a')?.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${EXISTING_MBID}`,
    );
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Look up');
  });

  it('says in words that the server is down and retries on request', async () => {
    const scripted = storeApi();
    scripted.setDown(true);
    page = await start(scripted.api);
    expect(shadow('[data-liner="problem"]')?.textContent).toBe(unreachable.message);
    scripted.setDown(false);
    await press(() => buttonNamed(root(), 'Retry'));
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('not-linked');
    expect(scripted.checks()).toHaveLength(2);
  });

  it('still imports when the badge could not be had, with links to the chosen site', async () => {
    const scripted = storeApi({
      musicbrainzUrl: 'https://test.musicbrainz.org',
      existing: [EXISTING_MBID],
    });
    scripted.failChecks({ kind: 'rate-limited', message: 'Too many requests.', retryable: true });
    page = await start(scripted.api);
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('problem');
    // The badge is advisory: Retry for it, and Import all the same.
    expect(buttonNamed(root(), 'Retry')).toBeTruthy();
    await press(() => buttonNamed(root(), 'Import'));
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
    expect(panel()?.querySelector('[data-liner="existing"] a')?.getAttribute('href')).toBe(
      `https://test.musicbrainz.org/release/${EXISTING_MBID}`,
    );
    await press(() => buttonNamed(panel()!, 'Open in MusicBrainz'));
    expect(scripted.requests.at(-1)).toMatchObject({ type: 'import', url: DEEZER_URL });
  });

  it('shows an answer MusicBrainz could not give, and an old one it could not renew', async () => {
    const checked = '2026-11-20T10:00:00.000Z';
    const answers = [
      { status: 'unknown', mbids: [], error: 'MusicBrainz is slow' },
      { status: 'linked', mbids: [EXISTING_MBID], stale: { checkedAt: checked, reason: 'busy' } },
    ];
    for (const state of answers) {
      const api = (async () => ({
        ok: true,
        musicbrainzUrl: 'https://musicbrainz.org',
        states: [{ url: DEEZER_URL, canonicalUrl: DEEZER_URL, ...state }],
      })) as never;
      page = await start(api);
      if (state.status === 'unknown') {
        expect(shadow('[data-liner="unchecked"]')?.textContent).toBe(
          'not checked in MusicBrainz: MusicBrainz is slow',
        );
        expect(shadow('[data-liner="import"]')?.textContent).toBe('Import');
      } else {
        expect(shadow('[data-liner="badge"]')?.textContent).toBe('In MusicBrainz: 6a0c1b3f');
        expect(shadow('[data-liner="stale"]')?.textContent).toMatch(
          /^answer of .+, not checked again: busy$/,
        );
      }
      page.stop();
    }
  });
});

describe('the look-up', () => {
  it('shows its progress while it runs, and a failure in words with Retry', async () => {
    const scripted = storeApi();
    page = await start(scripted.api);
    scripted.hold();
    scripted.setDown(true);
    await press(() => shadow('[data-liner="import"]'));
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('looking');
    expect(shadow('[data-liner="progress"]')?.textContent).toBe('Looking up at the stores… 0 s');
    expect(shadow<HTMLButtonElement>('[data-liner="progress"]')?.disabled).toBe(true);
    scripted.release();
    await settle();
    expect(shadow('[data-liner="problem"]')?.textContent).toBe(unreachable.message);
    scripted.setDown(false);
    await press(() => buttonNamed(root(), 'Retry'));
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
  });
});
