import { matchTypedPath } from '../path.ts';
import { pathSegments, type StoreDefinition } from '../types.ts';

const PATH_TYPES = { album: 'release', artist: 'artist', track: 'track', label: 'label' } as const;
const CANONICAL_TYPES = { release: 'album', artist: 'artist', track: 'track', label: 'label' };

export const deezer: StoreDefinition<'deezer'> = {
  name: 'deezer',
  displayName: 'Deezer',
  hosts: ['www.deezer.com', 'deezer.com'],
  entityTypes: ['release', 'artist', 'track', 'label'],
  links: { release: [85], recording: [268], artist: 194, label: 997 },
  site: {
    anchors: ['[data-testid="masthead-title"]', '#page_naboo_album h1'],
    singlePage: true,
    listPages: false,
    artistPanel: true,
  },
  pageExample: 'https://www.deezer.com/album/629506181',
  match(url) {
    const path = matchTypedPath(pathSegments(url), {
      keywords: PATH_TYPES,
      id: /^\d+$/,
      // Locale segments: "fr", "en", "pt-br".
      prefix: /^[a-z]{2}(-[a-z]{2})?$/i,
    });
    if (!path) return undefined;
    return { store: 'deezer', type: path.type, id: path.id };
  },
  canonicalUrl(entity) {
    const type = CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
    return `https://www.deezer.com/${type}/${entity.id}`;
  },
};
