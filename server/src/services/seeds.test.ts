import { type LookupResult, lookupResultSchema } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/providers.ts';
import type { MbidResolver } from '../musicbrainz/resolver.ts';
import { createSeedService, FOLLOW_UP_REFRESH_MS } from './seeds.ts';

/** A resolver that knows no URL: these tests are about the seed's own fields. */
const nothingLinked: MbidResolver = { resolveUrls: async () => new Map(), requests: () => 0 };

const result: LookupResult = lookupResultSchema.parse({
  id: 'abcdefabcdef',
  createdAt: '2026-01-01T00:00:00.000Z',
  query: { urls: ['https://www.deezer.com/album/1'], regions: ['GB'] },
  release: {
    title: 'T',
    artists: [{ name: 'A' }],
    media: [{ format: 'Digital Media', tracks: [{ number: '1', title: 'One' }] }],
    externalLinks: [{ url: 'https://www.deezer.com/album/1', types: ['free streaming'] }],
    images: [],
  },
  sources: {},
  conflicts: [],
  incompatible: [],
  providers: [
    {
      name: 'deezer',
      displayName: 'Deezer',
      url: 'https://www.deezer.com/album/1',
      lookup: { method: 'id', value: '1' },
    },
  ],
  messages: [],
});

async function built(publicUrl?: string, base?: string) {
  const config = testConfig(publicUrl ? { LINER_PUBLIC_URL: publicUrl } : {});
  const seeds = createSeedService({
    config,
    resolver: nothingLinked,
    baseUrl: () => publicUrl ?? 'http://127.0.0.1:5733',
  });
  const seed = await seeds.seed(result, base ? { base } : {});
  expect(seed.problems).toEqual([]);
  const field = (name: string) => seed.fields.find(([key]) => key === name)?.[1];
  return { note: field('edit_note')!, redirect: field('redirect_uri') };
}

const note = async (publicUrl?: string) => (await built(publicUrl)).note;

describe('seed service', () => {
  it('cites the permalink only at an address voters can open', async () => {
    expect(await note('https://liner.example.org')).toContain(
      'https://liner.example.org/release/abcdefabcdef',
    );
    expect(await note('http://127.0.0.1:5733')).not.toContain('/release/abcdefabcdef');
    expect(await note()).not.toContain('/release/abcdefabcdef');
    expect(await note()).toContain('https://www.deezer.com/album/1');
  });

  it('points back where the client reached the server, unless a public address is set', async () => {
    // The extension at a LAN address: links back to it, and no private address in the note.
    const lan = await built(undefined, 'http://192.168.1.5:5733');
    expect(lan.redirect).toBe('http://192.168.1.5:5733/release/abcdefabcdef/imported');
    expect(lan.note).not.toContain('/release/abcdefabcdef');
    const open = await built(undefined, 'https://liner.example.org');
    expect(open.note).toContain('https://liner.example.org/release/abcdefabcdef');
    // A configured public address wins over the client's.
    const configured = await built('https://liner.example.org', 'http://192.168.1.5:5733');
    expect(configured.redirect).toBe('https://liner.example.org/release/abcdefabcdef/imported');
  });

  it('seeds the edit of the given release, checked against the configured site', async () => {
    const seeds = createSeedService({
      config: testConfig(),
      resolver: nothingLinked,
      baseUrl: () => 'http://127.0.0.1:5733',
    });
    const seed = await seeds.seed(result, { existing: '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f' });
    expect(seed.url).toBe(
      'https://musicbrainz.org/release/1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f/edit',
    );
    expect(seed.problems).toEqual([]);
  });

  it('forces one MusicBrainz refresh per look-up in ten minutes, however often or with whatever release the page is opened', async () => {
    const refreshes: string[][] = [];
    const counting: MbidResolver = {
      resolveUrls: async (urls, options) => {
        if (options?.refresh) refreshes.push([...urls]);
        return new Map();
      },
      requests: () => 0,
    };
    let clock = 0;
    const seeds = createSeedService({
      config: testConfig(),
      resolver: counting,
      baseUrl: () => 'http://127.0.0.1:5733',
      now: () => clock,
    });
    const imported = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
    for (let i = 0; i < 5; i++) await seeds.followUps(result, imported);
    expect(refreshes).toHaveLength(1);
    // Made-up release IDs ask about the same links: no refresh of their own.
    for (let i = 0; i < 5; i++)
      await seeds.followUps(result, `7a1b2c3d-0000-4000-8000-00000000000${i}`);
    expect(refreshes).toHaveLength(1);
    clock = FOLLOW_UP_REFRESH_MS - 1;
    await seeds.followUps(result, imported);
    expect(refreshes).toHaveLength(1);
    clock = FOLLOW_UP_REFRESH_MS;
    await seeds.followUps(result, imported);
    expect(refreshes).toHaveLength(2);
  });
});
