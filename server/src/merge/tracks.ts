/**
 * The merged tracklist. Its layout and titles come from one provider; ISRCs and lengths each come
 * from one provider for the whole tracklist, never mixed track by track, so a set of ISRCs is
 * always one store's consistent set. Tracks are aligned by position across providers.
 */
import type { Conflict, Medium, ProviderName, Release, Track } from '@liner/shared';

export interface TrackSources {
  media: ProviderName;
  isrc?: ProviderName;
  length?: ProviderName;
  artists: ProviderName;
}

const MAX_TRACK_CONFLICTS = 50;
/** Lengths closer than this are the same recording as far as a seed is concerned. */
const LENGTH_TOLERANCE_MS = 3000;

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
): { media: Medium[]; conflicts: Conflict[] } {
  const lists = new Map([...releases].map(([provider, release]) => [provider, flat(release)]));
  const isrcs = sources.isrc ? lists.get(sources.isrc)! : [];
  const lengths = sources.length ? lists.get(sources.length)! : [];
  const credits = lists.get(sources.artists)!;
  const conflicts: Conflict[] = [];
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
      if (sources.artists !== sources.media) {
        const artists = credits[i]?.artists;
        if (artists) merged.artists = artists;
        else delete merged.artists;
      }
      const ids = new Map<string, NonNullable<Track['externalIds']>[number]>();
      for (const list of lists.values()) {
        for (const id of list[i]?.externalIds ?? []) ids.set(`${id.provider}:${id.id}`, id);
        merged.recordingMbid ??= list[i]?.recordingMbid;
      }
      if (ids.size) merged.externalIds = [...ids.values()];
      if (!merged.recordingMbid) delete merged.recordingMbid;
      if (conflicts.length < MAX_TRACK_CONFLICTS)
        trackConflicts(lists, i, `media.${m}.tracks.${t}`, sources, conflicts);
      return merged;
    }),
  }));
  return { media, conflicts };
}

function trackConflicts(
  lists: ReadonlyMap<ProviderName, Track[]>,
  i: number,
  path: string,
  sources: TrackSources,
  out: Conflict[],
): void {
  const isrcGroups = new Map<string, ProviderName[]>();
  const lengthGroups: { value: number; providers: ProviderName[] }[] = [];
  for (const [provider, list] of lists) {
    const track = list[i];
    if (track?.isrc) isrcGroups.set(track.isrc, [...(isrcGroups.get(track.isrc) ?? []), provider]);
    if (track?.lengthMs !== undefined) {
      const group = lengthGroups.find(
        (g) => Math.abs(g.value - track.lengthMs!) <= LENGTH_TOLERANCE_MS,
      );
      if (group) group.providers.push(provider);
      else lengthGroups.push({ value: track.lengthMs, providers: [provider] });
    }
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
