import { matchTypedPath } from './path.ts';
import { pathSegments, type StoreDefinition } from './types.ts';

const PATH_TYPES = { album: 'release', artist: 'artist', track: 'track', video: 'track' } as const;

export const tidal: StoreDefinition = {
  name: 'tidal',
  displayName: 'Tidal',
  hosts: ['tidal.com', 'www.tidal.com', 'listen.tidal.com'],
  entityTypes: ['release', 'artist', 'track'],
  pageExample: 'https://tidal.com/album/130201923',
  match(url) {
    const path = matchTypedPath(pathSegments(url), {
      keywords: PATH_TYPES,
      id: /^\d+$/,
      prefix: /^browse$/i,
    });
    if (!path) return undefined;
    return { store: 'tidal', type: path.type, id: path.id };
  },
  canonicalUrl(entity) {
    return `https://tidal.com/${tidalType(entity.type)}/${entity.id}`;
  },
  alternativeUrls(entity) {
    // MusicBrainz cleaned Tidal links to the /browse/ form before it switched to the short one.
    const type = tidalType(entity.type);
    return [`https://tidal.com/browse/${type}/${entity.id}`];
  },
};

function tidalType(type: string): string {
  return type === 'release' ? 'album' : type;
}
