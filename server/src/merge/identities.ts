/**
 * Unifies the external IDs of artists and labels across providers: the same name (compared
 * loosely) on two stores is the same entity within one release, so its Deezer, Spotify and
 * Tidal IDs all help resolve its MusicBrainz ID.
 */
import {
  type ArtistCredit,
  type ExternalId,
  type Label,
  type Release,
  simplifyName,
} from '@liner/shared';

function idKey(id: ExternalId): string {
  return `${id.provider}:${id.type}:${id.id}`;
}

type Named = { name: string; externalIds: ExternalId[]; mbid?: string | undefined };

/**
 * Artists and labels are indexed apart: a self-released "Foo" on the label line is not the artist
 * "Foo", and must never take the artist's store IDs or MBID.
 */
function collect(releases: readonly Release[]): {
  artists: Map<string, Named[]>;
  labels: Map<string, Named[]>;
} {
  const artists = new Map<string, Named[]>();
  const labels = new Map<string, Named[]>();
  const adder = (byName: Map<string, Named[]>) => (entity: Named) => {
    const key = simplifyName(entity.name);
    if (!key) return;
    byName.set(key, [...(byName.get(key) ?? []), entity]);
  };
  const addArtist = adder(artists);
  const addLabel = adder(labels);
  for (const release of releases) {
    release.artists.forEach(addArtist);
    release.labels.forEach(addLabel);
    for (const medium of release.media)
      for (const track of medium.tracks) track.artists?.forEach(addArtist);
  }
  return { artists, labels };
}

function unify<T extends Named>(entity: T, byName: Map<string, Named[]>): T {
  const same = byName.get(simplifyName(entity.name)) ?? [];
  const ids = new Map(entity.externalIds.map((id) => [idKey(id), id]));
  for (const other of same)
    for (const id of other.externalIds) if (!ids.has(idKey(id))) ids.set(idKey(id), id);
  const mbids = new Set(same.map((s) => s.mbid).filter(Boolean));
  const result: T = { ...entity, externalIds: [...ids.values()] };
  if (!result.mbid && mbids.size === 1) result.mbid = [...mbids][0];
  return result;
}

/** Copies every provider's IDs onto the merged release's artists, track artists and labels. */
export function unifyIdentities(merged: Release, sources: readonly Release[]): Release {
  const byName = collect(sources);
  const artists = (list: ArtistCredit[]) => list.map((a) => unify(a, byName.artists));
  return {
    ...merged,
    artists: artists(merged.artists),
    labels: merged.labels.map((label: Label) => unify(label, byName.labels)),
    media: merged.media.map((medium) => ({
      ...medium,
      tracks: medium.tracks.map((track) =>
        track.artists ? { ...track, artists: artists(track.artists) } : track,
      ),
    })),
  };
}
