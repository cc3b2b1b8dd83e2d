/**
 * Store links for recordings: each track's pages at the stores (from its `externalIds` of type
 * "track", built into URLs by the store declarations), typed with the recording link types
 * MusicBrainz allows for the store, and the recording's edit page seeded with those it lacks.
 * A track's link types are its release's at the same store (a release sold as a download there
 * sells its tracks so too), limited to what the store declares for recordings (`links.recording`).
 */
import type { HeldRecording, RecordingLinks, TrackLink } from '../contracts.ts';
import type { LookupMessage } from '../lookup.ts';
import type { LinkType, ProviderName, Release, Track } from '../model.ts';
import {
  canonicalUrl,
  entityOfExternalId,
  linkMatcher,
  storeByName,
  tryRecognizeUrl,
} from '../stores/index.ts';
import { comparableTitle, LENGTH_TOLERANCE_MS, lengthsAgree } from '../titles.ts';
import { RECORDING_LINK_TYPE_IDS, type RecordingLinkTypeId } from './link-type-ids.ts';

/** The recording link type for one of Liner's link types at a store, if the store allows it. */
export function recordingLinkTypeId(
  store: ProviderName,
  type: LinkType,
): RecordingLinkTypeId | undefined {
  const id = (RECORDING_LINK_TYPE_IDS as Partial<Record<LinkType, RecordingLinkTypeId>>)[type];
  return id !== undefined && storeByName(store).links.recording?.includes(id) ? id : undefined;
}

/** The link types of the release's own page at each store. */
function releaseLinkTypes(release: Release): Map<ProviderName, LinkType[]> {
  const types = new Map<ProviderName, LinkType[]>();
  for (const link of release.externalLinks) {
    const entity = tryRecognizeUrl(link.url)?.entity;
    if (entity?.type !== 'release') continue;
    types.set(entity.store, [...new Set([...(types.get(entity.store) ?? []), ...link.types])]);
  }
  return types;
}

function trackLinks(
  track: Track,
  types: ReadonlyMap<ProviderName, LinkType[]>,
  releasePage: (url: string) => boolean,
): TrackLink[] {
  const links = new Map<string, TrackLink>();
  for (const id of track.externalIds ?? []) {
    if (id.type !== 'track') continue;
    const entity = entityOfExternalId(id);
    if (!entity) continue;
    const url = canonicalUrl(entity);
    // An ID the store's pages are not built from (Bandcamp's numbers) makes no page of the store.
    if (tryRecognizeUrl(url)?.entity.store !== id.provider) continue;
    // A Bandcamp single's one track page is the release's own page: the release's link, not
    // the recording's.
    if (releasePage(url)) continue;
    const allowed = (types.get(id.provider) ?? []).filter(
      (type) => recordingLinkTypeId(id.provider, type) !== undefined,
    );
    if (allowed.length && !links.has(url))
      links.set(url, { url, provider: id.provider, types: allowed });
  }
  return [...links.values()];
}

/** Every track's store links, in tracklist order (media flattened). */
export function storeTrackLinks(release: Release): TrackLink[][] {
  const types = releaseLinkTypes(release);
  const releasePage = linkMatcher(release.externalLinks.map((link) => link.url));
  return release.media.flatMap((medium) =>
    medium.tracks.map((track) => trackLinks(track, types, releasePage)),
  );
}

/** The recording's edit page seeded with these links (each of its types once) and the note. */
export function recordingEditUrl(
  editorUrl: string,
  mbid: string,
  links: readonly TrackLink[],
  editNote: string,
): string {
  const params = new URLSearchParams();
  let i = 0;
  for (const link of links) {
    for (const type of link.types) {
      const id = recordingLinkTypeId(link.provider, type);
      if (id === undefined) continue;
      params.set(`edit-recording.url.${i}.text`, link.url);
      params.set(`edit-recording.url.${i}.link_type_id`, String(id));
      i++;
    }
  }
  params.set('edit-recording.edit_note', editNote);
  return `${editorUrl}/recording/${mbid}/edit?${params.toString()}`;
}

export interface PlacedRecording {
  mbid: string;
  medium: number;
  position: number;
  title: string;
}

/**
 * The store links a recording lacks (`linked`: the URLs MusicBrainz links to it, in any of their
 * forms), with its seeded edit page; undefined when it lacks none.
 */
export function recordingLinksRow(
  recording: PlacedRecording,
  links: readonly TrackLink[],
  linked: readonly string[],
  options: { editorUrl: string; editNote: string },
): RecordingLinks | undefined {
  const known = linkMatcher(linked);
  const missing = links.filter((link) => !known(link.url));
  if (missing.length === 0) return undefined;
  return {
    ...recording,
    links: missing,
    editUrl: recordingEditUrl(options.editorUrl, recording.mbid, missing, options.editNote),
  };
}

/** The edit note of a recording's link seed. */
export function recordingEditNote(version: string, source: string): string {
  return `Store links of this recording's tracks, found by Liner ${version}: ${source}`;
}

/** A recording not paired with the store's track at its place, so offered no store links. */
export type UnpairedRecording = Pick<HeldRecording, 'mbid' | 'medium' | 'position' | 'title'>;

/**
 * Whether the store's track is this recording: the same ISRC, or the same title (as the ISRC
 * matcher compares titles) at a length within LENGTH_TOLERANCE_MS. An equal track count alone
 * says nothing: a reordered edition would put one track's page on another recording.
 */
export function sameRecording(held: HeldRecording, track: Track): boolean {
  if (track.isrc && held.isrcs.includes(track.isrc)) return true;
  return (
    comparableTitle(held.title) === comparableTitle(track.title) &&
    lengthsAgree(held.lengthMs, track.lengthMs)
  );
}

/**
 * A MusicBrainz release's recordings beside the stores' tracks, place by place (the same
 * number of tracks, as for ISRCs; otherwise nothing is offered), each pair checked to be the
 * same recording (`sameRecording`): each recording's missing links, and the recordings whose
 * place holds another track at the stores (`unpaired`, only those with pages to offer).
 */
export function heldRecordingLinks(
  held: readonly HeldRecording[],
  store: Release,
  options: { editorUrl: string; editNote: string },
): { rows: RecordingLinks[]; unpaired: UnpairedRecording[] } {
  const links = storeTrackLinks(store);
  const tracks = store.media.flatMap((medium) => medium.tracks);
  if (links.length !== held.length) return { rows: [], unpaired: [] };
  const rows: RecordingLinks[] = [];
  const unpaired: UnpairedRecording[] = [];
  for (const [i, recording] of held.entries()) {
    const { links: linked, lengthMs: _length, isrcs: _isrcs, ...place } = recording;
    const row = recordingLinksRow(place, links[i]!, linked, options);
    if (!row) continue;
    if (sameRecording(recording, tracks[i]!)) rows.push(row);
    else unpaired.push(place);
  }
  return { rows, unpaired };
}

/** What the comparison says of recordings left without store links by `heldRecordingLinks`. */
export function unpairedMessage(unpaired: readonly UnpairedRecording[]): LookupMessage | undefined {
  if (unpaired.length === 0) return undefined;
  const places = unpaired.map((r) => `${r.medium}.${r.position} "${r.title}"`).join(', ');
  return {
    level: 'info',
    text: `Store track pages are not offered for ${unpaired.length} recording(s) whose place holds another track at the stores (no shared ISRC, and another title or a length more than ${LENGTH_TOLERANCE_MS / 1000} s away): ${places}.`,
  };
}
