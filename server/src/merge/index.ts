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

const dateKey = (d: ReleaseDate) => `${d.year ?? ''}-${d.month ?? ''}-${d.day ?? ''}`;

function mergeLinks(members: readonly MergeInput[]): ExternalLink[] {
  const byUrl = new Map<string, ExternalLink>();
  for (const { release } of members) {
    for (const link of release.externalLinks) {
      const existing = byUrl.get(link.url);
      if (!existing) byUrl.set(link.url, { ...link, types: [...link.types] });
      else existing.types = [...new Set<LinkType>([...existing.types, ...link.types])];
    }
  }
  return [...byUrl.values()];
}

function mergeImages(members: readonly MergeInput[], order: readonly ProviderName[]): Image[] {
  const seen = new Set<string>();
  const images = order.flatMap(
    (provider) => members.find((m) => m.provider === provider)!.release.images,
  );
  return images.filter((image) => !seen.has(image.url) && seen.add(image.url));
}

/**
 * Availability comes from the providers that report it per country. A store asked in one
 * storefront (iTunes, Tidal) only knows that one: taken alone it would turn a worldwide release
 * into a one-country release event.
 */
function mergeAvailability(
  members: readonly MergeInput[],
): Pick<Release, 'availableIn' | 'excludedFrom'> {
  const reporting = members.filter(
    (m) => QUALITY[m.features.availability] >= QUALITY.present && m.release.availableIn?.length,
  );
  const available = new Set(reporting.flatMap((m) => m.release.availableIn ?? []));
  const excluded = new Set(
    members.flatMap((m) => m.release.excludedFrom ?? []).filter((r) => !available.has(r)),
  );
  return {
    ...(available.size ? { availableIn: [...available].sort() } : {}),
    ...(excluded.size ? { excludedFrom: [...excluded].sort() } : {}),
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
  const musicbrainz = releases.get('musicbrainz');

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
    externalLinks: mergeLinks(members),
    images: mergeImages(members, order('images')),
    externalIds: members.flatMap((m) => m.release.externalIds),
    ...mergeAvailability(members),
  };
  const optional = {
    gtin: take('gtin', (r) => r.gtin, gtinKey),
    releaseDate: take('releaseDate', (r) => r.releaseDate, dateKey),
    status: take('status', (r) => r.status, String),
    packaging: take('packaging', (r) => r.packaging, textKey),
    language: take('language', (r) => r.language, String),
    script: take('script', (r) => r.script, String),
    copyright: take('copyright', (r) => r.copyright, textKey),
    credits: members.map((m) => m.release.credits).find(Boolean),
    mbid: musicbrainz?.mbid,
    releaseGroupMbid: musicbrainz?.releaseGroupMbid,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  if (merged.availableIn)
    sources.availability =
      order('availability').find((p) => releases.get(p)!.availableIn) ?? layout;

  const messages = incompatible.map((group) => ({
    level: 'warning' as const,
    text: `${group.providers.join(', ')} found "${group.title}" with ${group.reason}: not merged. Look up again preferring ${group.providers[0]} to use that release instead.`,
  }));
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
