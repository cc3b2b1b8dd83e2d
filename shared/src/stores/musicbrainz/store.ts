import { pathSegments, type StoreDefinition } from '../types.ts';

const TYPES = ['release', 'release-group', 'artist', 'label', 'recording'] as const;
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const musicbrainz: StoreDefinition<'musicbrainz'> = {
  name: 'musicbrainz',
  displayName: 'MusicBrainz',
  hosts: ['musicbrainz.org', 'beta.musicbrainz.org', 'test.musicbrainz.org', 'musicbrainz.eu'],
  entityTypes: TYPES,
  links: { release: [] },
  site: { none: 'MusicBrainz pages have their own content script (musicbrainz.content.ts)' },
  pageExample: 'https://musicbrainz.org/release/b84ee12a-09ef-421b-82de-0441a926375b',
  match(url) {
    const [type, id] = pathSegments(url);
    const entityType = TYPES.find((t) => t === type);
    if (!entityType || !id || !MBID.test(id)) return undefined;
    return { store: 'musicbrainz', type: entityType, id: id.toLowerCase() };
  },
  canonicalUrl(entity) {
    return `https://musicbrainz.org/${entity.type}/${entity.id}`;
  },
};
