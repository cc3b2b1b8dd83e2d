// @vitest-environment happy-dom
/**
 * The MusicBrainz script on a page: the release box under the header (or floating), the
 * comparison with its progress, Retry and "Add missing links", the note on a site the options
 * do not choose, and the editor's paste box with its input checks and confirmation. The
 * background is replaced by a scripted Api, the content script's one way out.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { comparisonSchema, comparisonView } from '../src/background/comparison-view.ts';
import type { Mount } from '../src/content/mount.ts';
import { MOUNT_TAG, startMusicBrainzPage } from '../src/content/musicbrainz/controller.tsx';
import type { Api } from '../src/content/send.ts';
import type { Problem, Request } from '../src/messages.ts';
import { COMPARED_MBID, sampleComparison } from './support/comparison.ts';
import { buttonNamed, recordShadowRoots, setUrl, shadowOf, userClick } from './support/dom.ts';

recordShadowRoots();

const RELEASE = `https://test.musicbrainz.org/release/${COMPARED_MBID}`;
const busy: Problem = { kind: 'rate-limited', message: 'MusicBrainz is busy.', retryable: true };

function scriptedApi(options: { site?: string; failFirst?: boolean } = {}) {
  const requests: Request[] = [];
  let failures = options.failFirst ? 1 : 0;
  const api = (async (request: Request) => {
    requests.push(request);
    if (request.type === 'mb.site')
      return { ok: true, musicbrainzUrl: options.site ?? 'https://test.musicbrainz.org' };
    if (request.type === 'discography') return { ok: false, problem: busy };
    if (request.type === 'compare') {
      if (failures-- > 0) return { ok: false, problem: busy };
      const parsed = comparisonSchema.parse(sampleComparison());
      return {
        ok: true,
        comparison: comparisonView(parsed, {
          serverUrl: 'http://127.0.0.1:5733',
          editorUrl: 'https://musicbrainz.org',
          version: '0.1.0',
        }),
      };
    }
    return {
      ok: true,
      action: request.type === 'compare.links' ? 'edit' : 'add',
      builtLocally: false,
    };
  }) as Api;
  return { api, requests };
}

let mount: Mount | undefined;

async function open(url: string, body: string, api: Api) {
  setUrl(url);
  document.body.innerHTML = body;
  await act(async () => {
    mount = await startMusicBrainzPage(api, window);
  });
}

const host = () => document.querySelector(MOUNT_TAG) as HTMLElement | null;
const inBox = <T extends Element = HTMLElement>(selector: string) =>
  shadowOf(host())?.querySelector<T>(selector) ?? null;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const click = async (selector: string) => {
  await act(() => userClick(inBox(selector)!));
  await settle();
};

afterEach(() => {
  mount?.destroy();
  mount = undefined;
  document.body.innerHTML = '';
});

describe('on a release page', () => {
  const PAGE =
    '<div id="content"><div class="releaseheader"><h1>Night Shift</h1></div><p>x</p></div>';

  it('sits under the release header and compares on a click, without reading the page', async () => {
    const { api, requests } = scriptedApi();
    await open(RELEASE, PAGE, api);
    expect(host()?.previousElementSibling?.className).toBe('releaseheader');
    expect(host()?.dataset.placement).toBe('anchored');
    expect(requests).toEqual([{ type: 'mb.site' }]);
    await click('[data-liner="compare"]');
    expect(requests.at(-1)).toEqual({ type: 'compare', mbid: COMPARED_MBID, refresh: false });
    expect(inBox('[data-liner="release-box"]')?.dataset.state).toBe('shown');
    expect(inBox('[data-liner="missing-links"] h3')?.textContent).toBe(
      'Store links MusicBrainz lacks (2)',
    );
    // The pressed button is gone: focus is on the comparison's heading (an h2 over the h3s),
    // not back at the top of the page.
    const heading = inBox('h2');
    expect(heading?.textContent).toMatch(/^Liner: .+, compared with the stores$/);
    expect(shadowOf(host())?.activeElement).toBe(heading);
    await click('[data-liner="add-links"]');
    expect(requests.at(-1)).toEqual({ type: 'compare.links', mbid: COMPARED_MBID });
    expect(inBox('[data-liner="import-done"]')?.textContent).toBe(
      'Opened the release edit page in a new tab.',
    );
  });

  it('keeps its box out of the page’s reach: closed, and deaf to a script’s clicks', async () => {
    const { api, requests } = scriptedApi();
    await open(RELEASE, PAGE, api);
    expect(host()?.shadowRoot).toBeNull();
    await act(() => inBox<HTMLButtonElement>('[data-liner="compare"]')!.click());
    await settle();
    expect(requests).toEqual([{ type: 'mb.site' }]);
  });

  it('says what went wrong, and retries past the caches', async () => {
    const { api, requests } = scriptedApi({ failFirst: true });
    await open(RELEASE, PAGE, api);
    await click('[data-liner="compare"]');
    expect(inBox('[data-liner="problem"]')?.textContent).toBe('MusicBrainz is busy.');
    await act(() => userClick(buttonNamed(shadowOf(host()), 'Retry')));
    await settle();
    expect(requests.at(-1)).toEqual({ type: 'compare', mbid: COMPARED_MBID, refresh: true });
    expect(inBox('[data-liner="release-box"]')?.dataset.state).toBe('shown');
  });

  it('floats in a corner when MusicBrainz’s markup has no release header', async () => {
    await open(`${RELEASE}/cover-art`, '<main><p>redesigned</p></main>', scriptedApi().api);
    expect(host()?.dataset.placement).toBe('floating');
    expect(inBox('[data-liner="compare"]')).not.toBeNull();
  });

  it('only says where Liner works on a MusicBrainz site the options do not choose', async () => {
    const { api, requests } = scriptedApi({ site: 'https://musicbrainz.org' });
    await open(RELEASE, PAGE, api);
    expect(inBox('[data-liner="other-site"]')?.textContent).toBe(
      "Liner is set to work on musicbrainz.org: open this page there, or choose this site in Liner's options.",
    );
    expect(inBox('[data-liner="other-site"] a')?.getAttribute('href')).toBe(
      `https://musicbrainz.org/release/${COMPARED_MBID}`,
    );
    expect(inBox('[data-liner="compare"]')).toBeNull();
    expect(requests).toEqual([{ type: 'mb.site' }]);
  });

  it('does nothing on other MusicBrainz pages', async () => {
    const { api, requests } = scriptedApi();
    await open(`https://test.musicbrainz.org/artist/${COMPARED_MBID}/releases`, '<h1>A</h1>', api);
    expect(host()).toBeNull();
    expect(requests).toEqual([]);
  });
});

describe('on an artist page', () => {
  const ARTIST_PAGE = `https://test.musicbrainz.org/artist/${COMPARED_MBID}`;
  const sidebar = (links: string) =>
    `<div id="content"><div class="artistheader"><h1>Ada Lane</h1></div></div><div id="sidebar"><ul class="external_links">${links}</ul></div>`;

  it('offers each store page of the sidebar Liner lists, and lists one on a click', async () => {
    const { api, requests } = scriptedApi();
    const deezer = 'https://www.deezer.com/artist/27';
    const links = `<li><a href="${deezer}">Deezer</a></li><li><a href="https://mora.jp/artist/1/">mora</a></li>`;
    await open(ARTIST_PAGE, sidebar(links), api);
    expect(host()?.dataset.placement).toBe('anchored');
    expect(inBox('h2')?.textContent).toBe('Liner: releases at the stores that MusicBrainz lacks');
    const buttons = [...(shadowOf(host())?.querySelectorAll('[data-liner="store-listing"]') ?? [])];
    expect(buttons.map((b) => b.textContent)).toEqual(['Deezer']);
    expect(requests.map((r) => r.type)).toEqual(['mb.site']);
    await click('[data-liner="store-listing"]');
    expect(requests.find((r) => r.type === 'discography')).toMatchObject({ url: deezer });
    expect(inBox('[data-liner="problem"]')?.textContent).toBe('MusicBrainz is busy.');
  });

  it('says so when the artist has no store page Liner lists', async () => {
    const { api } = scriptedApi();
    await open(ARTIST_PAGE, sidebar('<li><a href="https://mora.jp/artist/1/">mora</a></li>'), api);
    expect(inBox('[data-liner="artist-box"] p')?.textContent).toMatch(
      /^None of this artist’s links is a store page Liner can list \(.*Deezer.*\)\.$/,
    );
  });
});

describe('in the release editor', () => {
  const editor = (name = '') =>
    `<div id="content"><h1>Add release</h1><div id="release-editor"><input type="text" id="name" value="${name}"></div></div>`;
  const paste = async (text: string) => {
    const input = inBox<HTMLInputElement>('[data-liner="paste-input"]')!;
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('[data-liner="paste-import"]');
  };

  it('refuses what is not a store URL or barcode, naming it, without a request', async () => {
    const { api, requests } = scriptedApi();
    await open('https://test.musicbrainz.org/release/add', editor(), api);
    expect(host()?.previousElementSibling?.localName).toBe('h1');
    await paste('https://example.com/album/1');
    expect(inBox('[data-liner="paste-invalid"]')?.textContent).toMatch(
      /^Not a store release page: example\.com is not a supported store/,
    );
    await paste('0192758000018');
    expect(inBox('[data-liner="paste-invalid"]')?.textContent).toBe(
      'The barcode 0192758000018 is not valid: the check digit does not match.',
    );
    expect(requests).toEqual([{ type: 'mb.site' }]);
  });

  it('does not import on a script’s click of its button', async () => {
    const { api, requests } = scriptedApi();
    await open('https://test.musicbrainz.org/release/add', editor(), api);
    const input = inBox<HTMLInputElement>('[data-liner="paste-input"]')!;
    await act(() => {
      input.value = 'https://www.deezer.com/en/album/100001';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => inBox<HTMLButtonElement>('[data-liner="paste-import"]')!.click());
    await settle();
    expect(requests).toEqual([{ type: 'mb.site' }]);
  });

  it('imports into an empty editor at once', async () => {
    const { api, requests } = scriptedApi();
    await open('https://test.musicbrainz.org/release/add', editor(), api);
    await paste('https://www.deezer.com/en/album/100001');
    expect(requests.at(-1)).toEqual({
      type: 'editor.import',
      source: { kind: 'url', url: 'https://www.deezer.com/album/100001' },
    });
    expect(inBox('[data-liner="paste-done"]')?.textContent).toBe('Opening the seeded editor…');
  });

  it('asks first when the editor has content, and on an edit page', async () => {
    const { api, requests } = scriptedApi();
    await open(
      'https://test.musicbrainz.org/release/add?skip_confirmation=1',
      editor('Night Shift'),
      api,
    );
    await paste('0192758000019');
    expect(inBox('[data-liner="paste-confirm"]')?.textContent).toMatch(
      /^The editor already has content/,
    );
    expect(requests.map((r) => r.type)).toEqual(['mb.site']);
    await act(() => userClick(buttonNamed(shadowOf(host()), 'Cancel')));
    expect(inBox('[data-liner="paste-confirm"]')).toBeNull();
    await paste('0192758000019');
    await click('[data-liner="paste-confirm-yes"]');
    expect(requests.at(-1)).toEqual({
      type: 'editor.import',
      source: { kind: 'gtin', gtin: '0192758000019' },
    });
    mount?.destroy();
    await open(
      `${RELEASE}/edit`,
      '<div id="content"><div class="releaseheader"><h1>x</h1></div></div>',
      api,
    );
    await paste('https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N');
    expect(inBox('[data-liner="paste-confirm"]')?.textContent).toMatch(
      /^This reloads the edit page/,
    );
  });
});
