/**
 * Which MusicBrainz recording each track is, from the recordings that carry its ISRC: one is
 * seeded only when its length is within LENGTH_TOLERANCE_MS of the track's and its title is the
 * track's after normalisation; among several that fit, the one with the same title as written,
 * then a length clearly closer than the others'; otherwise none, and the result says why.
 * Pure: data in, data out.
 */
import {
  comparableTitle,
  formatLength,
  LENGTH_TOLERANCE_MS,
  type RecordingMatch,
  type Release,
  type Track,
} from '@liner/shared';
import type { MbRecording } from '../repositories/types.ts';
import type { IsrcAnswers } from './recordings.ts';

/** Among several fitting recordings, the closest must be this much closer than the next. */
const CLEARLY_CLOSER_MS = 1000;

// The title rule and tolerance are shared with the recording links' pairing (one rule).
export { comparableTitle, LENGTH_TOLERANCE_MS };

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function rejection(track: Track, recording: MbRecording): string | undefined {
  const named = `"${recording.title}" (${recording.mbid})`;
  if (recording.lengthMs === undefined) return `${named} has no length in MusicBrainz`;
  const off = Math.abs(recording.lengthMs - track.lengthMs!);
  if (off > LENGTH_TOLERANCE_MS)
    return `${named} is ${formatLength(recording.lengthMs)}, ${seconds(off)} from the track's ${formatLength(track.lengthMs!)}`;
  if (comparableTitle(recording.title) !== comparableTitle(track.title))
    return `${named} has another title`;
  return undefined;
}

/** The fitting recording to seed, or why none is chosen among several. */
function choose(track: Track, fits: MbRecording[]): MbRecording | string {
  if (fits.length === 1) return fits[0]!;
  const exact = fits.filter((r) => r.title.trim() === track.title.trim());
  const pool = exact.length > 0 ? exact : fits;
  const off = (r: MbRecording) => Math.abs(r.lengthMs! - track.lengthMs!);
  const ranked = [...pool].sort((a, b) => off(a) - off(b));
  if (ranked.length === 1 || off(ranked[1]!) - off(ranked[0]!) >= CLEARLY_CLOSER_MS)
    return ranked[0]!;
  return `${fits.length} recordings with this ISRC fit equally well (${fits.map((r) => r.mbid).join(', ')}): none was chosen; they may be duplicates to merge in MusicBrainz`;
}

function matchTrack(
  track: Track,
  answers: IsrcAnswers,
): Omit<RecordingMatch, 'medium' | 'position'> {
  const base = { title: track.title, ...(track.isrc ? { isrc: track.isrc } : {}) };
  if (track.recordingMbid)
    return { ...base, matched: true, mbid: track.recordingMbid, reason: 'given by a provider' };
  if (!track.isrc) return { ...base, matched: false, reason: 'the stores give no ISRC' };
  const recordings = answers.get(track.isrc);
  if (recordings === undefined)
    return { ...base, matched: false, reason: 'MusicBrainz was not asked about this ISRC' };
  if (recordings.length === 0)
    return { ...base, matched: false, reason: 'MusicBrainz has no recording with this ISRC' };
  if (track.lengthMs === undefined)
    return {
      ...base,
      matched: false,
      reason: 'the stores give no length for the track, so no recording could be checked',
    };
  const rejections = recordings.map((r) => rejection(track, r));
  const fits = recordings.filter((_, i) => rejections[i] === undefined);
  if (fits.length === 0) {
    const why = rejections.join('; ');
    return { ...base, matched: false, reason: `no recording with this ISRC fits: ${why}` };
  }
  const chosen = choose(track, fits);
  if (typeof chosen === 'string') return { ...base, matched: false, reason: chosen };
  const off = Math.abs(chosen.lengthMs! - track.lengthMs);
  const among = recordings.length > 1 ? `, chosen among ${recordings.length} with this ISRC` : '';
  return {
    ...base,
    matched: true,
    mbid: chosen.mbid,
    recordingTitle: chosen.title,
    reason: `same ISRC and title, length ${off < 500 ? 'the same' : `${seconds(off)} apart`}${among}`,
  };
}

export interface MatchedRecordings {
  release: Release;
  matches: RecordingMatch[];
  /** `media.M.tracks.T.recordingMbid` for each recording seeded here. */
  sources: Record<string, 'musicbrainz'>;
}

/** Seeds the recordings that fit; lists every track with what was found and why. */
export function matchRecordings(release: Release, answers: IsrcAnswers): MatchedRecordings {
  const matches: RecordingMatch[] = [];
  const sources: Record<string, 'musicbrainz'> = {};
  const media = release.media.map((medium, m) => ({
    ...medium,
    tracks: medium.tracks.map((track, t) => {
      const match = { medium: m + 1, position: t + 1, ...matchTrack(track, answers) };
      matches.push(match);
      if (!match.matched || track.recordingMbid || !match.mbid) return track;
      sources[`media.${m}.tracks.${t}.recordingMbid`] = 'musicbrainz';
      return { ...track, recordingMbid: match.mbid };
    }),
  }));
  return { release: { ...release, media }, matches, sources };
}

/** The recordings matched here, by MBID, as MusicBrainz answered them. */
export function matchedRecordings(matches: RecordingMatch[], answers: IsrcAnswers): MbRecording[] {
  const all = new Map([...answers.values()].flat().map((r) => [r.mbid, r]));
  return matches.flatMap((m) => (m.matched && m.mbid && all.get(m.mbid)) || []);
}
