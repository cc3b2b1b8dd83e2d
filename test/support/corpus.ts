/**
 * Where the recorded store corpus lives (../shared/fixtures/recorded beside the repository, or
 * LINER_CORPUS_DIR), and whether a suite that needs it may skip.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CORPUS_DIR = resolve(
  process.env.LINER_CORPUS_DIR ?? resolve(REPO, '../shared/fixtures/recorded'),
);

export function corpusAvailable(): boolean {
  const present = existsSync(CORPUS_DIR);
  if (!present && process.env.CI === 'true') {
    throw new Error(`CI=true but the recorded corpus is missing at ${CORPUS_DIR}`);
  }
  if (!present) console.warn(`Skipping the recorded-corpus tests: ${CORPUS_DIR} does not exist`);
  return present;
}

export function fixtureDir(importMetaUrl: string): string {
  return resolve(dirname(fileURLToPath(importMetaUrl)), 'fixtures');
}
