/**
 * Everything an e2e test of the extension runs against, started together: the backends (the
 * stand-in store and MusicBrainz sites over HTTPS, the stores' APIs on loopback, the real
 * companion server) and Chromium with the built extension configured to use them.
 */
import { storeByName } from '@liner/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { SITE_NAMES } from '../../../extension/src/sites.ts';
import { browserAvailable } from '../../support/browser.ts';
import { corpusAvailable } from '../../support/corpus.ts';
import { apiClient } from '../../support/server.ts';
import { type Backends, type StandInReleases, startBackends } from './backends.ts';
import {
  configure,
  type ExtensionBrowser,
  extensionBuilt,
  launchWithExtension,
  panel,
} from './extension-browser.ts';
import type { ShadowLocator } from './shadow.ts';
import { MAGICISRC_HOST, MUSICBRAINZ_HOSTS, type Posted } from './store-site.ts';
import { WAIT } from './timing.ts';

export type { StandInReleases } from './backends.ts';
export { WAIT } from './timing.ts';

/** Chromium, the corpus and a build are needed; under CI=true a missing one fails the run. */
export function e2eAvailable(suite: string): boolean {
  return browserAvailable(suite) && corpusAvailable(suite) && extensionBuilt();
}

/** Every supported store's hosts, MusicBrainz's and MagicISRC's, all sent to the stand-in site. */
const HOSTS = [
  ...new Set([
    ...SITE_NAMES.flatMap((name) => storeByName(name).hosts),
    ...MUSICBRAINZ_HOSTS,
    MAGICISRC_HOST,
  ]),
];

export interface Harness extends Backends {
  browser: ExtensionBrowser;
  api: ReturnType<typeof apiClient>;
  /** Serves `html` at `url` and opens it in a new tab. */
  open(url: string, html: string): Promise<Page>;
  /** Clicks a panel action and waits for the form the new tab posts to MusicBrainz. */
  post(page: Page, action: string): Promise<Posted>;
  /** Waits for the form posted after the first `before` ones; `failed` shows a refusal's reasons. */
  nextPost(before: number, failed?: ShadowLocator): Promise<Posted>;
}

export async function startHarness(
  linked: Record<string, [string, string, string?][]>,
  releases: StandInReleases = {},
  answers: Record<string, object> = {},
): Promise<Harness> {
  const backends = await startBackends(HOSTS, linked, releases, answers);
  const { site, companion } = backends;
  const browser = await launchWithExtension(HOSTS, site.port);
  await configure(browser.worker, {
    version: 2,
    serverUrl: companion.server.url,
    musicbrainz: 'test',
  });
  const nextPost = async (before: number, failed?: ShadowLocator): Promise<Posted> => {
    // A refused import shows its reasons: the poll then fails with them instead of a count.
    await expect
      .poll(
        async () => (failed && (await failed.count()) ? await failed.text() : site.posts.length),
        WAIT,
      )
      .toBe(before + 1);
    return site.posts.at(-1)!;
  };
  return {
    ...backends,
    browser,
    api: apiClient(companion.server.url),
    async open(url, html) {
      site.page(url, html);
      const page = await browser.context.newPage();
      await page.goto(url);
      return page;
    },
    async post(page, action) {
      const before = site.posts.length;
      await panel(page, 'button', action).click();
      return nextPost(before, panel(page, '[data-liner="import-failed"]'));
    },
    nextPost,
    async close() {
      await browser.close();
      await backends.close();
    },
  };
}

/** Starts a harness for the enclosing describe block; the getter gives it to the tests. */
export function useHarness(
  linked: Record<string, [string, string, string?][]>,
  releases: StandInReleases = {},
  /** Store answers by the URL the provider asks (upstream.ts), beside the replayed ones. */
  answers: Record<string, object> = {},
): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(linked, releases, answers);
  }, 120_000);
  afterAll(() => harness?.close());
  return () => harness!;
}
