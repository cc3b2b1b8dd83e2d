import { recognizeUrl, releaseSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/support/corpus.ts';
import { testProvider } from '../../../../test/support/providers.ts';

const examplestore = testProvider('examplestore', { replayDir: fixtureDir(import.meta.url) });

describe('Example Store provider', () => {
  it('reads an album on two discs', async () => {
    const entity = recognizeUrl('https://examplestore.example/album/1001').entity;
    const result = await examplestore.lookupById(entity, []);
    const release = releaseSchema.parse(result.release);
    expect(release.media.map((m) => m.tracks.map((t) => t.number))).toEqual([['1', '2'], ['1']]);
    expect(result).toMatchObject({ id: '1001', url: 'https://examplestore.example/album/1001' });
  });

  it('says which album it could not find', async () => {
    const entity = recognizeUrl('https://examplestore.example/album/404').entity;
    await expect(examplestore.lookupById(entity, [])).rejects.toThrow(/404/);
  });
});
