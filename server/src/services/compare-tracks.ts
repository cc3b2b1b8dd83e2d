/**
 * The comparison's track-level parts: MusicBrainz's recordings at their places (for their store
 * links), and the ISRCs the stores give that MusicBrainz lacks or holds otherwise, each only
 * where the stores' track at that place is the same recording.
 */
import {
  type Comparison,
  comparableTitle,
  type HeldRecording,
  LENGTH_TOLERANCE_MS,
  lengthsAgree,
  type Release,
  type Track,
} from '@liner/shared';

/** Every track of a release with its place: medium and position, from 1. */
export function placedTracks(release: Release) {
  return release.media.flatMap((medium, m) =>
    medium.tracks.map((track, t) => ({ track, medium: m + 1, position: t + 1 })),
  );
}

/** The release's recordings at their places, with the URLs MusicBrainz links to each. */
export function heldRecordings(mb: Release): HeldRecording[] {
  return placedTracks(mb).flatMap(({ track, medium, position }) =>
    track.recordingMbid
      ? [
          {
            mbid: track.recordingMbid,
            medium,
            position,
            title: track.title,
            ...(track.lengthMs !== undefined ? { lengthMs: track.lengthMs } : {}),
            isrcs: track.isrcs ?? (track.isrc ? [track.isrc] : []),
            links: (track.links ?? []).map((link) => link.url),
          },
        ]
      : [],
  );
}

/**
 * The stores' track at a MusicBrainz track's place is that recording when the titles are the same
 * after normalisation and, where both sides give one, the lengths agree: an edition with the
 * same track count in another order puts another recording there, whose ISRC MagicISRC would
 * otherwise submit to the wrong one.
 */
function sameTrackAtPlace(ours: Track, theirs: Track): boolean {
  if (comparableTitle(ours.title) !== comparableTitle(theirs.title)) return false;
  return ours.lengthMs === undefined || theirs.lengthMs === undefined
    ? true
    : lengthsAgree(ours.lengthMs, theirs.lengthMs);
}

export function compareIsrcs(comparison: Comparison, mb: Release, store: Release): void {
  const ours = placedTracks(mb);
  const theirs = placedTracks(store);
  if (ours.length !== theirs.length) {
    comparison.messages.push({
      level: 'warning',
      text: `MusicBrainz has ${ours.length} tracks and the stores ${theirs.length}: ISRCs were not compared.`,
    });
    return;
  }
  const unpaired: string[] = [];
  for (const [i, { track, medium, position }] of ours.entries()) {
    const other = theirs[i]!.track;
    const isrc = other.isrc;
    if (!isrc) continue;
    if (!sameTrackAtPlace(track, other)) {
      unpaired.push(`${medium}.${position} "${track.title}" (the stores: "${other.title}")`);
      continue;
    }
    const entry = { medium, position, title: track.title, isrc };
    // A recording may carry several ISRCs; the store's matching any of them agrees.
    if (!track.isrc) comparison.missingIsrcs.push(entry);
    else if (!(track.isrcs ?? [track.isrc]).includes(isrc))
      comparison.differentIsrcs.push({ ...entry, musicbrainz: track.isrc });
  }
  if (unpaired.length)
    comparison.messages.push({
      level: 'info',
      text: `ISRCs were not compared where the stores have another track at MusicBrainz's place (another title, or a length more than ${LENGTH_TOLERANCE_MS / 1000} s away): ${unpaired.join('; ')}.`,
    });
}
