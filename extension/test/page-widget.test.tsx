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
import type { Api } from '../src/content/send.ts';
import type { Request } from '../src/messages.ts';
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

describe('a look-up that waits at the server', () => {
  it('says what it waits for (MusicBrainz queue, estimate, deadline) until the answer comes', async () => {
    const scripted = storeApi();
    const status = {
      lookupsRunning: 3,
      deadlineMs: 30_000,
      musicbrainz: { queuedUrls: 45, untilFreeMs: 600, etaMs: 1700 },
    };
    const api = (async (request: Request) =>
      request.type === 'lookup.queue'
        ? { ok: true, status }
        : scripted.api(request)) as unknown as Api;
    page = await start(api);
    scripted.hold();
    await press(() => shadow('[data-liner="import"]'));
    await vi.waitFor(
      () =>
        expect(shadow('[data-liner="queue"]')?.textContent).toBe(
          "Queued behind MusicBrainz's rate limit: 45 URLs waiting, about 2 s (the answer comes within 30 s, with what has arrived)",
        ),
      { timeout: 5000 },
    );
    scripted.release();
    await settle();
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
    expect(shadow('[data-liner="queue"]')).toBeNull();
  });
});

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
  it('says "Import to MusicBrainz", shows progress while looking up, then the panel above the page', async () => {
    const { api, requests } = storeApi();
    page = await start(api);
    expect(requests[0]).toEqual({ type: 'check', urls: [DEEZER_URL] });
    expect(shadow('[data-liner="bar"]')?.dataset.state).toBe('not-linked');
    expect(shadow('[data-liner="badge"]')?.textContent).toBe('Not in MusicBrainz yet');
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Import to MusicBrainz');
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
    // Closing gives the keyboard focus back to the button, not to the top of the page.
    await press(() => panel()!.querySelector('button.close'));
    expect(panel()).toBeNull();
    expect(root()?.activeElement).toBe(shadow('[data-liner="import"]'));
  });

  it('does what the button does on the keyboard shortcut, and places itself by the title it found', async () => {
    document.body.innerHTML = '<main><h1 class="unknown">Night Shift</h1></main>';
    const { api, requests } = storeApi();
    page = await start(api);
    expect(host()?.dataset.placement).toBe('floating');
    await act(async () => page!.importCommand());
    await settle();
    expect(requests.map((r) => r.type)).toEqual(['check', 'lookup']);
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
    // The look-up said the title: the button now sits after the heading that names it.
    await vi.waitFor(() => expect(host()?.dataset.placement).toBe('title'));
    expect(document.querySelector('h1')?.nextElementSibling).toBe(host());
    // Again with the panel open: no second look-up.
    await act(async () => page!.importCommand());
    await settle();
    expect(requests.map((r) => r.type)).toEqual(['check', 'lookup']);
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

  it('says "In MusicBrainz: <title>" with links for a linked page', async () => {
    const { api } = storeApi({ linked: { [DEEZER_URL]: [EXISTING_MBID] } });
    page = await start(api);
    expect(shadow('[data-liner="badge"]')?.textContent).toBe('In MusicBrainz: release 6a0c1b3f');
    page.stop();
    const titled = storeApi({
      linked: { [DEEZER_URL]: [EXISTING_MBID] },
      titles: { [EXISTING_MBID]: 'Night Shift' },
    });
    page = await start(titled.api);
    expect(shadow('[data-liner="badge"]')?.textContent).toBe('In MusicBrainz: Night Shift');
    expect(shadow('[data-liner="badge"] a')?.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${EXISTING_MBID}`,
    );
    expect(shadow('[data-liner="import"]')?.textContent).toBe('Compare with stores');
  });

  it('finds the title on unfamiliar markup: the h1 that starts the page’s og:title', () => {
    document.head.innerHTML =
      '<meta property="og:title" content="Night Shift - Album by Ada Lane | Store">';
    document.body.innerHTML =
      '<header><h1>Store</h1></header><main><div class="x9"><h1 class="y2">Night Shift</h1></div></main>';
    const mount = createMount(document, DEEZER.anchors, '', undefined, { matchTitle: true });
    expect(mount.placement()).toBe('title');
    expect(document.querySelector('h1.y2')?.nextElementSibling).toBe(mount.host);
    mount.destroy();
    // Without the option (MusicBrainz's boxes) only the anchors count.
    const plain = createMount(document, DEEZER.anchors, '');
    expect(plain.placement()).toBe('floating');
    plain.destroy();
    document.head.innerHTML = '';
  });

  it('matches itemprop=name (not a track’s) and the titles MusicBrainz and the look-up give', async () => {
    document.body.innerHTML = `<main><ol><li itemprop="track" itemscope><span itemprop="name">Night Shift</span></li></ol>
<div itemscope itemtype="https://schema.org/MusicAlbum"><span itemprop="name" id="album">Night  Shift!</span></div>
<h1 id="other">Night Shiftless</h1></main>`;
    const mount = createMount(document, DEEZER.anchors, '', undefined, { matchTitle: true });
    // Nothing says what the title is yet: the corner.
    expect(mount.placement()).toBe('floating');
    mount.knowTitles(['Night Shift']);
    expect(mount.placement()).toBe('title');
    expect(document.getElementById('album')?.nextElementSibling).toBe(mount.host);
    // A known anchor still wins when it appears.
    document
      .querySelector('main')!
      .insertAdjacentHTML('afterbegin', '<h1 data-testid="masthead-title">Night Shift</h1>');
    await vi.waitFor(() => expect(mount.placement()).toBe('anchored'));
    mount.destroy();
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
    await press(() => buttonNamed(root(), 'Import to MusicBrainz'));
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
        expect(shadow('[data-liner="import"]')?.textContent).toBe('Import to MusicBrainz');
        // Not checked is not "not in MusicBrainz".
        expect(shadow('[data-liner="badge"]')).toBeNull();
      } else {
        expect(shadow('[data-liner="badge"]')?.textContent).toBe(
          'In MusicBrainz: release 6a0c1b3f',
        );
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
    // Still the button the user pressed (focus stays on it), marked busy rather than disabled.
    expect(shadow('[data-liner="progress"]')?.getAttribute('aria-disabled')).toBe('true');
    await press(() => shadow('[data-liner="progress"]'));
    expect(scripted.requests.filter((r) => r.type === 'lookup')).toHaveLength(1);
    scripted.release();
    await settle();
    expect(shadow('[data-liner="problem"]')?.textContent).toBe(unreachable.message);
    scripted.setDown(false);
    await press(() => buttonNamed(root(), 'Retry'));
    expect(panel()?.querySelector('h2')?.textContent).toBe('Night Shift');
  });
});
