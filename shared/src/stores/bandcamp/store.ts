import { normalizeHost, pathSegments, type StoreDefinition } from '../types.ts';

/** Subdomains of bandcamp.com that are Bandcamp's own, not an artist or label page. */
const RESERVED = new Set(['www', 'daily', 'get', 'blog', 'f4', 't4', 's4']);

/**
 * Bandcamp pages live on <band>.bandcamp.com (custom domains are recognized by the extension
 * from the page itself, then mapped back here). Release IDs are "<band>/album/<slug>" or
 * "<band>/track/<slug>": Bandcamp has no public numeric ID in its URLs.
 */
export const bandcamp: StoreDefinition<'bandcamp'> = {
  name: 'bandcamp',
  displayName: 'Bandcamp',
  hosts: ['*.bandcamp.com'],
  // Tracks: their own pages, "<band>/track/<slug>" (a track page alone is a release page).
  entityTypes: ['release', 'artist', 'track'],
  links: { release: [74, 75, 79, 85], recording: [254, 255, 268], artist: 718, label: 719 },
  site: {
    anchors: ['#name-section .trackTitle', 'h2.trackTitle'],
    singlePage: false,
    listPages: true,
    artistPanel: true,
    ownDomains: true,
  },
  pageExample: 'https://frisyr.bandcamp.com/album/demo',
  match(url) {
    const host = normalizeHost(url.hostname);
    const band = /^([a-z0-9-]+)\.bandcamp\.com$/.exec(host)?.[1];
    if (!band || RESERVED.has(band)) return undefined;
    const [kind, slug] = pathSegments(url);
    if ((kind === 'album' || kind === 'track') && slug && /^[\w-]+$/.test(slug)) {
      return { store: 'bandcamp', type: 'release', id: `${band}/${kind}/${slug.toLowerCase()}` };
    }
    if (kind === undefined || kind === 'music' || kind === 'releases') {
      return { store: 'bandcamp', type: 'artist', id: band };
    }
    return undefined;
  },
  canonicalUrl(entity) {
    if (entity.type === 'artist') return `https://${entity.id}.bandcamp.com/`;
    const [band, kind, slug] = entity.id.split('/');
    return `https://${band}.bandcamp.com/${kind}/${slug}`;
  },
};
