import { describe, expect, it } from 'vitest';
import type { Seed } from './types.ts';
import { validateSeed } from './validate.ts';

describe('seed validator', () => {
  const valid: Seed = {
    action: 'add',
    url: 'https://musicbrainz.org/release/add?skip_confirmation=1',
    fields: [
      ['name', 'X'],
      ['edit_note', 'From Liner'],
    ],
  };
  const problems = (fields: [string, string][], seed: Partial<Seed> = {}) =>
    validateSeed({ ...valid, ...seed, fields: [...valid.fields, ...fields] });
  const cases: [string, [string, string][], RegExp, Partial<Seed>?][] = [
    ['unknown top-level field', [['position', '1']], /Unknown field/],
    ['medium position', [['mediums.0.position', '1']], /Unknown field/],
    ['index not an integer', [['mediums.0.track.x.name', 'a']], /Unknown field/],
    ['index with a leading zero', [['mediums.0.track.01.name', 'a']], /Unknown field/],
    ['indexes not starting at 0', [['events.1.country', 'GB']], /events\.0 isn't defined/],
    [
      'gap in indexes',
      [
        ['labels.0.name', 'a'],
        ['labels.2.name', 'b'],
      ],
      /labels\.1 isn't defined/,
    ],
    [
      'scalar twice',
      [
        ['barcode', '192758000019'],
        ['barcode', '192758000019'],
      ],
      /more than once/,
    ],
    ['unknown type', [['type', 'LP']], /not a release group type/],
    [
      'two primary types',
      [
        ['type', 'Album'],
        ['type', 'Single'],
      ],
      /more than one primary type/,
    ],
    ['unknown status', [['status', 'Released']], /not a release status/],
    ['unknown packaging', [['packaging', 'Digital']], /not a packaging name/],
    ['language not ISO 639-3', [['language', 'en']], /ISO 639-3/],
    ['script not ISO 15924', [['script', 'latin']], /ISO 15924/],
    ['barcode with letters', [['barcode', 'ABC123']], /not a barcode/],
    ['date not digits', [['events.0.date.year', '2023a']], /not a year/],
    ['month out of range', [['events.0.date.month', '13']], /not a month/],
    ['country not alpha-2', [['events.0.country', 'GBR']], /country code/],
    ['country code ISO does not assign', [['events.0.country', 'ZZ']], /"ZZ" is not an ISO 3166-1/],
    ['medium format not a MusicBrainz name', [['mediums.0.format', 'Digital']], /medium format/],
    ['medium format in the wrong case', [['mediums.0.format', 'cd']], /medium format/],
    [
      'bad MBID',
      [['artist_credit.names.0.mbid', ' 8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e']],
      /not a MusicBrainz ID/,
    ],
    ['bad recording', [['mediums.0.track.0.recording', 'abc']], /not a MusicBrainz ID/],
    ['length not integer ms', [['mediums.0.track.0.length', '3:20']], /whole milliseconds/],
    ['empty track name', [['mediums.0.track.0.name', ' ']], /must not be empty/],
    ['redirect not a URL', [['redirect_uri', 'javascript:alert(1)']], /not an http\(s\) URL/],
    ['make_votable off', [['make_votable', '0']], /only to turn it on/],
    [
      'link type unknown',
      [
        ['urls.0.url', 'https://example.org/x'],
        ['urls.0.link_type', '999'],
      ],
      /not a release URL relationship type/,
    ],
    [
      'link type not allowed for the site',
      [
        ['urls.0.url', 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N'],
        ['urls.0.link_type', '74'],
      ],
      /does not allow link type 74 for spotify/,
    ],
    [
      'streaming link type for an iTunes Store page',
      [
        ['urls.0.url', 'https://itunes.apple.com/gb/album/id1441458047'],
        ['urls.0.link_type', '980'],
      ],
      /does not allow link type 980 for itunes URLs on itunes\.apple\.com/,
    ],
    [
      'URL not http',
      [
        ['urls.0.url', 'ftp://x'],
        ['urls.0.link_type', '85'],
      ],
      /not an http\(s\) URL/,
    ],
    ['link type without URL', [['urls.0.link_type', '85']], /without a URL/],
  ];
  it.each(cases)('rejects: %s', (_name, fields, message, seed) => {
    const found = problems(fields, seed);
    expect(found.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('rejects edit notes of punctuation or one character, a missing note, and wrong targets', () => {
    for (const note of ['...', ' ! ', 'x']) {
      expect(
        validateSeed({
          ...valid,
          fields: [
            ['name', 'X'],
            ['edit_note', note],
          ],
        }),
      ).toContainEqual({
        field: 'edit_note',
        message: expect.stringMatching(/must say something/),
      });
    }
    expect(validateSeed({ ...valid, fields: [['name', 'X']] })).toContainEqual({
      field: 'edit_note',
      message: 'a new release needs an edit note',
    });
    const mbid = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
    const edit: Seed = {
      action: 'edit',
      url: `https://musicbrainz.org/release/${mbid}/edit`,
      fields: [
        ['urls.0.url', 'https://www.deezer.com/album/1'],
        ['urls.0.link_type', '85'],
      ],
    };
    expect(validateSeed(edit)).toContainEqual({
      field: 'edit_note',
      message: 'an edit of an existing release needs an edit note',
    });
    expect(
      validateSeed({ ...edit, fields: [...edit.fields, ['edit_note', 'From Liner']] }),
    ).toEqual([]);
    expect(
      validateSeed({ ...valid, url: 'https://musicbrainz.org/release/add' }).map((p) => p.field),
    ).toEqual(['(action)']);
    expect(
      validateSeed({ ...valid, action: 'edit', url: 'https://musicbrainz.org/release/x/edit' }).map(
        (p) => p.field,
      ),
    ).toEqual(['(action)']);
    expect(validateSeed(valid)).toEqual([]);
  });

  it('takes MusicBrainz country codes, medium format names and Apple links by host', () => {
    const ok = (fields: [string, string][]) => expect(problems(fields)).toEqual([]);
    ok([
      ['events.0.country', 'GB'],
      ['events.1.country', 'XW'],
      ['events.2.country', 'XE'],
      ['events.3.country', 'XK'],
    ]);
    // Countries that no longer exist: Soviet Union, Czechoslovakia, East Germany, Yugoslavia,
    // Serbia and Montenegro, Netherlands Antilles.
    ok(
      ['SU', 'XC', 'XG', 'YU', 'CS', 'AN'].map((code, i): [string, string] => [
        `events.${i}.country`,
        code,
      ]),
    );
    ok(
      ['CD', 'Digital Media', 'Vinyl', '12" Vinyl', '7" Vinyl', '10" Vinyl', 'Cassette', 'DVD'].map(
        (format, i): [string, string] => [`mediums.${i}.format`, format],
      ),
    );
    ok(
      ['Blu-ray', 'SACD', 'Hybrid SACD', 'Enhanced CD', '8cm CD', 'CD-R', 'MiniDisc', 'Other'].map(
        (format, i): [string, string] => [`mediums.${i}.format`, format],
      ),
    );
    // Apple Music pages may be download or streaming links, iTunes Store pages download only.
    ok([
      ['urls.0.url', 'https://music.apple.com/gb/album/id1441458047'],
      ['urls.0.link_type', '980'],
      ['urls.1.url', 'https://music.apple.com/gb/album/id1441458047'],
      ['urls.1.link_type', '74'],
      ['urls.2.url', 'https://itunes.apple.com/gb/album/id1441458047'],
      ['urls.2.link_type', '74'],
    ]);
  });

  it('checks the whole target, the chosen site and the edited release', () => {
    const mbid = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
    const edit = { ...valid, action: 'edit' as const, fields: valid.fields };
    const problems = (seed: typeof valid, target = {}) =>
      validateSeed(seed, target).map((p) => p.message);
    // Only the end of the URL right is not enough.
    expect(
      problems({ ...valid, url: 'https://evil.example/x?r=/release/add?skip_confirmation=1' }),
    ).toContain('a new release is posted to /release/add?skip_confirmation=1');
    expect(problems({ ...valid, url: 'javascript:alert(1)//release/add' })).toContain(
      'a seed is posted over http(s)',
    );
    expect(
      problems(valid, { editorUrl: 'https://test.musicbrainz.org' }).some((m) =>
        m.startsWith('the seed goes to https://musicbrainz.org, not the chosen'),
      ),
    ).toBe(true);
    const editUrl = `https://musicbrainz.org/release/${mbid}/edit`;
    expect(problems({ ...edit, url: editUrl }, { existing: mbid })).toEqual([]);
    expect(
      problems({ ...edit, url: editUrl }, { existing: '00000000-0000-4000-8000-000000000000' }),
    ).toEqual([`the seed edits release ${mbid}, not 00000000-0000-4000-8000-000000000000`]);
    expect(problems({ ...edit, url: `${editUrl}?x=1` })).toEqual([
      'an existing release is posted to /release/<mbid>/edit',
    ]);
    // A MusicBrainz served under a path keeps it.
    const mirror = { editorUrl: 'https://mirror.example/mb' };
    expect(
      problems(
        { ...valid, url: 'https://mirror.example/mb/release/add?skip_confirmation=1' },
        mirror,
      ),
    ).toEqual([]);
    expect(
      problems({ ...valid, url: 'https://mirror.example/release/add?skip_confirmation=1' }, mirror),
    ).toEqual(['a new release is posted to /release/add?skip_confirmation=1']);
  });

  it('takes a redirect_uri only back to the Liner server the seed came from', () => {
    const server = { serverUrl: 'http://127.0.0.1:5733' };
    const redirect = (uri: string) =>
      validateSeed({ ...valid, fields: [...valid.fields, ['redirect_uri', uri]] }, server);
    expect(redirect('http://127.0.0.1:5733/release/abcdefabcdef/imported')).toEqual([]);
    for (const uri of [
      'https://attacker.example/release/abcdefabcdef/imported',
      'http://127.0.0.1:5734/release/abcdefabcdef/imported',
      'https://127.0.0.1:5733/release/abcdefabcdef/imported',
      'http://evil@127.0.0.1:5733/release/abcdefabcdef/imported',
    ])
      expect(redirect(uri), uri).toEqual([
        { field: 'redirect_uri', message: expect.stringMatching(/not back to the Liner server/) },
      ]);
  });
});
