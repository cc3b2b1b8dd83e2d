import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './fixture-path.ts';
import { replayResponse } from './replay.ts';

function write(dir: string, url: string, body: string, name = fixturePath(url)): void {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
}

describe('replay', () => {
  const url = 'https://itunes.apple.com/lookup?id=1&country=gb';

  it('prefers an exact file in a later directory to a near match in an earlier one', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'liner-replay-a-'));
    const own = mkdtempSync(join(tmpdir(), 'liner-replay-b-'));
    write(corpus, `${url}&limit=200`, 'near');
    write(own, url, 'exact');
    expect(replayResponse([corpus, own], 'itunes', url).body).toBe('exact');
  });

  it('falls back to a sibling that differs only in parameters that shape the answer', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'liner-replay-c-'));
    write(corpus, `${url}&limit=200`, 'near');
    write(corpus, 'https://itunes.apple.com/lookup?id=2&country=gb&limit=200', 'other item');
    expect(replayResponse([corpus], 'itunes', url).body).toBe('near');
    expect(() =>
      replayResponse([corpus], 'itunes', 'https://itunes.apple.com/lookup?id=3&country=gb'),
    ).toThrow(/^not recorded: /);
  });

  it('replays the status a hand-written error answer gives beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-replay-d-'));
    write(dir, url, '{"message":"Release not found."}');
    write(dir, url, '404', `${fixturePath(url)}.status`);
    expect(replayResponse([dir], 'itunes', url)).toMatchObject({ status: 404 });
    // A near match brings its status along.
    expect(replayResponse([dir], 'itunes', `${url}&limit=5`)).toMatchObject({ status: 404 });
  });
});
