import type { LookupResult } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { formatLookup, shortenUrls } from './format.ts';
import { readableLogLine } from './shared.ts';

const MISS = 'not recorded: no replay file for https://itunes.apple.com/lookup?upc=1';

function result(overrides: Partial<LookupResult> = {}): LookupResult {
  return {
    id: 'abcdefghjkmn',
    createdAt: '2024-01-01T00:00:00.000Z',
    query: { urls: [], gtin: '602475093060', regions: [] },
    sources: {},
    conflicts: [],
    incompatible: [],
    providers: [
      {
        name: 'itunes',
        displayName: 'iTunes',
        lookup: { method: 'gtin', value: '602475093060' },
        error: { kind: 'not-recorded', message: MISS },
      },
    ],
    messages: [{ level: 'error', provider: 'itunes', text: MISS }],
    existing: [],
    ...overrides,
  };
}

describe('shortenUrls', () => {
  it('cuts a URL over 120 characters to 120, the last one “…”, and leaves the text around it', () => {
    const long = `https://musicbrainz.org/ws/2/url?${'resource=x&'.repeat(300)}fmt=json`;
    const out = shortenUrls(`failed: ${long} (looked for /tmp/x).`);
    expect(out).toBe(`failed: ${long.slice(0, 119)}… (looked for /tmp/x).`);
    // A closing parenthesis after a URL stays, and a short URL is as it was.
    expect(shortenUrls(`(API ${long})`)).toBe(`(API ${long.slice(0, 119)}…)`);
    expect(shortenUrls('(API https://api.deezer.com/album/1)')).toBe(
      '(API https://api.deezer.com/album/1)',
    );
  });
});

describe('formatLookup', () => {
  it('says a provider’s failure once, under Providers, not again under Messages', () => {
    const lines = formatLookup(result()).split('\n');
    expect(lines.filter((line) => line.includes(MISS))).toEqual([
      `  itunes      gtin=602475093060  failed: ${MISS}`,
    ]);
    expect(lines).not.toContain('Messages');
    // A message of its own (not the failure said again) is kept.
    const other = formatLookup(
      result({
        messages: [
          { level: 'error', provider: 'itunes', text: MISS },
          { level: 'warning', provider: 'itunes', text: 'region GB has no storefront' },
        ],
      }),
    );
    expect(other).toContain('Messages\n  warning: region GB has no storefront\n');
  });

  it("lists each track's recording in MusicBrainz or why it is new, and the release group", () => {
    const text = formatLookup(
      result({
        release: {
          title: 'Two Sides',
          artists: [{ name: 'Alpha', externalIds: [] }],
          labels: [],
          types: [],
          media: [
            {
              tracks: [
                { number: '1', title: 'Opening' },
                { number: '2', title: 'Duet' },
              ],
            },
          ],
          externalLinks: [],
          images: [],
          externalIds: [],
        },
        recordings: [
          {
            medium: 1,
            position: 1,
            title: 'Opening',
            matched: true,
            mbid: '0c0c0c0c-0000-4000-8000-000000000001',
            reason: 'same ISRC and title, length the same',
          },
          {
            medium: 1,
            position: 2,
            title: 'Duet',
            matched: false,
            reason: 'the stores give no ISRC',
          },
        ],
        releaseGroup: {
          mbid: '5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4',
          title: 'Two Sides',
          reason: '1 of the 1 recordings matched by ISRC are on its releases',
        },
      }),
    );
    expect(text).toContain(
      '  Release group: Two Sides (5a0c1e2d-3f4b-4a5c-9d6e-7f8091a2b3c4): 1 of the 1 recordings',
    );
    expect(text).toContain('  Recordings: 1 of 2 tracks exist in MusicBrainz');
    expect(text).toContain(
      '    1.1 Opening: 0c0c0c0c-0000-4000-8000-000000000001 (same ISRC and title, length the same)',
    );
    expect(text).toContain('    1.2 Duet: new (the stores give no ISRC)');
  });

  it('puts the note after the permalink', () => {
    expect(formatLookup(result(), { permalinkNote: ' (gone)' })).toMatch(
      /\nPermalink: abcdefghjkmn \(gone\)\n$/,
    );
    expect(formatLookup(result(), { permalinkBase: 'http://h:1' })).toMatch(
      /\nPermalink: http:\/\/h:1\/release\/abcdefghjkmn\n$/,
    );
  });
});

describe('readableLogLine', () => {
  it('makes a pino line one short line with its level, and its error’s message', () => {
    expect(
      readableLogLine(
        '{"level":40,"time":"2024-01-01T00:00:00.000Z","service":"liner","provider":"qobuz","msg":"Qobuz is disabled: missing credentials: providers.qobuz.appId"}',
      ),
    ).toBe('liner: warning: Qobuz is disabled: missing credentials: providers.qobuz.appId');
    expect(
      readableLogLine('{"level":50,"msg":"cache write failed","err":{"message":"disk full"}}'),
    ).toBe('liner: error: cache write failed: disk full');
    expect(readableLogLine('{"level":30,"msg":"migrated"}')).toBe('liner: migrated');
    expect(readableLogLine('not json')).toBe('not json');
  });
});
