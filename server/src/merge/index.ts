/**
 * Merges what several providers said about one release into one release, keeping for every
 * field the provider it came from and every disagreement with its alternatives. Pure: the same
 * inputs always give the same output.
 */
import {
  type Conflict,
  type ExternalLink,
  gtinKey,
  type Image,
  type LinkType,
  type LookupMessage,
  type ProviderName,
  type Release,
  type ReleaseDate,
} from '@liner/shared';
import { creditString } from '../providers/common/credits.ts';
import { QUALITY } from '../providers/types.ts';
import {
  chooseCluster,
  clusterReleases,
  describeIncompatible,
  withFloating,
} from './compatibility.ts';
import { pickField, textKey } from './fields.ts';
import { unifyIdentities } from './identities.ts';
import { providerOrder } from './preferences.ts';
import { chooseLayout, firstWith, mergeTracklist } from './tracks.ts';
import type { MergeField, MergeInput, MergeOptions, MergeResult } from './types.ts';

export type { MergeInput, MergeOptions, MergeResult } from './types.ts';

interface Sourced<T> {
  value: T;
  provider: ProviderName;
}

const dateKey = (d: ReleaseDate) => `${d.year ?? ''}-${d.month ?? ''}-${d.day ?? ''}`;

/** Links in the order providers gave them, each with the first provider that gave its URL. */
function mergeLinks(members: readonly MergeInput[]): Sourced<ExternalLink>[] {
  const byUrl = new Map<string, Sourced<ExternalLink>>();
  for (const { provider, release } of members) {
    for (const link of release.externalLinks) {
      const existing = byUrl.get(link.url);
      if (!existing) byUrl.set(link.url, { value: { ...link, types: [...link.types] }, provider });
      else existing.value.types = [...new Set<LinkType>([...existing.value.types, ...link.types])];
    }
  }
  return [...byUrl.values()];
}

function mergeImages(
  members: readonly MergeInput[],
  order: readonly ProviderName[],
): Sourced<Image>[] {
  const seen = new Set<string>();
  const images = order.flatMap((provider) =>
    members
      .find((m) => m.provider === provider)!
      .release.images.map((value) => ({ value, provider })),
  );
  return images.filter(({ value }) => !seen.has(value.url) && seen.add(value.url));
}

/**
 * Sources of a field assembled from several providers: `field` names the provider of its first
 * item, `field.N` the provider of item N.
 */
function itemSources(field: string, items: readonly Sourced<unknown>[]): [string, ProviderName][] {
  return [
    ...(items[0] ? [[field, items[0].provider] as [string, ProviderName]] : []),
    ...items.map((item, i): [string, ProviderName] => [`${field}.${i}`, item.provider]),
  ];
}

/**
 * Availability comes from the providers that report it per country. A store asked in one
 * storefront (iTunes, Tidal) only knows that one: taken alone it would turn a worldwide release
 * into a one-country release event.
 */
function mergeAvailability(members: readonly MergeInput[]): {
  fields: Pick<Release, 'availableIn' | 'excludedFrom'>;
  availableBy: Sourced<string>[];
  excludedBy: Sourced<string>[];
} {
  const reporting = members.filter(
    (m) => QUALITY[m.features.availability] >= QUALITY.present && m.release.availableIn?.length,
  );
  const availableBy = new Map<string, ProviderName>();
  for (const m of reporting)
    for (const region of m.release.availableIn ?? [])
      if (!availableBy.has(region)) availableBy.set(region, m.provider);
  const available = [...availableBy.keys()].sort();
  const excludedBy = new Map<string, ProviderName>();
  for (const m of members)
    for (const region of m.release.excludedFrom ?? [])
      if (!availableBy.has(region) && !excludedBy.has(region)) excludedBy.set(region, m.provider);
  const excluded = [...excludedBy.keys()].sort();
  return {
    fields: {
      ...(available.length ? { availableIn: available } : {}),
      ...(excluded.length ? { excludedFrom: excluded } : {}),
    },
    availableBy: available.map((value) => ({ value, provider: availableBy.get(value)! })),
    excludedBy: excluded.map((value) => ({ value, provider: excludedBy.get(value)! })),
  };
}

