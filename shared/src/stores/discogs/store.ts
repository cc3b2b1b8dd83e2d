import { pathSegments, type StoreDefinition } from '../types.ts';

const PATH_TYPES: Record<string, 'release' | 'release-group' | 'artist' | 'label'> = {
  release: 'release',
  master: 'release-group',
  artist: 'artist',
  label: 'label',
};
const CANONICAL_TYPES = {
  release: 'release',
  'release-group': 'master',
  artist: 'artist',
  label: 'label',
};

export const discogs: StoreDefinition<'discogs'> = {
  name: 'discogs',
  displayName: 'Discogs',
  hosts: ['www.discogs.com', 'discogs.com'],
  entityTypes: ['release', 'release-group', 'artist', 'label'],
  links: { release: [76], artist: 180, label: 217 },
  site: {
    anchors: ['h1[class*="title_"]', 'h1#profile_title'],
    singlePage: false,
    listPages: true,
    artistPanel: true,
  },
  pageExample: 'https://www.discogs.com/release/1503102',
  match(url) {
    const segments = pathSegments(url);
    // "/release/123-Artist-Title", "/de/release/123", and the old "/Artist-Title/release/123"
    // and "/master/view/123".
    for (let i = 0; i < segments.length - 1 && i < 3; i++) {
      const type = PATH_TYPES[segments[i]!.toLowerCase()];
      const next = segments[i + 1]!.toLowerCase() === 'view' ? segments[i + 2] : segments[i + 1];
      const id = /^(\d+)(-.*)?$/.exec(next ?? '')?.[1];
      if (type && id) return { store: 'discogs', type, id };
    }
    return undefined;
  },
  canonicalUrl(entity) {
    const type = CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
    return `https://www.discogs.com/${type}/${entity.id}`;
  },
};
