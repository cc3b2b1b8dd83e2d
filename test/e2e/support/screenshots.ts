/**
 * Screenshots of what a user sees, light and dark, kept for people to look at: in
 * test-artifacts/screenshots/ at the repository's root (CI keeps that folder as its artifacts;
 * the README names it). A test takes them as it goes; nothing compares them to earlier ones.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test-artifacts/screenshots',
);

/** Saves `page` as `<name>-<scheme>.png` in the screenshots folder; returns the path. */
export async function screenshot(
  page: Page,
  name: string,
  scheme: 'light' | 'dark',
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${scheme}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
