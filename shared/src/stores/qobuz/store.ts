import { matchTypedPath, regionFromLocale } from '../path.ts';
import { normalizeHost, pathSegments, type StoreDefinition, type StoreEntity } from '../types.ts';

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
export const qobuz: StoreDefinition<'qobuz'> = {
  name: 'qobuz',
  displayName: 'Qobuz',
  hosts: ['www.qobuz.com', 'qobuz.com', 'open.qobuz.com', 'play.qobuz.com'],
  entityTypes: ['release', 'artist', 'label', 'track'],
  links: { release: [74, 980], artist: 176, label: 959 },
  site: {
    anchors: ['.album-meta__title', 'h1.album-meta__title'],
    singlePage: false,
    listPages: false,
    artistPanel: true,
  },
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
    const entity: ReturnType<StoreDefinition<'qobuz'>['match']> = {
      store: 'qobuz',
      type: path.type,
      id: path.id,
      slug: path.slug,
      region: regionFromLocale(path.locale, /^([a-z]{2})-/i),
      locale: path.locale?.toLowerCase(),
    };
    if (entity.slug === undefined) delete entity.slug;
    if (entity.region === undefined) delete entity.region;
    if (entity.locale === undefined) delete entity.locale;
    return entity;
  },
  canonicalUrl(entity) {
    return storeUrl(entity, entity.locale ?? localeOf(entity.region));
  },
  alternativeUrls(entity) {
    // Links are added from whatever storefront the editor browsed, and from the web player.
    const locales = [localeOf(entity.region), ...COMMON_LOCALES];
    const forms = locales.map((locale) => storeUrl(entity, locale));
    if (entity.type === 'release' || entity.type === 'track') {
      const type = CANONICAL_TYPES[entity.type];
      forms.push(`https://open.qobuz.com/${type}/${entity.id}`);
      forms.push(`https://play.qobuz.com/${type}/${entity.id}`);
    }
    return forms;
  },
};

const COMMON_LOCALES = ['gb-en', 'us-en', 'fr-fr', 'de-de'];

/** Qobuz's storefront locales where they are not "<cc>-en". */
const LOCALES: Record<string, string> = {
  FR: 'fr-fr',
  DE: 'de-de',
  AT: 'at-de',
  CH: 'ch-de',
  ES: 'es-es',
  IT: 'it-it',
  NL: 'nl-nl',
  BE: 'be-nl',
  LU: 'lu-fr',
  PT: 'pt-pt',
  JP: 'jp-ja',
};

function localeOf(region: string | undefined): string {
  if (!region) return DEFAULT_LOCALE;
  return LOCALES[region.toUpperCase()] ?? `${region.toLowerCase()}-en`;
}

function storeUrl(entity: StoreEntity, locale: string): string {
  const type = CANONICAL_TYPES[entity.type as keyof typeof CANONICAL_TYPES] ?? entity.type;
  return `https://www.qobuz.com/${locale}/${type}/${entity.slug ?? '-'}/${entity.id}`;
}
