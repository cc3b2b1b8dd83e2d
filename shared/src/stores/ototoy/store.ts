import { pathSegments, type StoreDefinition } from '../types.ts';

const TYPES = { p: 'release', a: 'artist' } as const;

/** OTOTOY (Japan): /_/default/p/<id> releases, /_/default/a/<id> artists, /labels/<id> labels. */
export const ototoy: StoreDefinition<'ototoy'> = {
  name: 'ototoy',
  displayName: 'OTOTOY',
  hosts: ['ototoy.jp'],
  entityTypes: ['release', 'artist', 'label'],
  links: { release: [74], artist: 176, label: 959 },
  site: {
    anchors: ['h1.album-title', '.album-meta-data h1'],
    singlePage: false,
    listPages: true,
  },
  pageExample: 'https://ototoy.jp/_/default/p/709920',
  match(url) {
    const segments = pathSegments(url);
    if (segments[0] === 'labels' && /^\d+$/.test(segments[1] ?? ''))
      return { store: 'ototoy', type: 'label', id: segments[1]! };
    const [underscore, section, kind, id] = segments;
    if (
      underscore !== '_' ||
      section !== 'default' ||
      !kind ||
      !(kind in TYPES) ||
      !id ||
      !/^\d+$/.test(id)
    )
      return undefined;
    return { store: 'ototoy', type: TYPES[kind as keyof typeof TYPES], id };
  },
  canonicalUrl(entity) {
    if (entity.type === 'label') return `https://ototoy.jp/labels/${entity.id}`;
    return `https://ototoy.jp/_/default/${entity.type === 'artist' ? 'a' : 'p'}/${entity.id}`;
  },
};
