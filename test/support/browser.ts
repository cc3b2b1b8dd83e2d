/**
 * Debian's Chromium driven by playwright-core, headless, with the flags this closed network
 * needs. A suite that needs it skips with a message when it is missing, and fails under CI.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { need } from './skip.ts';

export const CHROMIUM = process.env.LINER_CHROMIUM ?? '/usr/bin/chromium';

export function browserAvailable(suite: string): boolean {
  return need(
    suite,
    existsSync(CHROMIUM),
    `Chromium is not at ${CHROMIUM} (apt-get install chromium, or set LINER_CHROMIUM)`,
  );
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** Absolute path of an unpacked extension to load. */
  extension?: string;
  args?: string[];
  userDataDir?: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserContext> {
  const args = [...CHROMIUM_FLAGS, ...(options.args ?? [])];
  if (options.extension)
    args.push(
      `--disable-extensions-except=${options.extension}`,
      `--load-extension=${options.extension}`,
    );
  return chromium.launchPersistentContext(
    options.userDataDir ?? mkdtempSync(join(tmpdir(), 'liner-chromium-')),
    {
      executablePath: CHROMIUM,
      headless: true,
      args,
    },
  );
}
