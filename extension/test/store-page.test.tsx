// @vitest-environment happy-dom
/**
 * The content script over a page's life: single-page navigation (and an answer for the page
 * before arriving late), a store switched off, a second start of the script, and list pages
 * whose release links are checked in batches and again as the page adds more.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StorePage, startStorePage } from '../src/content/controller.tsx';
import { runStore } from '../src/content/run.ts';
import type { Api } from '../src/content/send.ts';
import type { Request } from '../src/messages.ts';
import { site } from '../src/sites.ts';
import { inAct, recordShadowRoots, setUrl, shadowOf, viewport } from './support/dom.ts';
import { DEEZER_URL, EXISTING_MBID } from './support/release.ts';
import { storeApi } from './support/store-api.ts';

recordShadowRoots();
const DEEZER = site('deezer');
const bar = () =>
  shadowOf(document.querySelector('liner-import'))?.querySelector('[data-liner="bar"]');
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

let page: StorePage | undefined;
beforeEach(() => {
  setUrl(DEEZER_URL);
  document.body.innerHTML = '';
});
afterEach(() => {
  page?.stop();
  page = undefined;
});

describe('single-page navigation', () => {
  it('starts over for the new release when the URL changes without a reload', async () => {
    const { api, requests } = storeApi();
    page = await inAct(() => startStorePage(DEEZER, api, window));
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
    // The artist's page: the listing's bar, floating, and nothing asked until it is opened.
    expect(document.querySelector<HTMLElement>('liner-artist')?.dataset.placement).toBe('floating');
    window.history.pushState({}, '', '/en/album/200002');
    await vi.waitFor(() => expect(document.querySelector('liner-artist')).toBeNull(), {
      timeout: 2_000,
    });
    expect(requests.map((r) => r.type)).not.toContain('discography');
  });

  it('does not show the answer for the page before when it arrives late', async () => {
    const scripted = storeApi({ linked: { [DEEZER_URL]: [EXISTING_MBID] } });
    scripted.hold();
    page = await inAct(() => startStorePage(DEEZER, scripted.api, window));
    window.history.pushState({}, '', '/album/200002');
    await vi.waitFor(() => expect(scripted.checks()).toHaveLength(2), { timeout: 2_000 });
    // The new page's answer first, then the old page's "linked".
    scripted.release('newest-first');
    await settle();
    expect(bar()?.getAttribute('data-state')).toBe('not-linked');
    expect(document.querySelectorAll('liner-import')).toHaveLength(1);
  });
});

describe('a store switched off', () => {
  it('leaves no element and no observer on the page', async () => {
    const api = (async () => ({
      ok: false,
      problem: { kind: 'disabled', message: 'switched off', retryable: false },
    })) as Api;
    document.body.innerHTML = '<main id="app"></main>';
    page = await inAct(() => startStorePage(DEEZER, api, window));
    await settle();
    expect(document.querySelector('liner-import')).toBeNull();
    // A title appearing later must not bring an empty host back.
    document.getElementById('app')!.innerHTML = '<h1 data-testid="masthead-title">Late</h1>';
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(document.querySelector('liner-import')).toBeNull();
    expect(page.current()).toBeUndefined();
  });
});

describe('starting twice', () => {
  it('puts one button on the page when the script is injected again', async () => {
    const first = await inAct(() => runStore(site('deezer'), window));
    const second = await inAct(() => runStore(site('deezer'), window));
    await settle();
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    expect(document.querySelectorAll('liner-import')).toHaveLength(1);
    first!.stop();
    expect(document.querySelector('liner-import')).toBeNull();
    // Once stopped, a start runs again.
    runStore(site('deezer'), window)!.stop();
  });
});

describe('list pages', () => {
  const links = (from: number, to: number) =>
    Array.from(
      { length: to - from },
      (_, i) => `<li><a href="/album/r${from + i}">R${from + i}</a></li>`,
    ).join('');
  const url = (n: number) => `https://frisyr.bandcamp.com/album/r${n}`;
  const badges = () => [...document.querySelectorAll('liner-mb')];
  /** The number in a listed link's text ("R42"), as the window shows it. */
  const index = (element: Element) => Number(element.textContent?.slice(1));
  let shown: ReturnType<typeof viewport> | undefined;
  afterEach(() => shown?.restore());

  it('checks every listed release once, in one call, and marks the linked ones', async () => {
    shown = viewport();
    setUrl('https://frisyr.bandcamp.com/music');
    document.body.innerHTML = `<ol id="music-grid">
      <li><a href="/album/demo">Demo</a></li>
      <li><a href="https://frisyr.bandcamp.com/album/demo?from=grid">Demo again</a></li>
      <li><a href="/track/single">Single</a></li>
      <li><a href="https://other.bandcamp.com/album/elsewhere">Elsewhere</a></li>
      <li><a href="/merch">Merch</a></li></ol>`;
    const { api, requests } = storeApi({
      linked: { 'https://frisyr.bandcamp.com/album/demo': [EXISTING_MBID] },
    });
    page = await inAct(() => startStorePage(site('bandcamp'), api, window));
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
    expect(badges().map((b) => b.previousElementSibling?.textContent)).toEqual([
      'Demo',
      'Demo again',
    ]);
    expect(shadowOf(badges()[0])?.querySelector('a')?.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${EXISTING_MBID}`,
    );
    expect(document.querySelector('liner-import')).toBeNull();
  });

  it('asks in batches of 100, and again for the links the page adds later', async () => {
    shown = viewport();
    setUrl('https://frisyr.bandcamp.com/music');
    document.body.innerHTML = `<ol id="grid">${links(0, 150)}</ol>`;
    const scripted = storeApi({ linked: { [url(120)]: [EXISTING_MBID], [url(160)]: ['x'] } });
    page = await inAct(() => startStorePage(site('bandcamp'), scripted.api, window));
    await settle();
    const sizes = () =>
      scripted.checks().map((r) => (r as Extract<Request, { type: 'check' }>).urls.length);
    expect(sizes()).toEqual([100, 50]);
    expect(badges().map((b) => b.previousElementSibling?.textContent)).toEqual(['R120']);
    // The page renders its next part, and again a link to a release already answered.
    document
      .getElementById('grid')!
      .insertAdjacentHTML('beforeend', `${links(150, 170)}${links(120, 121)}`);
    await vi.waitFor(() => expect(sizes()).toEqual([100, 50, 20]), { timeout: 2_000 });
    await settle();
    expect(badges().map((b) => b.previousElementSibling?.textContent)).toEqual([
      'R120',
      'R160',
      'R120',
    ]);
  });

  it('asks only about the links in view, and about more as they come into view, 200 at most', async () => {
    let lastShown = 30;
    shown = viewport((element) => index(element) < lastShown);
    setUrl('https://frisyr.bandcamp.com/music');
    document.body.innerHTML = `<ol id="grid">${links(0, 350)}</ol>`;
    const scripted = storeApi({ linked: { [url(10)]: [EXISTING_MBID], [url(340)]: ['x'] } });
    page = await inAct(() => startStorePage(site('bandcamp'), scripted.api, window));
    const asked = () =>
      scripted.checks().flatMap((r) => (r as Extract<Request, { type: 'check' }>).urls);
    await vi.waitFor(() => expect(asked()).toHaveLength(30), { timeout: 2_000 });
    expect(asked()).toEqual(Array.from({ length: 30 }, (_, i) => url(i)));
    await settle();
    expect(badges().map((b) => b.previousElementSibling?.textContent)).toEqual(['R10']);
    // The user scrolls to the end: what came into view is asked about, up to the page's cap.
    lastShown = 350;
    shown.scroll();
    await vi.waitFor(() => expect(asked()).toHaveLength(200), { timeout: 2_000 });
    expect(new Set(asked()).size).toBe(200);
    await settle();
    expect(asked()).toHaveLength(200);
    // The 341st link was never asked about, so it gets no badge though MusicBrainz has it.
    expect(badges().map((b) => b.previousElementSibling?.textContent)).toEqual(['R10']);
  });
});
