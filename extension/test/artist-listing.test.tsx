// @vitest-environment happy-dom
/**
 * The artist listing in the page: on a store's artist page a bar opens the panel, which says how
 * far the server's listing is while it runs, then lists each release with its state, filters to
 * the missing ones and by type, and imports a missing release through the usual look-up and
 * import, on the user's own click only. On a MusicBrainz artist page the store pages come from
 * the sidebar, and only those the store declarations recognize as listable artist pages.
 */
import { type Discography, discographySchema, listedReleaseSchema } from '@liner/shared/contracts';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StorePage, startStorePage } from '../src/content/controller.tsx';
import { ArtistBox, storeArtistPages } from '../src/content/musicbrainz/artist-box.tsx';
import type { Api } from '../src/content/send.ts';
import { ListingRows } from '../src/content/ui/listing-rows.tsx';
import type { Request } from '../src/messages.ts';
import { site } from '../src/sites.ts';
import { inAct, recordShadowRoots, setUrl, shadowOf, userClick } from './support/dom.ts';
import { sampleResult } from './support/release.ts';

recordShadowRoots();
const ARTIST = 'https://www.deezer.com/artist/27';
const MISSING = 'https://www.deezer.com/album/100001';
const LINKED_MBID = '0f0e0d0c-0b0a-4909-8807-060504030201';

/** HAND-WRITTEN: a listing as the background answers it. */
const LISTING: Discography = discographySchema.parse({
  store: 'deezer',
  artist: { url: ARTIST, name: 'Ada Lane' },
  releases: [
    { url: MISSING, title: 'Night Shift', type: 'album', date: '2023-05-05', state: 'missing' },
    {
      url: 'https://www.deezer.com/album/100002',
      title: 'Day Shift',
      type: 'single',
      state: 'linked',
      mbids: [LINKED_MBID],
    },
    { url: 'https://www.deezer.com/album/100003', title: 'Dawn', type: 'single', state: 'missing' },
    { url: 'https://www.deezer.com/album/100004', title: 'Noon', type: 'album', state: 'unknown' },
  ],
  pages: 2,
  musicbrainzRequests: 2,
  messages: [{ level: 'warning', provider: 'deezer', text: 'one page came late' }],
});

function scriptedApi() {
  const requests: Request[] = [];
  let finish: () => void = () => {};
  const listed = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const api = (async (request: Request) => {
    requests.push(request);
    switch (request.type) {
      case 'discography.progress':
        return { ok: true, progress: { phase: 'store', pages: 2, releases: 100, total: 150 } };
      case 'discography':
        await listed;
        return { ok: true, discography: LISTING, musicbrainzUrl: 'https://test.musicbrainz.org' };
      case 'lookup':
        return { ok: true, result: sampleResult(), musicbrainzUrl: 'https://test.musicbrainz.org' };
      case 'import':
        return { ok: true, action: 'add', builtLocally: false };
      default:
        return { ok: false, problem: { kind: 'bad-answer', message: 'no', retryable: false } };
    }
  }) as Api;
  return { api, requests, finish };
}

const overlay = () => shadowOf(document.querySelector('liner-artist-overlay'));
const inPanel = <T extends Element = HTMLElement>(selector: string) =>
  overlay()?.querySelector<T>(selector) ?? null;
const rows = () =>
  [...(overlay()?.querySelectorAll<HTMLElement>('tbody tr') ?? [])].map((row) => [
    row.querySelector('td')?.textContent,
    row.querySelector('td:nth-child(4)')?.textContent,
  ]);
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const found = <T,>(get: () => T | null | undefined) =>
  vi.waitFor(
    () => {
      const value = get();
      if (!value) throw new Error('not there yet');
      return value;
    },
    { timeout: 3000 },
  );

let page: StorePage | undefined;
beforeEach(() => {
  setUrl('https://www.deezer.com/en/artist/27');
  document.body.innerHTML = '';
});
afterEach(() => page?.stop());

