/**
 * Example Store: what Liner knows about the store's URLs and pages. Copied by `npm run new-store`;
 * write the real URL patterns (see the other stores' store.ts and ../path.ts for helpers).
 */
import { matchTypedPath } from '../path.ts';
import { pathSegments, type StoreDefinition } from '../types.ts';

const PATH_TYPES = { album: 'release', artist: 'artist' } as const;

export const examplestore: StoreDefinition<'examplestore'> = {
  name: 'examplestore',
  displayName: 'Example Store',
  hosts: ['examplestore.example', 'www.examplestore.example'],
  entityTypes: ['release', 'artist'],
  // MusicBrainz's link types for the store's pages (RELEASE_LINK_TYPE_IDS in seed/link-types.ts).
  links: { release: [74] },
  // Where the extension puts its button: the release title's selectors, most specific first.
  site: { anchors: ['h1.album-title'], singlePage: false, listPages: false },
  pageExample: 'https://examplestore.example/album/1001',
  match(url) {
    const path = matchTypedPath(pathSegments(url), { keywords: PATH_TYPES, id: /^\d+$/ });
    return path && { store: 'examplestore', type: path.type, id: path.id };
  },
  canonicalUrl(entity) {
    return `https://examplestore.example/${entity.type === 'artist' ? 'artist' : 'album'}/${entity.id}`;
  },
};
