/**
 * Where the recorded store corpus lives (../shared/fixtures/recorded beside the repository, or
 * LINER_CORPUS_DIR), and whether a suite that needs it may skip.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { need } from './skip.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CORPUS_DIR = resolve(
  process.env.LINER_CORPUS_DIR ?? resolve(REPO, '../shared/fixtures/recorded'),
);

export function corpusAvailable(suite: string): boolean {
  return need(
    suite,
    existsSync(CORPUS_DIR),
    `the recorded corpus is not at ${CORPUS_DIR} (put ../shared beside the repository, or set LINER_CORPUS_DIR)`,
  );
}

export function fixtureDir(importMetaUrl: string): string {
  return resolve(dirname(fileURLToPath(importMetaUrl)), 'fixtures');
}
