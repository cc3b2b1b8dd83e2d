/**
 * Whether a store's track and a MusicBrainz recording are the same recording by title and
 * length: the rule the server's ISRC matcher applies (server/src/musicbrainz/recording-match.ts)
 * and the recording links pair tracks by (seed/recording-links.ts), written once here.
 */

/** How far a recording's length may be from the track's: stores round to the second. */
export const LENGTH_TOLERANCE_MS = 3000;

const FEAT = String.raw`(?:feat\.?|ft\.?|featuring)`;
const REMASTER = String.raw`(?:\d{4}\s+)?(?:digital(?:ly)?\s+)?remaster(?:ed)?(?:\s+\d{4})?(?:\s+version)?`;

/**
 * A title as compared: the stores' additions that MusicBrainz keeps elsewhere ("(feat. X)" is
 * in its artist credit, "- Remastered 2011" is the same recording's ISRC) are dropped, then
 * case, accents, quotes and punctuation.
 */
export function comparableTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(new RegExp(String.raw`\s*[([]\s*${FEAT}\s[^)\]]*[)\]]`, 'gu'), '')
    .replace(new RegExp(String.raw`\s+${FEAT}\s.*$`, 'u'), '')
    .replace(new RegExp(String.raw`\s*[([]\s*${REMASTER}\s*[)\]]`, 'gu'), '')
    .replace(new RegExp(String.raw`\s+[-–—]\s+${REMASTER}\s*$`, 'u'), '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Both lengths known and within LENGTH_TOLERANCE_MS of each other. */
export function lengthsAgree(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) <= LENGTH_TOLERANCE_MS;
}
