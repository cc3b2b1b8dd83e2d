/**
 * The server's batch limit for "is this linked?" (shared/src/api.ts), repeated here so content
 * scripts need not bundle zod for one number; a unit test keeps the two equal.
 */
export const MAX_URLS_TO_CHECK = 100;

/**
 * At most this many releases of one list page are ever asked about: a page stuffed with
 * hundreds of release links would otherwise make Liner ask the server (and MusicBrainz) about
 * each, and learn from the badges which ones MusicBrainz has. Real discographies on one page
 * stay under it; the rest of a longer list is left unmarked.
 */
export const MAX_URLS_PER_PAGE = 200;
