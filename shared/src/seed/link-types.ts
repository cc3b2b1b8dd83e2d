/**
 * MusicBrainz URL relationship types and which of them each store's URLs may carry, following
 * MusicBrainz's own URL cleanup rules: a link type the site does not allow is an error in the
 * release editor, so it is never sent.
 */
import type { LinkType, ProviderName } from '../model.ts';
import { STORES } from '../stores/all.ts';
import {
  RECORDING_LINK_TYPE_IDS,
  RELEASE_LINK_TYPE_IDS,
  type RecordingLinkTypeId,
  type ReleaseLinkTypeId,
} from './link-type-ids.ts';

export {
  RECORDING_LINK_TYPE_IDS,
  RELEASE_LINK_TYPE_IDS,
  type RecordingLinkTypeId,
  type ReleaseLinkTypeId,
};

export const RELEASE_LINK_TYPES: readonly number[] = Object.values(RELEASE_LINK_TYPE_IDS);

/** Each store's declared value; a store that declares no links (the completeness check names it) has none. */
const byStore = <T>(
  pick: (store: (typeof STORES)[number]) => T | undefined,
): Partial<Record<ProviderName, T>> =>
  Object.fromEntries(
    STORES.flatMap((store) => {
      const value = pick(store);
      return value === undefined ? [] : [[store.name, value]];
    }),
  );

/** Release link types each store's pages may have in MusicBrainz, as each store declares. */
export const ALLOWED_RELEASE_LINK_TYPES: Readonly<
  Record<ProviderName, readonly ReleaseLinkTypeId[]>
> = byStore((store) => store.links?.release) as Record<ProviderName, readonly ReleaseLinkTypeId[]>;

/**
 * Hosts whose rule differs from their store's: MusicBrainz takes iTunes Store pages
 * (itunes.apple.com) as purchase for download only, Apple Music pages (music.apple.com) as
 * download or streaming.
 */
export const HOST_RELEASE_LINK_TYPES: Readonly<Record<string, readonly ReleaseLinkTypeId[]>> =
  Object.assign({}, ...STORES.map((store) => store.links?.releaseByHost ?? {}));

/** The release link types MusicBrainz allows for a store's URL (by its host where that matters). */
export function allowedReleaseLinkTypes(
  store: ProviderName,
  url?: string,
): readonly ReleaseLinkTypeId[] {
  const host = url && URL.canParse(url) ? new URL(url).hostname.toLowerCase() : undefined;
  return (host && HOST_RELEASE_LINK_TYPES[host]) || ALLOWED_RELEASE_LINK_TYPES[store];
}

/**
 * The release link type ID for one of our link types on one store, if the store allows it; with
 * the URL, by the rule of its host (an itunes.apple.com page is not a streaming link).
 */
export function releaseLinkTypeId(
  store: ProviderName | undefined,
  type: LinkType,
  url?: string,
): ReleaseLinkTypeId | undefined {
  let id: ReleaseLinkTypeId;
  if (type === 'discography') id = store === 'discogs' ? 76 : 288;
  else id = RELEASE_LINK_TYPE_IDS[type];
  if (type === 'license') return id;
  if (store === undefined) return type === 'discography' ? 288 : undefined;
  return allowedReleaseLinkTypes(store, url).includes(id) ? id : undefined;
}

/** Artist and label -> URL relationship types per store, for the follow-up link seeds. */
export const ENTITY_LINK_TYPE_IDS: Readonly<
  Record<'artist' | 'label', Partial<Record<ProviderName, number>>>
> = {
  artist: byStore((store) => store.links?.artist),
  label: byStore((store) => store.links?.label),
};
