import { pathSegments, type StoreDefinition, type StoreEntity } from '../types.ts';

const PATH_TYPES: Record<string, 'release' | 'artist' | 'track'> = {
  album: 'release',
  artist: 'artist',
  song: 'track',
  'music-video': 'track',
};
const CANONICAL_TYPES = { release: 'album', artist: 'artist', track: 'song' };
/** Storefront assumed for URLs without one: Apple redirects those to the US store. */
const DEFAULT_REGION = 'US';

/**
 * Apple Music and the iTunes Store: one catalog, one provider ("itunes"). Pages look like
 * /<cc>/album/<slug>/<id>, /<cc>/album/<id> or the legacy /<cc>/album/<slug>/id<id>.
 */
export const itunes: StoreDefinition<'itunes'> = {
  name: 'itunes',
  displayName: 'Apple Music / iTunes',
  hosts: ['music.apple.com', 'itunes.apple.com', 'geo.music.apple.com', 'geo.itunes.apple.com'],
  entityTypes: ['release', 'artist', 'track'],
  links: {
    release: [74, 980],
    // MusicBrainz takes iTunes Store pages as purchase for download only.
    releaseByHost: { 'itunes.apple.com': [74], 'geo.itunes.apple.com': [74] },
    // Track pages are built as music.apple.com/<cc>/song/<id>: MusicBrainz's URL cleanup takes
    // 'song' (and 'music-video') pages for a recording's download or streaming link.
    recording: [254, 979],
    artist: 978,
    label: 1005,
  },
  site: {
    anchors: [
      'h1[data-testid="non-editable-product-title"]',
      '.headings__title',
      'h1.product-name',
    ],
    singlePage: true,
    listPages: false,
    artistPanel: true,
  },
  pageExample: 'https://music.apple.com/gb/album/1441458047',
  match(url) {
    const segments = pathSegments(url);
    let index = 0;
    let region = DEFAULT_REGION;
    if (/^[a-z]{2}$/i.test(segments[0] ?? '')) {
      region = segments[0]!.toUpperCase();
      index = 1;
    }
    const type = PATH_TYPES[segments[index]?.toLowerCase() ?? ''];
    if (!type) return undefined;
    // The ID is the last segment of the entity path, after an optional slug.
    const rest = segments.slice(index + 1, index + 3);
    const id = rest
      .map((segment) => /^(?:id)?(\d+)$/.exec(segment)?.[1])
      .find((found) => found !== undefined);
    if (!id) return undefined;
    return { store: 'itunes', type, id, region };
  },
  canonicalUrl(entity) {
    return `https://music.apple.com/${regionSegment(entity)}/${appleType(entity)}/${entity.id}`;
  },
  alternativeUrls(entity) {
    const region = regionSegment(entity);
    const type = appleType(entity);
    // One catalog ID is the same release in every storefront, and editors link whichever one
    // they browsed: ask for the big storefronts too, and the older iTunes and country-less forms.
    const forms = [`https://itunes.apple.com/${region}/${type}/id${entity.id}`];
    // Releases only: artists and tracks are asked by the dozen per release, and a batch of
    // MusicBrainz URL look-ups takes 100 at one request a second.
    const storefronts = entity.type === 'release' ? COMMON_STOREFRONTS : ['us'];
    for (const other of storefronts)
      if (other !== region) forms.push(`https://music.apple.com/${other}/${type}/${entity.id}`);
    forms.push(`https://music.apple.com/${type}/${entity.id}`);
    if (region !== 'us') forms.push(`https://itunes.apple.com/us/${type}/id${entity.id}`);
    return forms;
  },
};

const COMMON_STOREFRONTS = ['us', 'gb', 'de', 'fr', 'jp', 'ca', 'au', 'nl', 'se'];

function regionSegment(entity: StoreEntity): string {
  return (entity.region ?? DEFAULT_REGION).toLowerCase();
}

function appleType(entity: StoreEntity): string {
  return CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
}
