import { matchTypedPath, type TypedPathOptions } from '../path.ts';
import { pathSegments, type StoreDefinition, type StoreEntity } from '../types.ts';

const PATH_TYPES = { album: 'release', artist: 'artist', track: 'track' } as const;
const ID = /^\d+$/;
const PREFIX = /^browse$/i;
/** Tidal sells music videos on their own: a video page is a release, its ID "video/<id>". */
const VIDEO: TypedPathOptions = { keywords: { video: 'release' }, id: ID, prefix: PREFIX };

export const tidal: StoreDefinition<'tidal'> = {
  name: 'tidal',
  displayName: 'Tidal',
  hosts: ['tidal.com', 'www.tidal.com', 'listen.tidal.com'],
  entityTypes: ['release', 'artist', 'track'],
  links: { release: [980], recording: [979], artist: 978, label: 1005 },
  site: {
    anchors: ['[data-test="entity-title"]', 'h1[data-test="title"]'],
    singlePage: true,
    listPages: false,
    artistPanel: true,
  },
  pageExample: 'https://tidal.com/album/130201923',
  match(url) {
    const segments = pathSegments(url);
    const video = matchTypedPath(segments, VIDEO);
    if (video) return { store: 'tidal', type: 'release', id: `video/${video.id}` };
    const path = matchTypedPath(segments, { keywords: PATH_TYPES, id: ID, prefix: PREFIX });
    if (!path) return undefined;
    return { store: 'tidal', type: path.type, id: path.id };
  },
  canonicalUrl(entity) {
    return `https://tidal.com/${tidalPath(entity)}`;
  },
  alternativeUrls(entity) {
    // MusicBrainz cleaned Tidal links to the /browse/ form before it switched to the short one;
    // links added before any cleanup point at the web player.
    return [
      `https://tidal.com/browse/${tidalPath(entity)}`,
      `https://listen.tidal.com/${tidalPath(entity)}`,
    ];
  },
};

function tidalPath(entity: StoreEntity): string {
  if (entity.type === 'release' && entity.id.startsWith('video/')) return entity.id;
  return `${entity.type === 'release' ? 'album' : entity.type}/${entity.id}`;
}
