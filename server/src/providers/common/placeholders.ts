/**
 * "[unknown]" placeholder tracks: positions a store counts but does not list (a hidden track,
 * one not available in the storefront asked). MusicBrainz's own placeholder title keeps the
 * tracklist's length and order right in the editor; the editor replaces it.
 */
import type { LookupMessage, Medium, Track } from '@liner/shared';

export const PLACEHOLDER_TITLE = '[unknown]';

export function isPlaceholderTrack(track: Pick<Track, 'title' | 'externalIds'>): boolean {
  return track.title === PLACEHOLDER_TITLE && !track.externalIds?.length;
}

function placeholder(number: number): Track {
  return { number: String(number), title: PLACEHOLDER_TITLE, type: 'audio' };
}

/**
 * The medium with a placeholder at every position its numbered tracks skip, and up to
 * `declared` tracks when the store says it has more than it lists. Tracks whose numbers are not
 * plain positions ("A1") are left as they are. Returns the positions filled.
 */
export function fillTrackGaps(
  medium: Medium,
  declared?: number,
): { medium: Medium; filled: number[] } {
  const numbers = medium.tracks.map((t) => Number(t.number));
  if (!numbers.every((n) => Number.isInteger(n) && n > 0)) return { medium, filled: [] };
  const byNumber = new Map(medium.tracks.map((t) => [Number(t.number), t]));
  const last = Math.max(...numbers, declared ?? 0);
  const tracks: Track[] = [];
  const filled: number[] = [];
  for (let n = 1; n <= last; n++) {
    const track = byNumber.get(n);
    if (track) tracks.push(track);
    else {
      tracks.push(placeholder(n));
      filled.push(n);
    }
  }
  // Duplicate numbers: keep the list as the store gave it rather than lose a track.
  if (byNumber.size !== medium.tracks.length) return { medium, filled: [] };
  return { medium: { ...medium, tracks }, filled };
}

/** The warning naming the placeholder positions, per medium ("2, 5" or "disc 2: 3"). */
export function placeholderMessage(
  provider: LookupMessage['provider'],
  filled: readonly (readonly number[])[],
  why: string,
): LookupMessage | undefined {
  const parts = filled
    .map((positions, m) =>
      positions.length === 0
        ? ''
        : filled.length > 1
          ? `disc ${m + 1}: ${positions.join(', ')}`
          : positions.join(', '),
    )
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const count = filled.reduce((sum, p) => sum + p.length, 0);
  return {
    level: 'warning',
    ...(provider ? { provider } : {}),
    text: `${count} track(s) ${why}: "[unknown]" placeholders at ${parts.join('; ')}; replace them in the editor.`,
  };
}
