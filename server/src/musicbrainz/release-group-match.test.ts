import type { Release } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { chooseArtistGroup } from './release-group-match.ts';

const ALPHA = '8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e';
const BETA = '20000000-0000-4000-8000-000000000002';
const alpha = [{ mbid: ALPHA, name: 'Alpha' }];

const release = (extra: Partial<Release> = {}): Release => ({
  title: 'Two Sides - EP',
  artists: [{ name: 'Alpha', mbid: ALPHA, externalIds: [] }],
  labels: [],
  types: ['EP'],
  media: [],
  externalLinks: [],
  images: [],
  externalIds: [],
  ...extra,
});

describe("the release group through the artist's release groups", () => {
  it('takes the one group with the title (store suffix aside), the credit and the type', () => {
    const choice = chooseArtistGroup(release(), {
      total: 4,
      groups: [
        { mbid: 'g-album', title: 'Two Sides', primaryType: 'Album', artists: alpha },
        { mbid: 'g-ep', title: 'Two sides', primaryType: 'EP', artists: alpha },
        { mbid: 'g-untyped', title: 'Two Sides', artists: alpha },
        {
          mbid: 'g-duo',
          title: 'Two Sides',
          primaryType: 'EP',
          artists: [...alpha, { mbid: BETA, name: 'Beta' }],
        },
      ],
    });
    expect(choice.choice?.mbid).toBe('g-ep');
    expect(choice.choice?.reason).toContain("the only one of the artist's 4 release groups");
    expect(choice.choice?.reason).toContain('type (EP)');
    expect(choice.guess).toBeUndefined();
  });

  it("chooses nothing when the release's primary type is not known, and says why", () => {
    // Bandcamp states no type: the single "Two Sides" is not the album "Two Sides".
    const single = [
      { mbid: 'g-single', title: 'Two Sides', primaryType: 'Single', artists: alpha },
    ];
    const choice = chooseArtistGroup(release({ types: [] }), { total: 1, groups: single });
    expect(choice.choice).toBeUndefined();
    expect(choice.note).toMatch(/no store states the release's primary type/);
    const secondaryOnly = chooseArtistGroup(release({ types: ['Live'] }), {
      total: 1,
      groups: single,
    });
    expect(secondaryOnly.choice).toBeUndefined();
  });

  it('takes no group without a primary type', () => {
    const groups = [{ mbid: 'g-untyped', title: 'Two Sides', artists: alpha }];
    expect(chooseArtistGroup(release(), { total: 1, groups })).toEqual({});
  });

  it('labels a choice that rests on a guessed type as a guess, with the reason', () => {
    const groups = [{ mbid: 'g-ep', title: 'Two Sides', primaryType: 'EP', artists: alpha }];
    const choice = chooseArtistGroup(release(), { total: 1, groups }, '5 tracks, 20 min');
    expect(choice.choice?.mbid).toBe('g-ep');
    expect(choice.guess).toBe(true);
    expect(choice.choice?.reason).toContain('type (EP, as guessed: 5 tracks, 20 min)');
  });

  it('chooses none past the first page of an artist with more release groups, and says why', () => {
    const groups = [{ mbid: 'g-ep', title: 'Two Sides', primaryType: 'EP', artists: alpha }];
    const choice = chooseArtistGroup(release(), { total: 140, groups });
    expect(choice.choice).toBeUndefined();
    expect(choice.note).toMatch(/has 140 release groups and one browse reads the first 1/);
  });

  it('chooses none of several, and names them', () => {
    const choice = chooseArtistGroup(release(), {
      total: 2,
      groups: [
        { mbid: 'g-1', title: 'Two Sides', primaryType: 'EP', artists: alpha },
        { mbid: 'g-2', title: 'Two Sides - EP', primaryType: 'EP', artists: alpha },
      ],
    });
    expect(choice.choice).toBeUndefined();
    expect(choice.warning).toMatch(/^2 of the artist's 2 release groups .*g-1, g-2/);
  });

  it('keeps a group the release already has', () => {
    const groups = [{ mbid: 'g', title: 'Two Sides', primaryType: 'EP', artists: alpha }];
    expect(chooseArtistGroup(release({ releaseGroupMbid: ALPHA }), { total: 1, groups })).toEqual(
      {},
    );
  });
});