export function mergeReleases(
  inputs: readonly MergeInput[],
  options: MergeOptions = {},
): MergeResult {
  const empty: MergeResult = {
    release: undefined,
    sources: {},
    conflicts: [],
    incompatible: [],
    messages: [],
    merged: [],
  };
  if (inputs.length === 0) return empty;
  const clusters = clusterReleases(inputs);
  const chosen = chooseCluster(clusters, options.prefer)!;
  const members = withFloating(chosen, inputs);
  const incompatible = clusters
    .filter((c) => c !== chosen)
    .map((c) => ({ ...c, members: c.members.filter((m) => !members.includes(m)) }))
    .filter((c) => c.members.length > 0)
    .map((c) => describeIncompatible(chosen, c));
  const releases = new Map(members.map((m) => [m.provider, m.release]));
  const order = (field: MergeField) => providerOrder(members, field, options.preferences);
  const sources: Record<string, ProviderName> = {};
  const conflicts: Conflict[] = [];
  const take = <T>(
    field: MergeField,
    get: (r: Release) => T | undefined,
    key: (v: T) => string,
  ): T | undefined => {
    const picked = pickField(field, order(field), releases, get, key);
    if (picked.source) sources[field] = picked.source;
    if (picked.conflict) conflicts.push(picked.conflict);
    return picked.value;
  };

  const layout = chooseLayout(order('media'), releases);
  const artistsSource = order('artists').find((p) => releases.get(p)!.artists.length > 0) ?? layout;
  const isrcSource = firstWith(order('tracks.isrc'), releases, (t) => Boolean(t.isrc));
  const lengthSource = firstWith(order('tracks.length'), releases, (t) => t.lengthMs !== undefined);
  const tracklist = mergeTracklist(releases, {
    media: layout,
    artists: artistsSource,
    ...(isrcSource ? { isrc: isrcSource } : {}),
    ...(lengthSource ? { length: lengthSource } : {}),
  });
  sources.media = layout;
  if (isrcSource) sources['tracks.isrc'] = isrcSource;
  if (lengthSource) sources['tracks.length'] = lengthSource;
  if (tracklist.media.some((medium) => medium.tracks.some((t) => t.artists)))
    sources['tracks.artists'] = artistsSource;
  Object.assign(sources, tracklist.sources);
  const musicbrainz = releases.get('musicbrainz');
  const links = mergeLinks(members);
  const images = mergeImages(members, order('images'));
  const externalIds = members.flatMap(({ provider, release }) =>
    release.externalIds.map((value) => ({ value, provider })),
  );
  const availability = mergeAvailability(members);
  const credits = members.find((m) => m.release.credits);

  const merged: Release = {
    title: take('title', (r) => r.title, textKey)!,
    artists:
      take(
        'artists',
        (r) => r.artists,
        (a) => textKey(creditString(a)),
      ) ?? [],
    labels:
      take(
        'labels',
        (r) => r.labels,
        (ls) => ls.map((l) => `${textKey(l.name)}|${l.catalogNumber ?? ''}`).join(';'),
      ) ?? [],
    types:
      take(
        'types',
        (r) => r.types,
        (t) => [...t].sort().join(','),
      ) ?? [],
    media: tracklist.media,
    externalLinks: links.map((link) => link.value),
    images: images.map((image) => image.value),
    externalIds: externalIds.map((id) => id.value),
    ...availability.fields,
  };
  for (const [field, items] of [
    ['externalLinks', links],
    ['images', images],
    ['externalIds', externalIds],
    ['availableIn', availability.availableBy],
    ['excludedFrom', availability.excludedBy],
  ] as const)
    for (const [path, provider] of itemSources(field, items)) sources[path] = provider;
  const optional = {
    gtin: take('gtin', (r) => r.gtin, gtinKey),
    releaseDate: take('releaseDate', (r) => r.releaseDate, dateKey),
    status: take('status', (r) => r.status, String),
    packaging: take('packaging', (r) => r.packaging, textKey),
    language: take('language', (r) => r.language, String),
    script: take('script', (r) => r.script, String),
    copyright: take('copyright', (r) => r.copyright, textKey),
    credits: credits?.release.credits,
    mbid: musicbrainz?.mbid,
    releaseGroupMbid: musicbrainz?.releaseGroupMbid,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  if (credits) sources.credits = credits.provider;
  if (merged.mbid) sources.mbid = 'musicbrainz';
  if (merged.releaseGroupMbid) sources.releaseGroupMbid = 'musicbrainz';
  if (merged.availableIn)
    sources.availability =
      order('availability').find((p) => releases.get(p)!.availableIn) ?? layout;

  const messages: LookupMessage[] = incompatible.map((group) => ({
    level: 'warning' as const,
    text: `${group.providers.join(', ')} found "${group.title}" with ${group.reason}: not merged. Look up again preferring ${group.providers[0]} to use that release instead.`,
  }));
  if (tracklist.omitted > 0)
    messages.push({
      level: 'warning',
      text: `${tracklist.omitted} more track disagreements were left out: only the first ${tracklist.conflicts.length} are listed.`,
    });
  return {
    release: unifyIdentities(
      merged,
      members.map((m) => m.release),
    ),
    sources,
    conflicts: [...conflicts, ...tracklist.conflicts],
    incompatible,
    messages,
    merged: members.map((m) => m.provider),
  };
}
