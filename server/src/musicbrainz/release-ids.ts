/**
 * Fills in the MusicBrainz IDs of a merged release's artists, labels and release group from
 * the store pages MusicBrainz has linked, and finds MusicBrainz releases that already carry one
 * of the release's store URLs. An entity gets an MBID only when all its links agree on one.
 */
import {
  type ArtistCredit,
  type ExternalId,
  entityOfExternalId,
  type LookupMessage,
  musicBrainzUrlForms,
  type Release,
  tryRecognizeUrl,
} from '@liner/shared';
import type { UrlAnswers } from './resolver.ts';

function formsOf(ids: readonly ExternalId[], type: ExternalId['type']): string[] {
  return ids
    .filter((id) => id.type === type)
    .flatMap((id) => {
      const entity = entityOfExternalId(id);
      return entity ? musicBrainzUrlForms(entity) : [];
    });
}

/** Every URL whose MusicBrainz mapping can help this release. */
export function releaseUrlsToResolve(release: Release): string[] {
  const urls = new Set<string>();
  for (const link of release.externalLinks) {
    const recognized = tryRecognizeUrl(link.url);
    if (recognized && recognized.entity.store !== 'musicbrainz')
      for (const u of musicBrainzUrlForms(recognized.entity)) urls.add(u);
  }
  const credits = [
    ...release.artists,
    ...release.media.flatMap((m) => m.tracks.flatMap((t) => t.artists ?? [])),
  ];
  for (const credit of credits) for (const u of formsOf(credit.externalIds, 'artist')) urls.add(u);
  for (const label of release.labels)
    for (const u of formsOf(label.externalIds, 'label')) urls.add(u);
  for (const u of formsOf(release.externalIds, 'release-group')) urls.add(u);
  return [...urls];
}

function targets(answers: UrlAnswers, urls: readonly string[], type: string): Set<string> {
  const mbids = new Set<string>();
  for (const url of urls)
    for (const rel of answers.get(url) ?? [])
      if (rel.targetType === type && !rel.ended) mbids.add(rel.mbid);
  return mbids;
}

export interface ResolvedIds {
  release: Release;
  existing: { mbid: string; url: string }[];
  messages: LookupMessage[];
}

export function applyMbids(release: Release, answers: UrlAnswers): ResolvedIds {
  const messages: LookupMessage[] = [];
  const resolve = <
    T extends { name: string; mbid?: string | undefined; externalIds: ExternalId[] },
  >(
    entity: T,
    type: 'artist' | 'label',
  ): T => {
    if (entity.mbid) return entity;
    const mbids = targets(answers, formsOf(entity.externalIds, type), type);
    if (mbids.size === 1) return { ...entity, mbid: [...mbids][0]! };
    if (mbids.size > 1) {
      messages.push({
        level: 'warning',
        text: `The store pages of ${type} "${entity.name}" are linked to ${mbids.size} different MusicBrainz ${type}s (${[...mbids].join(', ')}); none was chosen.`,
      });
    }
    return entity;
  };
  const credits = (list: ArtistCredit[]) => list.map((c) => resolve(c, 'artist'));
  const existing: { mbid: string; url: string }[] = [];
  for (const link of release.externalLinks) {
    const recognized = tryRecognizeUrl(link.url);
    if (recognized?.entity.type !== 'release') continue;
    for (const url of musicBrainzUrlForms(recognized.entity)) {
      for (const mbid of targets(answers, [url], 'release')) {
        if (!existing.some((e) => e.mbid === mbid)) existing.push({ mbid, url });
      }
    }
  }
  const groups = targets(answers, formsOf(release.externalIds, 'release-group'), 'release-group');
  const resolved: Release = {
    ...release,
    artists: credits(release.artists),
    labels: release.labels.map((label) => resolve(label, 'label')),
    media: release.media.map((m) => ({
      ...m,
      tracks: m.tracks.map((t) => (t.artists ? { ...t, artists: credits(t.artists) } : t)),
    })),
  };
  if (!resolved.releaseGroupMbid && groups.size === 1) resolved.releaseGroupMbid = [...groups][0]!;
  if (existing.length > 1) {
    messages.push({
      level: 'warning',
      text: `This release's store links are on ${existing.length} MusicBrainz releases: ${existing.map((e) => e.mbid).join(', ')}.`,
    });
  }
  return { release: resolved, existing, messages };
}
