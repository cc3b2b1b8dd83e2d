import { matchTypedPath } from '../path.ts';
import { pathSegments, type StoreDefinition, type StoreEntity } from '../types.ts';

const PATH_TYPES = { album: 'release', artist: 'artist', track: 'track' } as const;
const CANONICAL_TYPES = { release: 'album', artist: 'artist', track: 'track' } as const;

export const spotify: StoreDefinition<'spotify'> = {
  name: 'spotify',
  displayName: 'Spotify',
  hosts: ['open.spotify.com', 'play.spotify.com'],
  entityTypes: ['release', 'artist', 'track'],
  links: { release: [85], recording: [268], artist: 194, label: 997 },
  site: {
    anchors: ['[data-testid="entityTitle"] h1', 'h1[data-encore-id="text"]'],
    singlePage: true,
    listPages: false,
    artistPanel: true,
  },
  pageExample: 'https://open.spotify.com/album/10FLjwfpbxLmW8c25Xyc2N',
  match(url) {
    const path = matchTypedPath(pathSegments(url), {
      keywords: PATH_TYPES,
      id: /^[A-Za-z0-9]{22}$/,
      // "/intl-de/album/..." localized pages and "/embed/album/..." players.
      prefix: /^(intl-[a-z]{2}(-[a-z]{2,4})?|embed)$/i,
    });
    if (!path) return undefined;
    return { store: 'spotify', type: path.type, id: path.id };
  },
  canonicalUrl(entity: StoreEntity) {
    const type = CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
    return `https://open.spotify.com/${type}/${entity.id}`;
  },
};
