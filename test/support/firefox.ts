/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, headless, with a fresh
 * profile. A suite that needs it skips with a message when it is missing, and fails under CI.
 *
 * Two things here go past puppeteer's public API, both plain WebDriver BiDi:
 * - `--remote-allow-system-access` lets BiDi navigate a tab to an extension page
 *   (`moz-extension://…`), which Firefox otherwise refuses; the test writes the extension's
 *   settings from its options page, since Firefox gives BiDi no way into the background script.
 * - closed shadow roots are reached through `script.evaluate` with
 *   `serializationOptions.includeShadowTree: "all"`, which hands out a reference to every shadow
 *   root, closed ones too (the Chromium helpers do the same through the DevTools protocol). That
 *   needs the session's raw BiDi connection, which puppeteer-core 24 keeps on its BiDi browser.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { need } from './skip.ts';

export const FIREFOX = process.env.LINER_FIREFOX ?? '/usr/bin/firefox-esr';

export function firefoxAvailable(suite: string): boolean {
  return need(
    suite,
    existsSync(FIREFOX),
    `Firefox ESR is not at ${FIREFOX} (apt-get install firefox-esr, or set LINER_FIREFOX)`,
  );
}

export interface FirefoxOptions {
  /** Preferences for the fresh profile (about:config names). */
  prefs?: Record<string, string | number | boolean>;
  /** Accept any certificate, as the stand-in sites' self-signed one. */
  acceptInsecureCerts?: boolean;
}

export function launchFirefox(options: FirefoxOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: options.prefs ?? {},
  });
}

/** What a BiDi `script.*` command answers. */
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function connection(page: Page): BidiConnection {
  const found = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  if (typeof found?.send !== 'function')
    throw new Error(
      'puppeteer-core no longer exposes its BiDi connection: see test/support/firefox.ts',
    );
  return found;
}

/** The page's top-level browsing context id, which BiDi commands target. */
function contextId(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error('no BiDi browsing context id on the page');
  return id;
}

async function script(page: Page, method: string, params: object): Promise<unknown> {
  const { result } = await connection(page).send(method, {
    target: { context: contextId(page) },
    awaitPromise: true,
    resultOwnership: 'none',
    ...params,
  });
  const answer = result as EvaluateResult;
  if (answer.type === 'exception')
    throw new Error(`script failed in the page: ${answer.exceptionDetails?.text ?? 'exception'}`);
  return answer.result;
}

/**
 * Loads `url` in the page through BiDi itself (an extension page too, which puppeteer's goto
 * does not see finish, since the tab moves to the extension process).
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await connection(page).send('browsingContext.navigate', {
    context: contextId(page),
    url,
    wait: 'complete',
  });
}

/** Runs the function `source` (as text) in the page with `arg`; gives back its JSON result. */
export async function run<R>(page: Page, source: string, arg: unknown = null): Promise<R> {
  const value = (await script(page, 'script.callFunction', {
    functionDeclaration: `async function (arg) {
      return JSON.stringify((await (${source})(JSON.parse(arg))) ?? null);
    }`,
    arguments: [{ type: 'string', value: JSON.stringify(arg) }],
  })) as { value?: string };
  return JSON.parse(value.value ?? 'null') as R;
}

/** References to the shadow roots (open or closed) of every `host` element on the page. */
async function shadowRoots(page: Page, host: string): Promise<string[]> {
  const list = (await script(page, 'script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(host)})]`,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  })) as { value?: { value?: { shadowRoot?: { sharedId?: string } | null } }[] };
  return (list.value ?? []).flatMap((node) => {
    const root = node.value?.shadowRoot?.sharedId;
    return root ? [root] : [];
  });
}

/**
 * Runs `body` (a function's source taking the root and `arg`) in each shadow root of every
 * `host` element, and gives back the arrays it returns, concatenated.
 */
export async function inShadowRoots<R>(
  page: Page,
  host: string,
  body: string,
  arg: unknown = null,
): Promise<R[]> {
  const out: R[] = [];
  for (const sharedId of await shadowRoots(page, host)) {
    const value = (await script(page, 'script.callFunction', {
      functionDeclaration: `function (arg) { return JSON.stringify((${body})(this, JSON.parse(arg))); }`,
      this: { sharedId },
      arguments: [{ type: 'string', value: JSON.stringify(arg) }],
    })) as { value?: string };
    out.push(...(JSON.parse(value.value ?? '[]') as R[]));
  }
  return out;
}
