import { lookupResultSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { runLiner } from '../support/cli.ts';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.ts';

describe('liner lookup', () => {
  it.skipIf(!corpusAvailable('liner lookup --replay (JSON)'))(
    'prints one JSON object for a replayed look-up, offline',
    async () => {
      const { code, stdout, stderr } = await runLiner([
        'lookup',
        'https://www.deezer.com/album/629506181',
        '--replay',
        CORPUS_DIR,
        '--providers',
        'deezer',
        '--json',
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = lookupResultSchema.parse(JSON.parse(stdout));
      expect(Object.keys(JSON.parse(stdout))).toEqual(
        expect.arrayContaining(['id', 'release', 'sources', 'providers', 'conflicts', 'messages']),
      );
      expect(result.release?.title).toBe('Die With A Smile');
      expect(result.providers[0]).toMatchObject({
        name: 'deezer',
        id: '629506181',
        url: 'https://www.deezer.com/album/629506181',
        apiUrl: 'https://api.deezer.com/album/629506181',
        lookup: { method: 'id', value: '629506181' },
      });
      // Nothing is recorded for MusicBrainz: replay says so instead of using the network.
      expect(result.messages).toContainEqual({
        level: 'warning',
        provider: 'musicbrainz',
        text: 'The MusicBrainz IDs could not be resolved: MusicBrainz has no recorded answer for this request (the server replays recorded answers).',
      });
      // The result's fields, and that its permalink is in a database thrown away at exit.
      expect(JSON.parse(stdout).replayed).toBe(true);
    },
  );

  it.skipIf(!corpusAvailable('liner lookup --replay (mora, OTOTOY)')).each([
    [
      'mora',
      'https://mora.jp/package/43000035/198704758065_F/',
      'バンドリ！ ガールズバンドパーティ！ カバーコレクションVol.10',
    ],
    ['ototoy', 'https://ototoy.jp/_/default/p/1822344', 'THE BOOK 3'],
  ])('answers a recorded %s page, its title in its own script', async (store, url, title) => {
    // --providers: the barcode is searched nowhere else, which the replay has no answers for.
    const run = await runLiner([
      'lookup',
      url,
      '--replay',
      CORPUS_DIR,
      '--providers',
      store,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = lookupResultSchema.parse(JSON.parse(run.stdout));
    expect(result.release?.title).toBe(title);
    expect(result.providers[0]).toMatchObject({ name: store, url, region: 'JP' });
  });

  it.skipIf(!corpusAvailable('liner lookup --replay (text)'))(
    'says beside a replayed look-up’s permalink that it will not open',
    async () => {
      const { code, stdout } = await runLiner([
        'lookup',
        'https://www.deezer.com/album/629506181',
        '--replay',
        CORPUS_DIR,
      ]);
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      expect(lines[0]).toBe('Die With A Smile — Lady Gaga & Bruno Mars (deezer)');
      expect(lines.at(-2)).toMatch(
        /^Permalink: [a-km-z2-9]{12} \(this run's database is thrown away: the permalink will not open\)$/,
      );
      // A replay miss is said once, under Providers, not again under Messages.
      const itunes = 'not recorded: no replay file for https://itunes.apple.com/lookup?';
      expect(lines.filter((line) => line.includes(itunes))).toEqual([
        expect.stringMatching(
          /^ {2}itunes {6}gtin=602475093060 {2}failed: Apple Music \/ iTunes has no recorded answer for this request \(the server replays recorded answers\) \(not recorded: no replay file for https:\/\/itunes/,
        ),
      ]);
      // The replay file looked for is the server's own business: the log has it, not the result.
      expect(stdout).not.toContain('looked for');
      // Tidal's API request (its filters and includes) is a long URL: its first 120 characters.
      const tidal = lines.find((line) => line.includes('https://openapi.tidal.com/v2/albums?'));
      const url = /https:\/\/openapi[^\s)]+/.exec(tidal ?? '')?.[0];
      expect(url).toHaveLength(120);
      expect(url?.endsWith('…')).toBe(true);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(400);
    },
    60_000,
  );

  it('names what is wrong with the input and exits 2', async () => {
    const site = await runLiner([
      'lookup',
      'https://example.com/album/1',
      '--replay',
      '/nonexistent',
    ]);
    expect(site.code).toBe(2);
    expect(site.stderr).toMatch(
      /^liner: example\.com is not a supported store \(supported: Bandcamp, Beatport, Deezer/,
    );
    const gtin = await runLiner(['lookup', '123456789013', '--replay', '/nonexistent']);
    expect(gtin).toMatchObject({
      code: 2,
      stderr: 'liner: invalid GTIN "123456789013": the check digit does not match\n',
    });
    // A mistyped replay directory is said in one line, not as "not recorded" everywhere.
    const replay = await runLiner(['lookup', '602475093060', '--replay', '/nonexistent']);
    expect(replay).toMatchObject({
      code: 2,
      stderr: 'liner: --replay: "/nonexistent" is not a directory\n',
    });
    // A region is an ISO 3166-1 alpha-2 code and --existing an MBID, checked before anything
    // is asked (the replay directory is not even looked at).
    const checks: [string[], string][] = [
      [
        ['lookup', '602475093060', '--region', 'gb,XX'],
        '--region: "XX" is not an ISO 3166-1 alpha-2 country code such as GB or US',
      ],
      [
        ['seed', '602475093060', '--region', 'uk'],
        '--region: "uk" is not an ISO 3166-1 alpha-2 country code such as GB or US (the United Kingdom is GB)',
      ],
      [
        ['seed', '602475093060', '--existing', 'notanmbid'],
        '--existing: "notanmbid" is not a MusicBrainz release ID (an MBID: 32 hexadecimal digits as 8-4-4-4-12)',
      ],
    ];
    for (const [args, error] of checks)
      expect(await runLiner([...args, '--replay', '/nonexistent'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `liner: ${error}\n`,
      });
    const provider = await runLiner(['lookup', '123456789012', '--providers', 'napster']);
    expect(provider.code).not.toBe(0);
    expect(provider.stderr).toMatch(/"napster" is not a provider/);
    // Seven start-ups of the CLI: about 30 s alone, more while the rest of the suite runs.
  }, 150_000);
});
