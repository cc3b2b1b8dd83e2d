/**
 * `liner seed`, run as a user runs it: a store URL and a barcode answered from the recorded
 * corpus, a permalink read from a database a look-up was saved in, and the --json shape its help
 * documents. Nothing reaches the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateSeed } from '@liner/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { openDatabase } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { runLiner } from '../support/cli.ts';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.ts';
import { testConfig } from '../support/providers.ts';

const DEEZER = 'https://www.deezer.com/album/629506181';
const REPLAY = ['--replay', CORPUS_DIR, '--providers', 'deezer'];

interface SeedJson {
  action: string;
  fields: [string, string][];
  permalink: string;
  nothingToAdd?: true;
  problems?: { field: string; message: string }[];
  replayed?: true;
}

describe.skipIf(!corpusAvailable('liner seed'))('liner seed', () => {
  let dataDir: string;
  let permalink: string;

  beforeAll(async () => {
    // A look-up saved in an embedded database, as `liner serve` would have saved it.
    dataDir = mkdtempSync(join(tmpdir(), 'liner-seed-'));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const app = await createApp({
      config: testConfig({ LINER_PROVIDERS: 'deezer' }),
      logger: silentLogger(),
      database,
      replayDir: CORPUS_DIR,
    });
    try {
      const result = await app.services.lookup.lookup({ urls: [DEEZER], refresh: false });
      permalink = result.id;
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a store URL’s seed as {action, fields, permalink} with --json', async () => {
    const { code, stdout, stderr } = await runLiner(['seed', DEEZER, ...REPLAY, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as SeedJson;
    // The fields of any seed, and that the permalink is in a database thrown away at exit.
    expect(Object.keys(out)).toEqual(['action', 'fields', 'permalink', 'replayed']);
    expect(out.replayed).toBe(true);
    expect(out.action).toBe('https://musicbrainz.org/release/add?skip_confirmation=1');
    expect(out.permalink).toMatch(/^http:\/\/127\.0\.0\.1:5733\/release\/[a-km-z2-9]{12}$/);
    expect(out.fields[0]).toEqual(['name', 'Die With A Smile']);
    expect(out.fields).toContainEqual(['barcode', '602475093060']);
    expect(out.fields).toContainEqual(['urls.0.url', DEEZER]);
    expect(validateSeed({ action: 'add', url: out.action, fields: out.fields })).toEqual([]);
  }, 60_000);

  it('says beside a replayed seed’s permalink that it will not open', async () => {
    const { code, stdout } = await runLiner(['seed', DEEZER, ...REPLAY]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('POST https://musicbrainz.org/release/add?skip_confirmation=1');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Permalink: http:\/\/127\.0\.0\.1:5733\/release\/[a-km-z2-9]{12} \(this run's database is thrown away: the permalink and the redirect_uri will not open\)$/,
      ),
    );
  }, 60_000);

  it('takes twelve digits for a barcode, even when they could spell a permalink', async () => {
    // 886445567892 is a valid UPC made of the permalink alphabet's digits only. Nothing is
    // recorded for it: the stores are asked for it as a barcode and find nothing.
    const { code, stdout, stderr } = await runLiner(['seed', '886445567892', ...REPLAY]);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/permalink/);
    expect(stderr).toMatch(/^liner: no release to seed: .*album\/upc:886445567892/);
    expect(code).toBe(1);
  }, 60_000);

  it('seeds a stored look-up by its permalink, the same fields as the text lists', async () => {
    const env = { LINER_DATA_DIR: dataDir, LINER_PROVIDERS: 'deezer' };
    const json = await runLiner(['seed', permalink, '--json'], env);
    // Outside replay the log warns of providers without credentials; no error is printed.
    expect(json.stderr).not.toMatch(/^liner:/m);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as SeedJson;
    expect(out.permalink).toBe(`http://127.0.0.1:5733/release/${permalink}`);
    expect(out.replayed).toBeUndefined();
    expect(out.fields).toContainEqual(['name', 'Die With A Smile']);
    expect(out.fields).toContainEqual(['redirect_uri', `${out.permalink}/imported`]);
    const text = await runLiner(['seed', permalink], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('POST https://musicbrainz.org/release/add?skip_confirmation=1');
    // Not replayed: the permalink opens, and nothing says otherwise.
    expect(lines).toContain(`Permalink: ${out.permalink}`);
    expect(lines.filter((line) => /^\S/.test(line)).length).toBe(out.fields.length + 2);
    // An unknown permalink is said as such; the log's warnings are short lines, not JSON.
    const missing = await runLiner(['seed', 'abcdefghjkmn'], { ...env, LINER_LOG_FORMAT: 'auto' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      [
        'liner: warning: Qobuz is disabled: missing credentials: providers.qobuz.appId',
        'liner: warning: Spotify is disabled: missing credentials: providers.spotify.clientId, providers.spotify.clientSecret',
        'liner: warning: Tidal is disabled: missing credentials: providers.tidal.clientId, providers.tidal.clientSecret',
        'liner: no look-up with permalink "abcdefghjkmn"',
        '',
      ].join('\n'),
    );
  }, 120_000);

  it('documents the --json fields in its help', async () => {
    const { code, stdout } = await runLiner(['seed', '--help']);
    expect(code).toBe(0);
    for (const field of ['action', 'fields', 'permalink', 'nothingToAdd', 'problems', 'replayed'])
      expect(stdout).toMatch(new RegExp(`^  ${field} `, 'm'));
  }, 60_000);
});
