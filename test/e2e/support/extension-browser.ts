/**
 * Chromium with the built extension, its store hosts mapped to the stand-in site, and helpers
 * to reach the extension's service worker and the widget in a page's shadow root.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchBrowser } from '../../support/browser.ts';
import { inShadow, type ShadowLocator } from './shadow.ts';

export const EXTENSION_DIR = resolve(
  fileURLToPath(import.meta.url),
  '../../../../extension/.output/chrome-mv3',
);

export function extensionBuilt(): boolean {
  if (existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) return true;
  throw new Error(
    `No extension build at ${EXTENSION_DIR}: run "npm run build:ext" first (npm test does).`,
  );
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  hostPatterns: readonly string[],
  port: number,
): Promise<ExtensionBrowser> {
  const rules = [
    ...hostPatterns.map((host) => `MAP ${host}:443 127.0.0.1:${port}`),
    'EXCLUDE localhost',
  ].join(', ');
  const context = await launchBrowser({
    extension: EXTENSION_DIR,
    args: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, close: () => context.close() };
}

/** The part of the extension API the e2e calls inside the service worker. */
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

/** Writes the extension's settings as the options page would. */
export async function configure(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

/** A part of the widget on a store page, in its closed shadow root. */
export function widget(page: Page, selector: string, hasText?: string | RegExp): ShadowLocator {
  return inShadow(page, 'liner-import', selector, hasText);
}

/** A part of the panel, which opens in a host of its own above the page. */
export function panel(page: Page, selector: string, hasText?: string | RegExp): ShadowLocator {
  return inShadow(page, 'liner-import-overlay', selector, hasText);
}

/** The widget's bar, whose data-state says what the badge says. */
export function bar(page: Page): ShadowLocator {
  return widget(page, '[data-liner="bar"]');
}

export async function placement(page: Page): Promise<string | null> {
  return page.locator('liner-import').getAttribute('data-placement');
}
