import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from './load.ts';
import { configReference, durationPaths, printableConfig } from './reference.ts';
import { formatDuration } from './values.ts';

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

describe('liner config output', () => {
  it('writes durations with their unit, so the output read back as liner.yaml is the same', () => {
    const { config } = loadConfig({
      env: { LINER_SERVER_SHUTDOWN_TIMEOUT: '1500ms', LINER_DEEZER_TTL: '36h' },
      cwd: mkdtempSync(join(tmpdir(), 'liner-print-')),
    });
    const printed = stringify(printableConfig(config));
    expect(printed).toContain('shutdownTimeout: 1500ms');
    expect(printed).toContain('ttl: 36h');
    const cwd = mkdtempSync(join(tmpdir(), 'liner-print-'));
    writeFileSync(join(cwd, 'liner.yaml'), printed);
    expect(loadConfig({ env: {}, cwd }).config).toEqual(config);
  });

  it('knows every duration setting, and picks the largest whole unit', () => {
    expect(durationPaths()).toEqual(
      expect.arrayContaining(['server.shutdownTimeout', 'cache.ttl', 'providers.deezer.ttl']),
    );
    expect(durationPaths()).not.toContain('server.port');
    expect([250, 1000, 90_000, 120_000, 86_400_000].map(formatDuration)).toEqual([
      '250ms',
      '1s',
      '90s',
      '2m',
      '1d',
    ]);
  });
});
