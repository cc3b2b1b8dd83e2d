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
  it('takes the one group with the title (store suffix aside), the credit and no other type', () => {
    const choice = chooseArtistGroup(release(), {
      total: 140,
      groups: [
        { mbid: 'g-album', title: 'Two Sides', primaryType: 'Album', artists: alpha },
        { mbid: 'g-ep', title: 'Two sides', primaryType: 'EP', artists: alpha },
        {
          mbid: 'g-duo',
          title: 'Two Sides',
          primaryType: 'EP',
          artists: [...alpha, { mbid: BETA, name: 'Beta' }],
        },
      ],
    });
    expect(choice.choice?.mbid).toBe('g-ep');
    expect(choice.choice?.reason).toContain("the first 3 of the artist's 140 release groups");
  });

  it('chooses none of several, and names them', () => {
    const choice = chooseArtistGroup(release({ types: [] }), {
      total: 2,
      groups: [
        { mbid: 'g-1', title: 'Two Sides', primaryType: 'Album', artists: alpha },
        { mbid: 'g-2', title: 'Two Sides', artists: alpha },
      ],
    });
    expect(choice.choice).toBeUndefined();
    expect(choice.warning).toMatch(/^2 of the artist's 2 release groups .*g-1, g-2/);
  });

  it('keeps a group the release already has', () => {
    const groups = [{ mbid: 'g', title: 'Two Sides', artists: alpha }];
    expect(chooseArtistGroup(release({ releaseGroupMbid: ALPHA }), { total: 1, groups })).toEqual(
      {},
    );
  });
});
