/**
 * The merged tracklist. Its layout and titles come from one provider; ISRCs and lengths each come
 * from one provider for the whole tracklist, never mixed track by track, so a set of ISRCs is
 * always one store's consistent set. Tracks are aligned by position across providers.
 */
import type { Conflict, Medium, ProviderName, Release, Track } from '@liner/shared';
import { splitFeaturing } from '../providers/common/featuring.ts';
import { isPlaceholderTrack } from '../providers/common/placeholders.ts';
import { textKey } from './fields.ts';

export interface TrackSources {
  media: ProviderName;
  isrc?: ProviderName;
  length?: ProviderName;
  artists: ProviderName;
}

export const MAX_TRACK_CONFLICTS = 50;
/** Lengths closer than this are the same recording as far as a seed is concerned. */
const LENGTH_TOLERANCE_MS = 3000;

/**
 * Titles that differ only in case, spacing or a "feat." part are the same title: providers move
 * "(feat. X)" into the track credit, and one that did not has not named another track. A weak
 * "(with X)" stays part of the title ("Stay (With Me)").
 */
function titleKey(title: string): string {
  const featuring = splitFeaturing(title);
  return textKey(featuring.featured && !featuring.weak ? featuring.title : title);
}

function flat(release: Release): Track[] {
  return release.media.flatMap((medium) => medium.tracks);
}

/** The first provider in `order` whose tracklist has the value for at least one track. */
export function firstWith(
  order: readonly ProviderName[],
  releases: ReadonlyMap<ProviderName, Release>,
  has: (track: Track) => boolean,
): ProviderName | undefined {
  return order.find((provider) => flat(releases.get(provider)!).some(has));
}

/**
 * Layout provider: the first in order, unless another provider splits the same tracks into more
 * media (disc numbers are information a flat list lacks).
 */
export function chooseLayout(
  order: readonly ProviderName[],
  releases: ReadonlyMap<ProviderName, Release>,
): ProviderName {
  let best = order[0]!;
  for (const provider of order) {
    if (releases.get(provider)!.media.length > releases.get(best)!.media.length) best = provider;
  }
  return best;
}

export function mergeTracklist(
  releases: ReadonlyMap<ProviderName, Release>,
  sources: TrackSources,
): {
  media: Medium[];
  /** At most MAX_TRACK_CONFLICTS, in track order. */
  conflicts: Conflict[];
  /** Track disagreements left out of `conflicts` by the cap. */
  omitted: number;
  /** Per-track field paths ("media.0.tracks.3.recordingMbid") -> provider. */
  sources: Record<string, ProviderName>;
} {
  const lists = new Map([...releases].map(([provider, release]) => [provider, flat(release)]));
  const isrcs = sources.isrc ? lists.get(sources.isrc)! : [];
  const lengths = sources.length ? lists.get(sources.length)! : [];
  const credits = lists.get(sources.artists)!;
  const conflicts: Conflict[] = [];
  const trackSources: Record<string, ProviderName> = {};
  let index = 0;
  const media = releases.get(sources.media)!.media.map((medium, m) => ({
    ...medium,
    tracks: medium.tracks.map((track, t) => {
      const i = index++;
      const merged: Track = { ...track };
      delete merged.isrc;
      delete merged.isrcs;
      delete merged.lengthMs;
      // The ISRC and its list come from the ISRC source together: isrc is the list's first.
      const isrc = isrcs[i]?.isrc;
      if (isrc) merged.isrc = isrc;
      const all = isrcs[i]?.isrcs;
      if (isrc && all) merged.isrcs = all;
      const length = lengths[i]?.lengthMs;
      if (length !== undefined) merged.lengthMs = length;
      // A position the layout's store only counts: another store may list the track.
      if (isPlaceholderTrack(track)) {
        const known = [...lists.values()]
          .map((list) => list[i])
          .find((other) => other && !isPlaceholderTrack(other));
        if (known) {
          merged.title = known.title;
          if (known.artists) merged.artists = known.artists;
        }
      }
      if (sources.artists !== sources.media) {
        const artists = credits[i]?.artists;
        if (artists) merged.artists = artists;
        else delete merged.artists;
      }
      const path = `media.${m}.tracks.${t}`;
      const ids = new Map<string, NonNullable<Track['externalIds']>[number]>();
      for (const list of lists.values())
        for (const id of list[i]?.externalIds ?? []) ids.set(`${id.provider}:${id.id}`, id);
      // The layout's own recording MBID first, then the other providers' in their order.
      delete merged.recordingMbid;
      const mbidSource = [sources.media, ...lists.keys()].find(
        (provider) => lists.get(provider)![i]?.recordingMbid,
      );
      if (mbidSource) {
        merged.recordingMbid = lists.get(mbidSource)![i]!.recordingMbid!;
        trackSources[`${path}.recordingMbid`] = mbidSource;
      }
      if (ids.size) merged.externalIds = [...ids.values()];
      trackConflicts(lists, i, path, sources, conflicts);
      return merged;
    }),
  }));
  return {
    media,
    conflicts: conflicts.slice(0, MAX_TRACK_CONFLICTS),
    omitted: Math.max(0, conflicts.length - MAX_TRACK_CONFLICTS),
    sources: trackSources,
  };
}

function trackConflicts(
  lists: ReadonlyMap<ProviderName, Track[]>,
  i: number,
  path: string,
  sources: TrackSources,
  out: Conflict[],
): void {
  const titleGroups = new Map<string, { providers: ProviderName[]; value: string }>();
  const isrcGroups = new Map<string, ProviderName[]>();
  const lengthGroups: { value: number; providers: ProviderName[] }[] = [];
  for (const [provider, list] of lists) {
    const track = list[i];
    if (track?.title && !isPlaceholderTrack(track)) {
      const key = titleKey(track.title);
      const group = titleGroups.get(key);
      if (group) group.providers.push(provider);
      else titleGroups.set(key, { providers: [provider], value: track.title });
    }
    if (track?.isrc) isrcGroups.set(track.isrc, [...(isrcGroups.get(track.isrc) ?? []), provider]);
    if (track?.lengthMs !== undefined) {
      const group = lengthGroups.find(
        (g) => Math.abs(g.value - track.lengthMs!) <= LENGTH_TOLERANCE_MS,
      );
      if (group) group.providers.push(provider);
      else lengthGroups.push({ value: track.lengthMs, providers: [provider] });
    }
  }
  if (titleGroups.size > 1) {
    out.push({
      field: `${path}.title`,
      chosen: sources.media,
      alternatives: [...titleGroups.values()],
    });
  }
  if (isrcGroups.size > 1 && sources.isrc) {
    out.push({
      field: `${path}.isrc`,
      chosen: sources.isrc,
      alternatives: [...isrcGroups].map(([value, providers]) => ({ providers, value })),
    });
  }
  if (lengthGroups.length > 1 && sources.length) {
    out.push({ field: `${path}.lengthMs`, chosen: sources.length, alternatives: lengthGroups });
  }
}
