// @vitest-environment happy-dom
/** The extension pages: the seed form, the options form, the popup list, Bandcamp detection. */
import { buildReleaseSeed } from '@liner/shared/seed/build';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bandcampAddress, probeBandcampPage } from '../src/content/bandcamp-domain.ts';
import type { Api } from '../src/content/send.ts';
import type { Request } from '../src/messages.ts';
import {
  alwaysSites,
  enableAlways,
  REFUSED,
  revokeAlways,
  updateSiteScripts,
} from '../src/pages/custom-site.ts';
import { CustomSiteBox } from '../src/pages/custom-site-box.tsx';
import { CustomSitesList } from '../src/pages/custom-sites-list.tsx';
import { Options } from '../src/pages/options.tsx';
import { RecentList } from '../src/pages/popup.tsx';
import { postSeed, seedForm } from '../src/pages/seed-form.ts';
import { releaseOldServer } from '../src/pages/server-access.ts';
import { defaultSettings } from '../src/settings/schema.ts';
import { buttonNamed, setUrl, userClick } from './support/dom.ts';
import { sampleResult } from './support/release.ts';

let container: HTMLElement;
function mount(node: preact.ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
}
afterEach(() => {
  if (container) render(null, container);
  document.body.innerHTML = '';
});
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));
/** The options page's list of own-domain sites, for tests about the rest of the page. */
const NO_SITES = { list: async () => [], revoke: async () => {} };
const text = (selector: string) => container.querySelector(selector)?.textContent;

