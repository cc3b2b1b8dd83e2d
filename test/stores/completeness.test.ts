import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeCompleteness } from './completeness.ts';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');

describe('registered stores', () => {
  it('each have recognition tests, link types, a site entry, a provider and a corpus case', async () => {
    expect(await storeCompleteness(REPO)).toEqual([]);
  });
});
