import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configReference } from './reference.ts';

describe('configuration reference', () => {
  it('docs/configuration.md is the one generated from the schema (npm run docs:config)', () => {
    const committed = readFileSync(
      new URL('../../../docs/configuration.md', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(configReference());
  });

  it('lists every section and the documented variables', () => {
    const doc = configReference();
    for (const text of [
      '`server.port`',
      '`LINER_PORT`',
      '`DATABASE_URL`',
      '`LINER_DATA_DIR`',
      '`providers.<name>.clientSecret`',
      '`LINER_<NAME>_CLIENT_SECRET`',
      '`cache.ttl`',
      '`musicbrainz.editorUrl`',
    ]) {
      expect(doc).toContain(text);
    }
  });
});
