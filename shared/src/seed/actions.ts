/**
 * What to do after an import: submit the ISRCs through MagicISRC, add the store links that the
 * release's artists and labels lack (GET-seeded edit pages), and pick cover art. Every change
 * still goes through a MusicBrainz form the user reviews.
 */
import type { EntityLinkAction, FollowUpActions, RecordingLinks } from '../contracts.ts';
import type { LookupResult } from '../lookup.ts';
import type { ExternalId, Image } from '../model.ts';
import { canonicalUrl, entityOfExternalId } from '../stores/index.ts';
import { ENTITY_LINK_TYPE_IDS } from './link-types.ts';
import { recordingLinksRow, storeTrackLinks } from './recording-links.ts';

const MAGICISRC = 'https://magicisrc.kepstin.ca/';

/** An ISRC at its place in the tracklist: medium and position, both counted from 1. */
export interface PlacedIsrc {
  medium: number;
  position: number;
  isrc: string;
}

/** MagicISRC with exactly these ISRCs (isrc<medium>-<position>) for a MusicBrainz release. */
export function magicIsrcLink(
  isrcs: readonly PlacedIsrc[],
  releaseMbid: string,
  editNote: string,
): string | undefined {
  if (isrcs.length === 0) return undefined;
  const params = new URLSearchParams({ musicbrainzid: releaseMbid });
  for (const { medium, position, isrc } of isrcs) params.set(`isrc${medium}-${position}`, isrc);
  params.set('edit-note', editNote);
  return `${MAGICISRC}?${params.toString()}`;
}

/** MagicISRC with every ISRC at its medium and position, for the imported release. */
export function magicIsrcUrl(
  result: LookupResult,
  releaseMbid: string,
  editNote: string,
): { url?: string; count: number } {
  const placed = (result.release?.media ?? []).flatMap((medium, m) =>
    medium.tracks.flatMap((track, t) =>
      track.isrc ? [{ medium: m + 1, position: t + 1, isrc: track.isrc }] : [],
    ),
  );
  const url = magicIsrcLink(placed, releaseMbid, editNote);
  return url ? { url, count: placed.length } : { count: 0 };
}

function storeLinks(
  ids: readonly ExternalId[],
  type: 'artist' | 'label',
): { url: string; linkType: number }[] {
  return ids.flatMap((id) => {
    // The credit's own type: the page is the artist's or label's, whatever the ID says.
    const entity = entityOfExternalId({ ...id, type });
    const linkType = entity && ENTITY_LINK_TYPE_IDS[type][entity.store];
    return entity && linkType !== undefined ? [{ url: canonicalUrl(entity), linkType }] : [];
  });
}

/**
 * Edit-page links for artists and labels with an MBID whose store pages are not linked to them
 * yet. `linked` holds, per MBID, the URLs MusicBrainz already links to that entity.
 */
export function entityLinkActions(
  result: LookupResult,
  editorUrl: string,
  linked: ReadonlyMap<string, readonly string[]>,
  editNote: string,
): EntityLinkAction[] {
  const release = result.release;
  if (!release) return [];
  const entities = [
    ...release.artists.map((a) => ({ entity: 'artist' as const, ...a })),
    ...release.media.flatMap((m) =>
      m.tracks.flatMap((t) => (t.artists ?? []).map((a) => ({ entity: 'artist' as const, ...a }))),
    ),
    ...release.labels.map((l) => ({ entity: 'label' as const, ...l })),
  ];
  const actions = new Map<string, EntityLinkAction>();
  for (const entity of entities) {
    if (!entity.mbid || actions.has(entity.mbid)) continue;
    const have = new Set(linked.get(entity.mbid) ?? []);
    const links = storeLinks(entity.externalIds, entity.entity).filter(
      (link) => !have.has(link.url),
    );
    if (links.length === 0) continue;
    const prefix = `edit-${entity.entity}`;
    const params = new URLSearchParams();
    for (const [i, link] of links.entries()) {
      params.set(`${prefix}.url.${i}.text`, link.url);
      params.set(`${prefix}.url.${i}.link_type_id`, String(link.linkType));
    }
    params.set(`${prefix}.edit_note`, editNote);
    actions.set(entity.mbid, {
      entity: entity.entity,
      mbid: entity.mbid,
      name: entity.name,
      urls: links.map((link) => link.url),
      editUrl: `${editorUrl}/${entity.entity}/${entity.mbid}/edit?${params.toString()}`,
    });
  }
  return [...actions.values()];
}

/**
 * The matched recordings' edit pages seeded with the store track pages MusicBrainz does not link
 * to them. `linked` holds, per recording MBID, the URLs MusicBrainz links to it (none known: all).
 */
export function recordingLinkActions(
  result: LookupResult,
  editorUrl: string,
  linked: ReadonlyMap<string, readonly string[]>,
  editNote: string,
): RecordingLinks[] {
  const release = result.release;
  if (!release) return [];
  const links = storeTrackLinks(release);
  let index = 0;
  return release.media.flatMap((medium, m) =>
    medium.tracks.flatMap((track, t) => {
      const own = links[index++] ?? [];
      if (!track.recordingMbid) return [];
      const place = { mbid: track.recordingMbid, medium: m + 1, position: t + 1 };
      const row = recordingLinksRow(
        { ...place, title: track.title },
        own,
        linked.get(track.recordingMbid) ?? [],
        { editorUrl, editNote },
      );
      return row ? [row] : [];
    }),
  );
}

/** Cover art candidates, largest first. */
export function coverArtCandidates(result: LookupResult): Image[] {
  const images = [...(result.release?.images ?? [])];
  return images.sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
}

export function followUpActions(
  result: LookupResult,
  releaseMbid: string,
  options: {
    editorUrl: string;
    linked?: ReadonlyMap<string, readonly string[]>;
    /** Per recording MBID, the URLs MusicBrainz links to it. */
    recordingLinked?: ReadonlyMap<string, readonly string[]>;
    editNote: string;
    recordingNote?: string;
  },
): FollowUpActions {
  const isrc = magicIsrcUrl(result, releaseMbid, options.editNote);
  return {
    ...(isrc.url ? { magicIsrcUrl: isrc.url } : {}),
    isrcCount: isrc.count,
    entityLinks: entityLinkActions(
      result,
      options.editorUrl,
      options.linked ?? new Map(),
      options.editNote,
    ),
    coverArt: coverArtCandidates(result),
    releaseUrl: `${options.editorUrl}/release/${releaseMbid}`,
    recordingLinks: recordingLinkActions(
      result,
      options.editorUrl,
      options.recordingLinked ?? new Map(),
      options.recordingNote ?? options.editNote,
    ),
  };
}