describe('the seed form', () => {
  it('has one hidden input per field, in order, with values set as text', () => {
    const result = sampleResult();
    result.release!.title = '"><script>alert(1)</script>';
    const seed = buildReleaseSeed(result, { editorUrl: 'https://test.musicbrainz.org' });
    const form = seedForm(document, seed);
    expect(form.method).toBe('post');
    expect(form.action).toBe('https://test.musicbrainz.org/release/add?skip_confirmation=1');
    expect(form.querySelector('script')).toBeNull();
    const inputs = [...form.querySelectorAll('input')];
    expect(inputs.every((i) => i.type === 'hidden')).toBe(true);
    expect(inputs.map((i) => [i.name, i.value])).toEqual(seed.fields);
  });

  it('refuses an invalid seed at the last step and posts a valid one', () => {
    const submitted = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
    const site = { editorUrl: 'https://musicbrainz.org' };
    const bad = postSeed(
      document,
      { action: 'add', url: 'https://musicbrainz.org/release/add', fields: [['name', 'x']] },
      site,
    );
    expect(bad).toEqual({
      posted: false,
      reason: expect.stringContaining('edit_note: a new release needs an edit note'),
    });
    const seed = buildReleaseSeed(sampleResult(), site);
    // Checked for the site it was handed over for, not only for its own shape.
    expect(postSeed(document, seed, { editorUrl: 'https://test.musicbrainz.org' })).toEqual({
      posted: false,
      reason: expect.stringContaining(
        'not the chosen MusicBrainz site https://test.musicbrainz.org',
      ),
    });
    expect(submitted).not.toHaveBeenCalled();
    expect(postSeed(document, seed, site)).toEqual({ posted: true });
    expect(submitted).toHaveBeenCalledTimes(1);
    submitted.mockRestore();
  });
});

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('the options page', () => {
  it('tests the connection after asking for the server origin, and saves what was entered', async () => {
    const requests: Request[] = [];
    const api = (async (request: Request) => {
      requests.push(request);
      return {
        ok: true,
        version: '0.1.0',
        musicbrainz: 'https://musicbrainz.org',
        database: 'pglite',
      };
    }) as Api;
    const save = vi.fn(async () => ({ ok: true as const, settings: defaultSettings() }));
    const requestAccess = vi.fn(async () => true);
    mount(
      <Options
        initial={defaultSettings()}
        extensionOrigin={ORIGIN}
        api={api}
        save={save}
        requestAccess={requestAccess}
        customSites={NO_SITES}
      />,
    );
    const input = (id: string) => container.querySelector<HTMLInputElement>(`#${id}`)!;
    act(() => {
      input('server').value = 'https://liner.example.org';
      input('server').dispatchEvent(new Event('input'));
      input('token').value = ' secret-token-123456 ';
      input('token').dispatchEvent(new Event('input'));
      input('regions').value = 'gb, us';
      input('regions').dispatchEvent(new Event('input'));
      container.querySelector<HTMLInputElement>('input[name="tidal"]')!.click();
    });
    // The browser asks only during the click (Firefox not after an await): each button asks
    // before dispatching its click returns, before any microtask has run.
    let askedDuringClick = 0;
    await act(async () => {
      [...container.querySelectorAll('button')]
        .find((b) => b.textContent === 'Test connection')!
        .click();
      askedDuringClick = requestAccess.mock.calls.length;
    });
    await settle();
    expect(askedDuringClick).toBe(1);
    expect(requestAccess).toHaveBeenCalledWith('https://liner.example.org');
    expect(requests).toEqual([
      { type: 'server.test', serverUrl: 'https://liner.example.org', token: 'secret-token-123456' },
    ]);
    expect(text('[data-liner="test-result"]')).toBe(
      'Connected: Liner 0.1.0, pglite database, seeds for https://musicbrainz.org.',
    );
    act(() =>
      container.querySelector<HTMLButtonElement>('[aria-label="Move Beatport up"]')!.click(),
    );
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      askedDuringClick = requestAccess.mock.calls.length;
    });
    await settle();
    expect(askedDuringClick).toBe(2);
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({
        serverUrl: 'https://liner.example.org',
        token: 'secret-token-123456',
        regions: ['gb', 'us'],
        stores: expect.objectContaining({ tidal: false, deezer: true }),
        providerOrder: expect.arrayContaining(['beatport', 'bandcamp']),
      }),
    );
    const saved = (save.mock.calls[0] as unknown as [{ providerOrder: string[] }])[0];
    // The server's order (the stores' names) with Beatport moved above Bandcamp.
    expect(saved.providerOrder.slice(0, 3)).toEqual(['beatport', 'bandcamp', 'deezer']);
    expect(text('[data-liner="save-result"]')).toBe('Saved.');
  });

  it('shows its own origin, and warns before a token goes out in clear text', () => {
    const api = (async () => ({ ok: true })) as unknown as Api;
    const save = vi.fn();
    mount(
      <Options
        initial={{ ...defaultSettings(), token: 'secret-token-123456' }}
        extensionOrigin={ORIGIN}
        api={api}
        save={save}
        requestAccess={async () => true}
        customSites={NO_SITES}
      />,
    );
    expect(text('[data-liner="origin"] code')).toBe(ORIGIN);
    const server = container.querySelector<HTMLInputElement>('#server')!;
    const enter = (value: string) =>
      act(() => {
        server.value = value;
        server.dispatchEvent(new Event('input'));
      });
    // The default, on this machine: nothing to warn about.
    expect(container.querySelector('[data-liner="cleartext"]')).toBeNull();
    enter('http://192.168.1.20:5733');
    expect(text('[data-liner="cleartext"]')).toMatch(
      /^The token would go to 192\.168\.1\.20:5733 unencrypted/,
    );
    enter('https://liner.example.org');
    expect(container.querySelector('[data-liner="cleartext"]')).toBeNull();
  });
});

describe('the server’s host permission', () => {
  it('is given back when the server moves to another host, kept when only the port changes', async () => {
    const removed: string[][] = [];
    const permissions = {
      remove: async ({ origins }: { origins: string[] }) => {
        removed.push(origins);
        return true;
      },
    };
    expect(
      await releaseOldServer(permissions, 'http://127.0.0.1:5733', 'http://127.0.0.1:5734'),
    ).toBe(false);
    expect(
      await releaseOldServer(permissions, 'https://liner.example.org', 'http://127.0.0.1:5733'),
    ).toBe(true);
    expect(removed).toEqual([['https://liner.example.org/*']]);
    const refusing = { remove: () => Promise.reject(new Error('required permission')) };
    expect(await releaseOldServer(refusing, 'https://www.deezer.com', 'http://127.0.0.1')).toBe(
      false,
    );
  });
});

