/**
 * Time from DOMContentLoaded to Liner's button on a store page, in Chromium with the built
 * extension: when the button appears, and when its badge has its answer, with a cold cache (a
 * release the extension has not seen: the background asks the companion server) and a warm one
 * (the same page again: answered from IndexedDB). Stand-in store pages under the real host names
 * and the real server on loopback, as in the e2e. Prints figures.
 */
import type { Page } from 'playwright-core';
import { extensionBuilt } from '../test/e2e/support/extension-browser.ts';
import { startHarness } from '../test/e2e/support/harness.ts';
import { inShadow } from '../test/e2e/support/shadow.ts';
import { storePage } from '../test/e2e/support/store-pages.ts';
import { machineLine, percentile } from './lib/machine.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PAGES = [
  { store: 'deezer', url: (n: number) => `https://www.deezer.com/album/${900_000 + n}` },
  { store: 'bandcamp', url: (n: number) => `https://bench${n}.bandcamp.com/album/tape` },
];

/** Polls the page (every 5 ms, in the page's clock) until `probe` holds; returns when it did. */
async function when(page: Page, probe: string): Promise<number> {
  const handle = await page.waitForFunction(`(${probe}) && performance.now()`, undefined, {
    polling: 5,
    timeout: 15_000,
  });
  return (await handle.jsonValue()) as number;
}

const SHOWN = `document.querySelector('liner-import')`;

/**
 * The badge's answer is inside the widget's closed shadow root, which no page script can read:
 * it is polled through the DevTools protocol (test/e2e/support/shadow.ts), and the page's clock
 * read as soon as it holds, so this figure runs a few milliseconds late.
 */
async function settledAt(page: Page): Promise<number> {
  const bar = inShadow(page, 'liner-import', '[data-liner="bar"]');
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const [state] = await bar.evaluateAll((els) => [els[0]?.getAttribute('data-state')]);
    if (state === 'linked' || state === 'not-linked') return page.evaluate(() => performance.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the badge did not answer in 15 s');
}

async function measure(page: Page, url: string): Promise<{ shown: number; settled: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await when(page, SHOWN);
  const settled = await settledAt(page);
  const dcl = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domContentLoadedEventStart,
  );
  return { shown: shown - dcl, settled: settled - dcl };
}

async function main() {
  extensionBuilt();
  const harness = await startHarness({});
  const { site } = harness;
  try {
    const page = await harness.browser.context.newPage();
    console.log(`# DOMContentLoaded to Liner's button (${RUNS} runs per row)\n${machineLine()}\n`);
    console.log(
      '| store | cache | button shown p50 ms | p90 ms | badge answered p50 ms | p90 ms |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const { store, url } of PAGES) {
      const results = {
        cold: [] as { shown: number; settled: number }[],
        warm: [] as { shown: number; settled: number }[],
      };
      // One visit first so the browser, the worker and the server are up: not counted.
      site.page(url(0), storePage(store, 'Warm-up'));
      await measure(page, url(0));
      for (let n = 1; n <= RUNS; n++) {
        site.page(url(n), storePage(store, `Release ${n}`));
        results.cold.push(await measure(page, url(n)));
        results.warm.push(await measure(page, url(n)));
      }
      for (const cache of ['cold', 'warm'] as const) {
        const shown = results[cache].map((r) => r.shown);
        const settled = results[cache].map((r) => r.settled);
        const f = (values: number[], p: number) => percentile(values, p).toFixed(1);
        console.log(
          `| ${store} | ${cache} | ${f(shown, 50)} | ${f(shown, 90)} | ${f(settled, 50)} | ${f(settled, 90)} |`,
        );
      }
    }
  } finally {
    await harness.close();
  }
}

await main();
