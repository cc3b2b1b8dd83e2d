import { lookupInputSchema, type ProviderName, UrlProblem } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../providers/registry.ts';
import type { ProviderClient } from '../providers/types.ts';
import { foundRegions, type PlanContext, planLookup } from './lookup-plan.ts';
import type { ProviderOutcome } from './provider-fetch.ts';

/** Clients that must never be called: planning is pure. */
const idle: ProviderClient = {
  lookupById: () => Promise.reject(new Error('planning must not look anything up')),
  lookupByGtin: () => Promise.reject(new Error('planning must not look anything up')),
};

function context(names: ProviderName[]): PlanContext {
  return {
    clients: new Map(names.map((name) => [name, idle])),
    declarations: PROVIDERS,
    disabled: new Map(),
    defaultRegions: ['GB', 'US'],
  };
}

const plan = (ctx: PlanContext, input: Parameters<typeof lookupInputSchema.parse>[0]) =>
  planLookup(ctx, lookupInputSchema.parse(input));

describe('look-up plan', () => {
  it('starts from the page types a provider declares, keyed apart from releases', () => {
    const ctx = context(['discogs', 'deezer']);
    const { tasks } = plan(ctx, {
      urls: [
        'https://www.discogs.com/master/3001-Some-Title',
        'https://www.discogs.com/release/3001',
      ],
    });
    expect(tasks.map((t) => [t.provider, t.value, t.entity?.type])).toEqual([
      ['discogs', 'release-group/3001', 'release-group'],
      ['discogs', '3001', 'release'],
    ]);
  });

  it('refuses page types the provider cannot start from, naming the page', () => {
    expect(() => plan(context(['deezer']), { urls: ['https://www.deezer.com/artist/27'] })).toThrow(
      UrlProblem,
    );
    expect(() => plan(context(['deezer']), { urls: ['https://www.deezer.com/artist/27'] })).toThrow(
      /artist page, not a release page/,
    );
  });

  it('puts the URL storefront first and asks barcode stores only for a given GTIN', () => {
    const ctx = context(['itunes', 'deezer', 'discogs']);
    const { tasks, gtin } = plan(ctx, {
      urls: ['https://music.apple.com/jp/album/x/1441458047'],
      gtin: '0602475093060',
    });
    expect(gtin).toBe('0602475093060');
    expect(tasks[0]).toMatchObject({ provider: 'itunes', regions: ['JP', 'GB', 'US'] });
    // Databases (Discogs) are not asked for barcodes unless chosen.
    expect(tasks.slice(1).map((t) => [t.provider, t.method])).toEqual([['deezer', 'gtin']]);
    // The stores are asked with the barcode's one form, as any padding of it would be.
    expect(tasks[1]?.value).toBe('602475093060');
  });

  it('says which store was disabled instead of failing the look-up', () => {
    const ctx = {
      ...context([]),
      disabled: new Map([['spotify', 'missing credentials']] as const),
    };
    const result = plan(ctx, { urls: ['https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N'] });
    expect(result.tasks).toEqual([]);
    expect(result.messages[0]?.text).toMatch(/Spotify is disabled \(missing credentials\)/);
  });

  it('says plainly when a recognized store has no provider at all', () => {
    const url = 'https://mora.jp/package/43000001/4547366000001/';
    // As for a store that declares noProvider: no declaration registered under its name.
    const declarations = new Map([...PROVIDERS].filter(([name]) => name !== 'mora'));
    const result = plan({ ...context([]), declarations }, { urls: [url] });
    expect(result.tasks).toEqual([]);
    expect(result.messages[0]?.text).toMatch(
      new RegExp(
        `^Liner recognizes ${url.replace(/[.?]/g, '\\$&')} \\(mora\\) but has no provider for that store \\(.+\\), so it was not looked up$`,
      ),
    );
  });

  it('asks the stores that declare it by default for a barcode, and the others when named', () => {
    const all: ProviderName[] = [
      'deezer',
      'itunes',
      'spotify',
      'tidal',
      'beatport',
      'qobuz',
      'discogs',
      'musicbrainz',
    ];
    const asked = (input: object) =>
      plan(context(all), { gtin: '602475093060', ...input }).tasks.map((t) => t.provider);
    expect(asked({})).toEqual(['deezer', 'itunes', 'spotify', 'tidal']);
    expect(asked({ providers: ['beatport', 'deezer'] })).toEqual(['beatport', 'deezer']);
  });
});

describe('regions of the barcode phase', () => {
  const outcome = (region?: string, availableIn?: string[]): ProviderOutcome =>
    ({
      task: { provider: 'deezer', method: 'id', value: '1', regions: [], requested: true },
      info: { name: 'deezer', displayName: 'Deezer', lookup: { method: 'id', value: '1' }, region },
      release: { title: 'T', availableIn },
      messages: [],
    }) as unknown as ProviderOutcome;
  const preferred = ['GB', 'US', 'DE', 'JP'];

  it('keeps to the storefront a store found the release in', () => {
    expect(foundRegions([outcome('JP'), outcome(undefined, ['GB'])], preferred)).toEqual(['JP']);
  });

  it('keeps the preferred regions the release is sold in, else where it is sold', () => {
    expect(foundRegions([outcome(undefined, ['JP', 'KR', 'US'])], preferred)).toEqual(['US', 'JP']);
    expect(foundRegions([outcome(undefined, ['TW', 'KR', 'HK'])], ['GB', 'US'])).toEqual([
      'HK',
      'KR',
    ]);
  });

  it('asks the first storefront only for a release a worldwide store sells, saying nowhere', () => {
    const bandcamp = { ...outcome(), task: { provider: 'bandcamp' } } as unknown as ProviderOutcome;
    const worldwide = (p: string) => p === 'bandcamp';
    expect(foundRegions([bandcamp], preferred, worldwide)).toEqual(['GB']);
    // A store that does say where (Deezer's countries) is believed instead.
    expect(foundRegions([bandcamp, outcome(undefined, ['JP'])], preferred, worldwide)).toEqual([
      'JP',
    ]);
  });

  it('keeps the preferred regions when nothing says where the release is sold', () => {
    expect(foundRegions([outcome(undefined, ['XW'])], preferred)).toEqual(preferred);
    expect(foundRegions([outcome()], preferred)).toEqual(preferred);
    expect(foundRegions([], preferred)).toEqual(preferred);
  });
});
