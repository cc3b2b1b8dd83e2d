import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withStoreTable } from '../../server/src/providers/store-table.ts';

describe('the table of stores in docs/providers.md', () => {
  it('is the one made from the declarations (npm run docs:stores)', () => {
    const committed = readFileSync(new URL('../../docs/providers.md', import.meta.url), 'utf8');
    expect(committed).toBe(withStoreTable(committed));
  });
});
