import { matchTypedPath } from '../path.ts';
import { pathSegments, type StoreDefinition } from '../types.ts';

const PATH_TYPES = {
  release: 'release',
  track: 'track',
  artist: 'artist',
  label: 'label',
} as const;

export const beatport: StoreDefinition<'beatport'> = {
  name: 'beatport',
  displayName: 'Beatport',
  hosts: ['www.beatport.com', 'beatport.com'],
  entityTypes: ['release', 'track', 'artist', 'label'],
  // MusicBrainz's URL cleanup takes /track/ pages for a recording's download or streaming link.
  links: { release: [74, 980], recording: [254, 979], artist: 176, label: 959 },
  site: {
    anchors: ['[data-testid="release-title"]', 'main h1[class*="Release"]'],
    singlePage: false,
    listPages: false,
    artistPanel: true,
  },
  pageExample: 'https://www.beatport.com/release/example-release/1234567',
  match(url) {
    const path = matchTypedPath(pathSegments(url), {
      keywords: PATH_TYPES,
      id: /^\d+$/,
      prefix: /^[a-z]{2}$/i,
      slugBeforeId: true,
    });
    if (!path) return undefined;
    return { store: 'beatport', type: path.type, id: path.id, slug: path.slug ?? '-' };
  },
  canonicalUrl(entity) {
    return `https://www.beatport.com/${entity.type}/${entity.slug ?? '-'}/${entity.id}`;
  },
};