describe('the listing on a store’s artist page', () => {
  it('shows progress, then each release’s state, filters, and imports a missing one', async () => {
    const { api, requests, finish } = scriptedApi();
    page = await inAct(() => startStorePage(site('deezer'), api, window));
    const open = await found(() =>
      shadowOf(document.querySelector('liner-artist'))?.querySelector('button'),
    );
    // A page's own script click opens nothing.
    open.click();
    await settle();
    expect(requests).toEqual([]);
    await act(async () => userClick(open));
    await found(() => /page 2, 100 of 150 releases so far/.test(inPanel('p')?.textContent ?? ''));
    const ask = requests.find((r) => r.type === 'discography');
    expect(ask).toMatchObject({ url: ARTIST, refresh: false });
    await act(async () => finish());
    await found(() => inPanel('[data-liner="listing"]'));
    expect(rows()).toEqual([
      ['Night Shift', 'Missing'],
      ['Day Shift', 'In MusicBrainz'],
      ['Dawn', 'Missing'],
      ['Noon', 'Not checked'],
    ]);
    expect(inPanel<HTMLAnchorElement>('tr[data-state="linked"] a[href*="musicbrainz"]')?.href).toBe(
      `https://test.musicbrainz.org/release/${LINKED_MBID}`,
    );
    expect(inPanel('[data-liner="messages"]')?.textContent).toBe('deezer: one page came late');

    const missingOnly = inPanel<HTMLInputElement>('[data-liner="missing-only"]')!;
    await act(async () => {
      missingOnly.checked = true;
      missingOnly.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rows().map(([title]) => title)).toEqual(['Night Shift', 'Dawn']);
    const type = inPanel<HTMLSelectElement>('[data-liner="type-filter"]')!;
    expect([...type.options].map((o) => o.value)).toEqual(['', 'album', 'single']);
    await act(async () => {
      type.value = 'album';
      type.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rows().map(([title]) => title)).toEqual(['Night Shift']);

    const importButton = inPanel<HTMLButtonElement>('[data-liner="import"]')!;
    importButton.click();
    await settle();
    expect(requests.filter((r) => r.type === 'lookup')).toEqual([]);
    await act(async () => userClick(importButton));
    await found(() => inPanel('[data-liner="import-done"]'));
    expect(requests.filter((r) => r.type === 'lookup' || r.type === 'import')).toEqual([
      { type: 'lookup', url: MISSING },
      { type: 'import', url: MISSING, permalink: sampleResult().id },
    ]);
  });
});

describe('the progress poll', () => {
  const polls = (requests: Request[]) =>
    requests.filter((r) => r.type === 'discography.progress').length;
  /** Waits past the poll's period, then says whether it asked again meanwhile. */
  const pollsStopped = async (requests: Request[]) => {
    const before = polls(requests);
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    return polls(requests) === before;
  };
  const openListing = async (requests: Request[]) => {
    const open = await found(() =>
      shadowOf(document.querySelector('liner-artist'))?.querySelector('button'),
    );
    await act(async () => userClick(open));
    await vi.waitFor(() => expect(polls(requests)).toBeGreaterThan(0), { timeout: 3000 });
  };

  it('stops when the panel is closed, and when the page navigates away, while the listing runs', async () => {
    const { api, requests, finish } = scriptedApi();
    page = await inAct(() => startStorePage(site('deezer'), api, window));
    await openListing(requests);
    const close = inPanel<HTMLButtonElement>('button.close')!;
    await act(async () => userClick(close));
    expect(inPanel('[data-liner="listing-panel"]')).toBeNull();
    expect(await pollsStopped(requests)).toBe(true);

    await openListing(requests);
    window.history.pushState({}, '', '/en/album/100001');
    await vi.waitFor(() => expect(document.querySelector('liner-artist')).toBeNull(), {
      timeout: 3000,
    });
    expect(await pollsStopped(requests)).toBe(true);
    // The answer arriving after the panel went shows nothing.
    await act(async () => finish());
    await settle();
    expect(document.querySelector('liner-artist-overlay')).toBeNull();
  }, 15_000);
});

describe('a listing that failed', () => {
  it('asks the server itself again on Retry, past the cache', async () => {
    const requests: Request[] = [];
    const api = (async (request: Request) => {
      requests.push(request);
      if (request.type !== 'discography') return { ok: true, progress: null };
      return requests.filter((r) => r.type === 'discography').length === 1
        ? { ok: false, problem: { kind: 'server-error', message: 'no', retryable: true } }
        : { ok: true, discography: LISTING, musicbrainzUrl: 'https://test.musicbrainz.org' };
    }) as Api;
    page = await inAct(() => startStorePage(site('deezer'), api, window));
    const open = await found(() =>
      shadowOf(document.querySelector('liner-artist'))?.querySelector('button'),
    );
    await act(async () => userClick(open));
    const retry = await found(() =>
      overlay()?.querySelector<HTMLButtonElement>('[data-liner="problem"] ~ button'),
    );
    await act(async () => userClick(retry));
    await found(() => inPanel('[data-liner="listing"]'));
    expect(requests.filter((r) => r.type === 'discography').map((r) => r.refresh)).toEqual([
      false,
      true,
    ]);
  });
});

describe('a click the user could not see', () => {
  const refusedText = /^Liner's button was transparent when it was clicked, so nothing was done\.$/;

  it('opens no listing from the bar, and checks nothing again from the panel', async () => {
    const { api, requests, finish } = scriptedApi();
    finish();
    page = await inAct(() => startStorePage(site('deezer'), api, window));
    const bar = await found(() => document.querySelector<HTMLElement>('liner-artist'));
    const open = await found(() => shadowOf(bar)?.querySelector('button'));
    bar.style.opacity = '0.1';
    await act(async () => userClick(open));
    expect(shadowOf(bar)?.querySelector('[data-liner="problem"]')?.textContent).toMatch(
      refusedText,
    );
    expect(requests).toEqual([]);
    bar.style.opacity = '';
    await act(async () => userClick(open));
    await found(() => inPanel('[data-liner="listing"]'));
    const host = document.querySelector<HTMLElement>('liner-artist-overlay')!;
    host.style.opacity = '0.1';
    await act(async () => userClick(inPanel('[data-liner="check-again"]')!));
    expect(inPanel('[data-liner="listing-view"] [data-liner="problem"]')?.textContent).toMatch(
      refusedText,
    );
    expect(requests.filter((r) => r.type === 'discography')).toHaveLength(1);
  });

  it('opens no listing from the MusicBrainz artist box', async () => {
    const { api, requests } = scriptedApi();
    const host = document.createElement('div');
    document.body.append(host);
    await act(() =>
      render(<ArtistBox pages={[{ url: ARTIST, store: 'Deezer' }]} api={api} />, host),
    );
    host.style.opacity = '0.1';
    await act(async () => userClick(host.querySelector('[data-liner="store-listing"]')!));
    expect(host.querySelector('[data-liner="problem"]')?.textContent).toMatch(refusedText);
    expect(requests).toEqual([]);
    await act(() => render(null, host));
  });
});

describe('rows the page cannot vouch for', () => {
  it('links and offers Import only for https pages of the listing’s own store', async () => {
    const { api } = scriptedApi();
    const missing = (url: string, title: string) =>
      listedReleaseSchema.parse({ url, title, state: 'missing' });
    const host = document.createElement('div');
    document.body.append(host);
    await act(() =>
      render(
        <ListingRows
          store="deezer"
          musicbrainzUrl="https://test.musicbrainz.org"
          api={api}
          releases={[
            missing(MISSING, 'Own store'),
            missing('https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy', 'Another store'),
            missing('http://www.deezer.com/album/100005', 'Plain http'),
            missing('https://example.com/album/1', 'Unrecognized'),
          ]}
        />,
        host,
      ),
    );
    const cells = [...host.querySelectorAll('tbody tr')].map((row) => [
      row.querySelector('td a')?.getAttribute('href') ?? null,
      row.querySelector('td')?.textContent,
      row.querySelector('[data-liner="import"]')
        ? 'import'
        : (row.querySelector('td:last-child')?.textContent ?? ''),
    ]);
    expect(cells).toEqual([
      [MISSING, 'Own store', 'import'],
      [null, 'Another store', ''],
      [null, 'Plain http', ''],
      [null, 'Unrecognized', ''],
    ]);
    await act(() => render(null, host));
  });
});

describe('a store switched off', () => {
  it('takes the bar and its panel away when the listing says so', async () => {
    const api = (async () => ({
      ok: false,
      problem: { kind: 'disabled', message: 'switched off', retryable: false },
    })) as Api;
    page = await inAct(() => startStorePage(site('deezer'), api, window));
    const open = await found(() =>
      shadowOf(document.querySelector('liner-artist'))?.querySelector('button'),
    );
    await act(async () => userClick(open));
    await vi.waitFor(() => expect(document.querySelector('liner-artist')).toBeNull(), {
      timeout: 3000,
    });
    expect(document.querySelector('liner-artist-overlay')).toBeNull();
  });
});

describe('the store pages of a MusicBrainz artist', () => {
  it('takes only the sidebar’s links that are artist pages of stores Liner lists, once each', () => {
    document.body.innerHTML = `
      <div id="sidebar"><ul class="external_links">
        <li><a href="https://www.deezer.com/en/artist/27?utm=1">Deezer</a></li>
        <li><a href="https://www.deezer.com/artist/27">Deezer again</a></li>
        <li><a href="https://www.deezer.com/album/100001">a release</a></li>
        <li><a href="https://open.spotify.com/artist/1dfeR4HaWDbWqFHLkxsg1d">Spotify</a></li>
        <li><a href="https://mora.jp/artist/123/">mora</a></li>
        <li><a href="https://www.deezer.com.evil.example/artist/27">look-alike</a></li>
        <li><a href="javascript:alert(1)">script</a></li>
      </ul></div>
      <a href="https://www.discogs.com/artist/72872">not in the links list</a>`;
    expect(storeArtistPages(document)).toEqual([
      { url: ARTIST, store: 'Deezer' },
      { url: 'https://open.spotify.com/artist/1dfeR4HaWDbWqFHLkxsg1d', store: 'Spotify' },
    ]);
  });
});
