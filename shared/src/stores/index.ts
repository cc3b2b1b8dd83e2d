/**
 * Store URL recognition: the one table both the server and the extension use to decide what a
 * store URL is and which form MusicBrainz keeps for it.
 */
import type { EntityType, ExternalId, ProviderName } from '../model.ts';
import { STORES } from './all.ts';
import {
  type StoreDefinition as Definition,
  type StoreEntity as Entity,
  hostMatches,
  UrlProblem,
} from './types.ts';

export * from './types.ts';

/** A store page as the rest of Liner sees it: of one of the registered stores. */
export type StoreEntity = Entity<ProviderName>;
export type StoreDefinition<N extends ProviderName = ProviderName> = Definition<N>;

export interface RecognizedUrl {
  entity: StoreEntity;
  canonicalUrl: string;
}

export { STORES };

const BY_NAME = new Map<ProviderName, StoreDefinition>(
  STORES.map((store): [ProviderName, StoreDefinition] => [store.name, store]),
);

export function storeByName(name: ProviderName): StoreDefinition {
  const store = BY_NAME.get(name);
  if (!store) throw new Error(`no store definition for provider "${name}"`);
  return store;
}

export function storeForHost(host: string): StoreDefinition | undefined {
  return (STORES as readonly StoreDefinition[]).find((store) =>
    store.hosts.some((pattern) => hostMatches(pattern, host)),
  );
}

/** Longest input accepted: store URLs are short, anything longer is not one. */
const MAX_URL_LENGTH = 2048;

/** Parses user input into a URL, accepting "spotify:album:ID" URIs and scheme-less links. */
export function parseInputUrl(input: string): URL {
  const text = input.trim();
  if (text === '') throw new UrlProblem('malformed', input, 'the URL is empty');
  if (text.length > MAX_URL_LENGTH) {
    throw new UrlProblem('malformed', input, `the URL is longer than ${MAX_URL_LENGTH} characters`);
  }
  const uri = /^spotify:(album|artist|track):([A-Za-z0-9]{22})$/.exec(text);
  if (uri) return new URL(`https://open.spotify.com/${uri[1]}/${uri[2]}`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UrlProblem('malformed', input, `"${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UrlProblem('malformed', input, `"${url.protocol}" URLs are not store pages`);
  }
  if (!url.hostname.includes('.')) {
    throw new UrlProblem('malformed', input, `"${text}" has no valid host name`);
  }
  return url;
}

/**
 * Recognizes a store page URL. Throws a UrlProblem that says whether the input was not a URL,
 * a site Liner does not support, or a page of a supported site that is not an entity page.
 */
export function recognizeUrl(input: string): RecognizedUrl {
  const url = parseInputUrl(input);
  const store = storeForHost(url.hostname);
  if (!store) {
    const names = STORES.map((s) => s.displayName).join(', ');
    throw new UrlProblem(
      'unsupported-site',
      input,
      `${url.hostname} is not a supported store (supported: ${names})`,
    );
  }
  const entity = store.match(url);
  if (!entity) {
    const kinds = store.entityTypes.join(', ');
    throw new UrlProblem(
      'unsupported-page',
      input,
      `${url.href} is not a ${store.displayName} ${kinds} page`,
    );
  }
  return { entity, canonicalUrl: store.canonicalUrl(entity) };
}

/** Like recognizeUrl, but the page must be of one of the given entity types. */
export function recognizeUrlOfType(input: string, types: readonly EntityType[]): RecognizedUrl {
  const recognized = recognizeUrl(input);
  if (!types.includes(recognized.entity.type)) {
    const store = storeByName(recognized.entity.store);
    throw new UrlProblem(
      'unsupported-page',
      input,
      `${recognized.canonicalUrl} is a ${store.displayName} ${recognized.entity.type} page, not ${/^[aeiou]/.test(types[0] ?? '') ? 'an' : 'a'} ${types.join(' or ')} page`,
    );
  }
  return recognized;
}

/** Non-throwing variant for content scripts scanning many links. */
export function tryRecognizeUrl(input: string): RecognizedUrl | undefined {
  try {
    return recognizeUrl(input);
  } catch {
    return undefined;
  }
}

export function canonicalUrl(entity: StoreEntity): string {
  return storeByName(entity.store).canonicalUrl(entity);
}

/**
 * Every URL form to ask MusicBrainz about for one entity, canonical form first. MusicBrainz
 * matches URLs exactly, and links added before its clean-up rules may be http:// or end in "/":
 * those variants of the canonical form are asked too.
 */
export function musicBrainzUrlForms(entity: StoreEntity): string[] {
  const store = storeByName(entity.store);
  const canonical = store.canonicalUrl(entity);
  const forms = [canonical, ...(store.alternativeUrls?.(entity) ?? [])];
  forms.push(canonical.replace(/^https:/, 'http:'));
  if (!canonical.endsWith('/')) forms.push(`${canonical}/`);
  return [...new Set(forms)];
}

/** The MusicBrainz forms of any URL: all forms of a store page, else the URL as written. */
export function musicBrainzFormsOfUrl(url: string): string[] {
  const recognized = tryRecognizeUrl(url);
  return recognized && recognized.entity.store !== 'musicbrainz'
    ? musicBrainzUrlForms(recognized.entity)
    : [url];
}

/**
 * Whether a URL is among `known` in any form MusicBrainz may hold either in: the test for "does
 * MusicBrainz already have this link?" when its links are known.
 */
export function linkMatcher(known: readonly string[]): (url: string) => boolean {
  const forms = new Set(known.flatMap(musicBrainzFormsOfUrl));
  return (url) => musicBrainzFormsOfUrl(url).some((form) => forms.has(form));
}

/**
 * The store page an external ID names, with the region and slug its canonical URL needs;
 * undefined for MusicBrainz's own IDs and types the store has no pages for.
 */
export function entityOfExternalId(id: ExternalId): StoreEntity | undefined {
  if (id.provider === 'musicbrainz') return undefined;
  if (!storeByName(id.provider).entityTypes.includes(id.type)) return undefined;
  return {
    store: id.provider,
    type: id.type,
    id: id.id,
    ...(id.region ? { region: id.region } : {}),
    ...(id.slug ? { slug: id.slug } : {}),
  };
}

/** Match patterns ("https://*.bandcamp.com/*") for a store's pages, for extension manifests. */
export function storeMatchPatterns(store: StoreDefinition): string[] {
  return store.hosts.map((host) => `https://${host}/*`);
}
