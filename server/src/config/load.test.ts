import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactConfig } from './load.ts';
import { DEFAULT_PORT } from './schema.ts';

function dir(yaml?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'liner-config-'));
  if (yaml !== undefined) writeFileSync(join(d, 'liner.yaml'), yaml);
  return d;
}

describe('configuration', () => {
  it('uses defaults without a file or environment', () => {
    const cwd = dir();
    const { config, file } = loadConfig({ env: {}, cwd });
    expect(file).toBeUndefined();
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: DEFAULT_PORT });
    expect(config.database.dataDir).toBe(join(cwd, 'data'));
    expect(config.cache.ttl).toBe(24 * 3600 * 1000);
  });

  it('layers default < file < environment < _FILE < command line', () => {
    const cwd = dir(
      'server:\n  port: 6000\n  host: 127.0.0.2\ncache:\n  ttl: 2h\nproviders:\n  spotify:\n    clientId: from-file\n',
    );
    const secret = join(cwd, 'secret');
    writeFileSync(secret, 'from-secret-file\n');
    const fromFile = loadConfig({ env: {}, cwd }).config;
    expect(fromFile.server.port).toBe(6000);
    expect(fromFile.cache.ttl).toBe(7_200_000);

    const env = {
      LINER_PORT: '7000',
      LINER_SPOTIFY_CLIENT_ID: 'from-env',
      LINER_SPOTIFY_CLIENT_ID_FILE: secret,
    };
    const layered = loadConfig({ env, cwd });
    expect(layered.config.server.port).toBe(7000);
    expect(layered.config.server.host).toBe('127.0.0.2');
    expect(layered.config.providers.spotify.clientId).toBe('from-secret-file');
    expect(layered.sources.get('server.port')).toBe('LINER_PORT');
    expect(layered.sources.get('providers.spotify.clientId')).toBe(
      `LINER_SPOTIFY_CLIENT_ID_FILE=${secret}`,
    );

    const cli = loadConfig({ env, cwd, overrides: { server: { port: 8000 } } });
    expect(cli.config.server.port).toBe(8000);
  });

  it('reads the documented variables and the nested form', () => {
    const cwd = dir();
    const { config } = loadConfig({
      cwd,
      env: {
        LINER_HOST: '0.0.0.0',
        LINER_DATA_DIR: '/var/lib/liner',
        DATABASE_URL: 'postgres://u@db/liner',
        LINER_HTTP__MAX_RETRY_AFTER: '10s',
        LINER_MUSICBRAINZ_EDITOR_URL: 'https://beta.musicbrainz.org/',
        LINER_REGIONS: 'us, de',
      },
    });
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.database).toMatchObject({
      dataDir: '/var/lib/liner',
      url: 'postgres://u@db/liner',
    });
    expect(config.http.maxRetryAfter).toBe(10_000);
    expect(config.musicbrainz.editorUrl).toBe('https://beta.musicbrainz.org');
    expect(config.lookup.regions).toEqual(['US', 'DE']);
  });

  it('takes mappings from the environment as YAML, JSON or name=value pairs', () => {
    const token = (c: string) => c.repeat(20);
    for (const value of [
      `{laptop: ${token('a')}, phone: ${token('b')}}`,
      `{"laptop": "${token('a')}", "phone": "${token('b')}"}`,
      `laptop=${token('a')},phone=${token('b')}`,
    ]) {
      const { config } = loadConfig({ env: { LINER_SERVER_API_TOKENS: value }, cwd: dir() });
      expect(config.server.apiTokens).toEqual({ laptop: token('a'), phone: token('b') });
    }
    const prefs = loadConfig({
      env: { LINER_MERGE_PREFERENCES: '{releaseDate: [discogs, deezer]}' },
      cwd: dir(),
    });
    expect(prefs.config.merge.preferences).toEqual({ releaseDate: ['discogs', 'deezer'] });
    // The nested form loses the case of a field name; it is matched without it.
    const nested = loadConfig({
      env: { LINER_MERGE__PREFERENCES__RELEASEDATE: 'discogs,deezer' },
      cwd: dir(),
    });
    expect(nested.config.merge.preferences).toEqual({ releaseDate: ['discogs', 'deezer'] });
  });

  it('names a merge preference for a field that does not exist', () => {
    expect(() =>
      loadConfig({ env: { LINER_MERGE_PREFERENCES: '{releasdate: [discogs]}' }, cwd: dir() }),
    ).toThrow(
      /^invalid configuration: merge\.preferences\.releasdate: "releasdate" is not a merged field \(title, /,
    );
    expect(() =>
      loadConfig({ env: { LINER_SERVER_API_TOKENS: 'just-one-string' }, cwd: dir() }),
    ).toThrow(
      /server\.apiTokens = "\[redacted\]" \(from LINER_SERVER_API_TOKENS\): expected record/,
    );
  });

  it('refuses an empty region list, which regional stores could not be asked with', () => {
    expect(() => loadConfig({ env: { LINER_LOOKUP_REGIONS: ' , ' }, cwd: dir('') })).toThrow(
      'invalid configuration: lookup.regions = " , " (from LINER_LOOKUP_REGIONS): expected at least one region',
    );
  });

  it('names the key, the value, its source and what was expected in one line', () => {
    const cwd = dir('server:\n  port: 99999\n');
    expect(() => loadConfig({ env: {}, cwd })).toThrow(
      new ConfigError(
        `invalid configuration: server.port = 99999 (from ${join(cwd, 'liner.yaml')}): expected a whole number from 0 to 65535`,
      ),
    );
    expect(() => loadConfig({ env: { LINER_CACHE_TTL: 'soon' }, cwd: dir() })).toThrow(
      'invalid configuration: cache.ttl = "soon" (from LINER_CACHE_TTL): expected a duration such as 90s, 15m, 24h or 7d',
    );
    expect(() => loadConfig({ env: { LINER_SERVER__PROT: '1' }, cwd: dir() })).toThrow(
      'invalid configuration: unknown setting "server.prot" (from LINER_SERVER__PROT)',
    );
    // The test tooling's own variables are not settings and never stop a start.
    expect(
      loadConfig({ env: { LINER_CORPUS_DIR: '/x', LINER_CHROMIUM: '/y' }, cwd: dir() }).config
        .server.port,
    ).toBe(5733);
    expect(() => loadConfig({ env: {}, cwd: dir('lookup:\n  regions: [GBR]\n') })).toThrow(
      /lookup\.regions\.0 = "GBR" .*ISO 3166-1/,
    );
    expect(() => loadConfig({ env: {}, cwd: dir('server: [\n') })).toThrow(
      /is not valid YAML at line/,
    );
    expect(() => loadConfig({ env: {}, cwd: dir(), file: 'missing.yaml' })).toThrow(
      /does not exist/,
    );
    expect(() =>
      loadConfig({ env: { LINER_API_TOKEN_FILE: '/nonexistent/token' }, cwd: dir() }),
    ).toThrow(/cannot read LINER_API_TOKEN_FILE/);
  });

  it('never shows secrets in errors or the printed configuration', () => {
    const cwd = dir();
    expect(() => loadConfig({ env: { LINER_API_TOKEN: 'short-secret' }, cwd })).toThrow(
      'invalid configuration: server.apiToken = "[redacted]" (from LINER_API_TOKEN): expected a token of at least 16 characters',
    );
    const { config } = loadConfig({
      env: {
        LINER_API_TOKEN: 'a-very-long-secret-token',
        LINER_TIDAL_CLIENT_SECRET: 'tidal-secret',
        DATABASE_URL: 'postgres://u:pw@h/db',
      },
      cwd,
    });
    const printed = JSON.stringify(redactConfig(config));
    expect(printed).not.toContain('a-very-long-secret-token');
    expect(printed).not.toContain('tidal-secret');
    expect(printed).not.toContain('pw@');
  });

  it('ships an example file that validates', () => {
    const example = new URL('../../../docs/liner.example.yaml', import.meta.url).pathname;
    expect(() => loadConfig({ env: {}, file: example })).not.toThrow();
  });
});