describe('the popup', () => {
  it('lists imports and look-ups from the cache and says the server is down', async () => {
    const api = (async () => ({
      ok: true,
      serverUrl: 'http://127.0.0.1:5733',
      server: {
        up: false,
        problem: {
          kind: 'unreachable',
          message: 'The Liner server at http://127.0.0.1:5733 is not reachable. Is it running?',
          retryable: true,
        },
      },
      entries: [
        {
          kind: 'import',
          at: '2026-11-20T10:05:00.000Z',
          url: 'https://www.deezer.com/album/100001',
          title: 'Night Shift',
          permalink: 'perm1234abcd',
        },
        {
          kind: 'lookup',
          at: '2026-11-20T10:00:00.000Z',
          url: 'https://www.deezer.com/album/100001',
          title: 'Night Shift',
          artist: 'Ada Lane',
          permalink: 'perm1234abcd',
        },
      ],
    })) as Api;
    mount(<RecentList api={api} />);
    await settle();
    expect(text('[data-liner="server"]')).toBe(
      'The Liner server at http://127.0.0.1:5733 is not reachable. Is it running? Showing what Liner has cached.',
    );
    expect(text('[data-liner="imports"] li')).toMatch(
      /^Imported Night Shift \(Deezer\) .+ details$/,
    );
    expect(text('[data-liner="lookups"] li')).toMatch(
      /^Looked up Night Shift by Ada Lane \(Deezer\)/,
    );
    expect(
      container
        .querySelector<HTMLAnchorElement>('[data-liner="lookups"] a:last-child')
        ?.getAttribute('href'),
    ).toBe('http://127.0.0.1:5733/release/perm1234abcd');
  });

  it('links only https: addresses from the history', async () => {
    const api = (async () => ({
      ok: true,
      serverUrl: 'http://127.0.0.1:5733',
      server: { up: true, version: '0.1.0' },
      entries: [
        { kind: 'import', at: '2026-11-20T10:05:00.000Z', url: 'javascript:alert(1)' },
        { kind: 'import', at: '2026-11-20T10:04:00.000Z', url: 'https://www.deezer.com/album/1' },
      ],
    })) as Api;
    mount(<RecentList api={api} />);
    await settle();
    const items = [...container.querySelectorAll('[data-liner="imports"] li')];
    expect(items[0]?.textContent).toMatch(/^Imported javascript:alert\(1\) /);
    expect(items[0]?.querySelector('a')).toBeNull();
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.deezer.com/album/1',
    );
  });
});

describe('Bandcamp on its own domain', () => {
  it('finds the bandcamp.com address when the page says it is Bandcamp', () => {
    setUrl('https://music.example-band.net/album/night-shift?from=home');
    document.head.innerHTML = '<meta name="generator" content="Bandcamp">';
    document.body.innerHTML =
      '<a href="https://bandcamp.com/">bandcamp</a><a href="https://exampleband.bandcamp.com/follow">follow</a><a href="https://exampleband.bandcamp.com/album/night-shift">x</a>';
    expect(bandcampAddress()).toBe('https://exampleband.bandcamp.com/album/night-shift');
  });

  it('passes over Bandcamp’s own subdomains, however often the page links them', () => {
    setUrl('https://music.example-band.net/');
    document.head.innerHTML = '<meta name="generator" content="Bandcamp">';
    document.body.innerHTML = [
      ...['daily', 'daily', 'www', 'www', 'get', 'f4'].map(
        (sub) => `<a href="https://${sub}.bandcamp.com/">x</a>`,
      ),
      '<a href="https://exampleband.bandcamp.com/">band</a>',
    ].join('');
    expect(probeBandcampPage()?.bands[0]).toBe('daily');
    expect(bandcampAddress()).toBe('https://exampleband.bandcamp.com/');
  });

  it('says nothing for other pages', () => {
    setUrl('https://shop.example.net/album/night-shift');
    document.head.innerHTML = '';
    document.body.innerHTML = '<a href="https://exampleband.bandcamp.com/">band</a>';
    expect(bandcampAddress()).toBeNull();
    document.head.innerHTML = '<meta name="generator" content="Bandcamp">';
    document.body.innerHTML = '<p>no links</p>';
    expect(bandcampAddress()).toBeNull();
  });
});

