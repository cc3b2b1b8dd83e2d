import { matchTypedPath, regionFromLocale } from './path.ts';
import { normalizeHost, pathSegments, type StoreDefinition } from './types.ts';

const PATH_TYPES = {
  album: 'release',
  interpreter: 'artist',
  artist: 'artist',
  label: 'label',
  track: 'track',
} as const;
const CANONICAL_TYPES = { release: 'album', artist: 'interpreter', label: 'label', track: 'track' };
const DEFAULT_LOCALE = 'gb-en';

/**
 * Qobuz store pages are /<cc-ll>/album/<slug>/<id>; the web player (open., play.) uses
 * /album/<id>. IDs are alphanumeric (often the UPC for older releases).
 */
export const qobuz: StoreDefinition = {
  name: 'qobuz',
  displayName: 'Qobuz',
  hosts: ['www.qobuz.com', 'qobuz.com', 'open.qobuz.com', 'play.qobuz.com'],
  entityTypes: ['release', 'artist', 'label', 'track'],
  pageExample: 'https://www.qobuz.com/gb-en/album/example/0060254729482',
  match(url) {
    const player = /^(open|play)\.qobuz\.com$/.test(normalizeHost(url.hostname));
    const path = matchTypedPath(pathSegments(url), {
      keywords: PATH_TYPES,
      id: /^[a-z0-9]+$/i,
      prefix: /^[a-z]{2}-[a-z]{2}$/i,
      slugBeforeId: player ? 'optional' : true,
    });
    if (!path) return undefined;
    const entity: ReturnType<StoreDefinition['match']> = {
      store: 'qobuz',
      type: path.type,
      id: path.id,
      slug: path.slug,
      region: regionFromLocale(path.locale, /^([a-z]{2})-/i),
    };
    if (entity.slug === undefined) delete entity.slug;
    if (entity.region === undefined) delete entity.region;
    return entity;
  },
  canonicalUrl(entity) {
    const type = CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
    const locale = entity.region ? `${entity.region.toLowerCase()}-en` : DEFAULT_LOCALE;
    return `https://www.qobuz.com/${locale}/${type}/${entity.slug ?? '-'}/${entity.id}`;
  },
};