describe('the popup’s offer on a Bandcamp site’s own domain', () => {
  const tab = { id: 7, url: 'https://music.example-band.net/album/night-shift' };

  /** How many permission requests have been made so far, counted as each is made. */
  let requests = 0;

  /** The browser's side: what was asked, in order, and the answers the user gives. */
  function fakePermissions(
    answers: boolean[],
    registered: { id: string; matches?: string[]; js?: string[]; runAt?: string }[] = [],
  ) {
    const log: [string, unknown][] = [];
    requests = 0;
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (asked) => {
      requests += 1;
      log.push(['request', asked]);
      return answers.shift() ?? false;
    });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
      func?: unknown;
      files?: string[];
    }) => {
      log.push(['execute', injection.files ?? 'probe']);
      return [
        {
          frameId: 0,
          result: injection.func
            ? { path: '/album/night-shift', bands: ['exampleband'] }
            : undefined,
        },
      ];
    }) as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
      (async (filter?: { ids?: string[] }) =>
        registered.filter((s) => filter?.ids?.includes(s.id) ?? true)) as never,
    );
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (
      scripts: typeof registered,
    ) => {
      log.push(['register', scripts]);
      registered.push(...scripts);
    }) as never);
    return log;
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /**
   * Clicks a button that asks for a permission. The browser asks the user only during the click
   * (Firefox refuses a request made after the handler's first await), so the request must
   * already have been made when dispatching the click returns, before any microtask has run.
   */
  const click = async (text: string) => {
    const before = requests;
    let duringClick = 0;
    await act(async () => {
      userClick(buttonNamed(container, text));
      duringClick = requests - before;
    });
    await settle();
    expect(duringClick, `“${text}” asks for its permission in the click itself`).toBe(1);
  };

  it('asks for scripting on the first click, and for it with the origin for “always”, then registers the script there', async () => {
    const log = fakePermissions([true, true]);
    mount(<CustomSiteBox tab={tab} />);
    await click('Is this a Bandcamp page on its own domain?');
    expect(text('p')).toBe('This is Bandcamp: https://exampleband.bandcamp.com/album/night-shift');
    await click('Always on music.example-band.net');
    expect(text('p')).toBe('Added, and it will be there on this site from now on.');
    expect(log).toEqual([
      ['request', { permissions: ['scripting'] }],
      ['execute', 'probe'],
      ['request', { permissions: ['scripting'], origins: ['https://music.example-band.net/*'] }],
      [
        'register',
        [
          {
            id: 'bandcamp-site:https://music.example-band.net',
            matches: ['https://music.example-band.net/*'],
            js: ['content-scripts/stores.js'],
            runAt: 'document_end',
          },
        ],
      ],
      ['execute', ['/content-scripts/stores.js']],
    ]);
  });

  it('points registrations of the old Bandcamp script at the one store script', async () => {
    const updated: unknown[] = [];
    fakePermissions(
      [],
      [
        { id: 'bandcamp-site:https://a.example', js: ['content-scripts/bandcamp.js'] },
        { id: 'bandcamp-site:https://b.example', js: ['content-scripts/stores.js'] },
      ],
    );
    vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation((async (
      scripts: unknown[],
    ) => {
      updated.push(...scripts);
    }) as never);
    await updateSiteScripts();
    expect(updated).toEqual([
      { id: 'bandcamp-site:https://a.example', js: ['content-scripts/stores.js'] },
    ]);
  });

  it('registers “always” per https origin (another port is another origin), and offers nothing over http', async () => {
    const log = fakePermissions([true, true, true, true, true, true, true, true]);
    const always = async (url: string) => {
      if (container) render(null, container);
      mount(<CustomSiteBox tab={{ id: 7, url }} />);
      await click('Is this a Bandcamp page on its own domain?');
      await click(`Always on ${new URL(url).host}`);
      expect(text('p')).toBe('Added, and it will be there on this site from now on.');
    };
    const registered = () =>
      log.flatMap(([kind, scripts]) =>
        kind === 'register' ? (scripts as { id: string; matches: string[] }[]) : [],
      );
    await always('https://band.example/album/night-shift');
    await always('https://band.example:8443/album/night-shift');
    expect(registered().map(({ id, matches }) => [id, matches])).toEqual([
      ['bandcamp-site:https://band.example', ['https://band.example/*']],
      ['bandcamp-site:https://band.example:8443', ['https://band.example:8443/*']],
    ]);
    // The same origin again: already registered, nothing added twice.
    await always('https://band.example/album/other');
    expect(registered()).toHaveLength(2);
    render(null, container);
    mount(<CustomSiteBox tab={{ id: 7, url: 'http://band.example/album/night-shift' }} />);
    expect(text('p')).toBe("Liner adds its button on an artist's own domain only over https.");
    expect(container.querySelectorAll('button')).toHaveLength(0);
    await expect(enableAlways({ id: 7, url: 'http://band.example/' })).rejects.toThrow(/https/);
    expect(registered()).toHaveLength(2);
  });

  it('says so in words, and runs nothing on the page, when scripting is refused', async () => {
    const log = fakePermissions([false]);
    mount(<CustomSiteBox tab={tab} />);
    await click('Is this a Bandcamp page on its own domain?');
    expect(text('.problem')).toBe(REFUSED.scripting);
    expect(log).toEqual([['request', { permissions: ['scripting'] }]]);
  });

  it('registers nothing when the site’s access is refused', async () => {
    const log = fakePermissions([true, false]);
    mount(<CustomSiteBox tab={tab} />);
    await click('Is this a Bandcamp page on its own domain?');
    await click('Always on music.example-band.net');
    expect(text('.problem')).toBe(REFUSED.site);
    expect(log.map(([kind]) => kind)).toEqual(['request', 'execute', 'request']);
  });

  it('lists the sites Liner is on for good in the options, and takes one back with its access', async () => {
    const registered = [
      { id: 'bandcamp-site:https://band.example', matches: ['https://band.example/*'] },
      { id: 'bandcamp-site:http://old.example', matches: ['http://old.example/*'] },
    ];
    const log = fakePermissions([], registered);
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation((async (filter: {
      ids: string[];
    }) => {
      log.push(['unregister', filter.ids]);
      registered.splice(
        0,
        registered.length,
        ...registered.filter((s) => !filter.ids.includes(s.id)),
      );
    }) as never);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (removed) => {
      log.push(['remove', removed]);
      return true;
    });
    mount(<CustomSitesList sites={{ list: alwaysSites, revoke: revokeAlways }} />);
    await settle();
    const listed = () => [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(listed()).toEqual([
      'http://old.example (http: Liner no longer acts there) Remove',
      'https://band.example Remove',
    ]);
    await act(async () => userClick(container.querySelectorAll('li button')[1]!));
    await settle();
    expect(listed()).toEqual(['http://old.example (http: Liner no longer acts there) Remove']);
    // The last one goes with `scripting` as well: nothing is left to use it.
    await act(async () => userClick(container.querySelector('li button')!));
    await settle();
    expect(listed()).toEqual([]);
    expect(text('.note')).toMatch(/^None\./);
    expect(log).toEqual([
      ['unregister', ['bandcamp-site:https://band.example']],
      ['remove', { origins: ['https://band.example/*'] }],
      ['unregister', ['bandcamp-site:http://old.example']],
      ['remove', { origins: ['http://old.example/*'], permissions: ['scripting'] }],
    ]);
  });
});
