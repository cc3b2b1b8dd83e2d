/**
 * Finds the release, its tracks and search results among the page's react-query results. The
 * query order is not part of any contract, so queries are recognized by key and by shape.
 */
import { z } from 'zod';
import { NotFoundError } from '../../http/errors.ts';
import { validate } from '../common/fetch.ts';
import {
  type BeatportRelease,
  type BeatportTrack,
  beatportRelease,
  type NextPage,
  nextPage,
  type SearchRelease,
  searchRelease,
  trackPage,
} from './api.ts';

const NAME = 'beatport';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keyText = (key: unknown) => (key === undefined ? '' : JSON.stringify(key));

export function readPage(data: unknown, url: string): NextPage {
  return validate(nextPage, data, NAME, url);
}

/** The release the page shows; a page without one is Beatport's "not found". */
export function readRelease(page: NextPage, url: string): BeatportRelease {
  const { pageProps } = page.props;
  const fromQuery = pageProps.dehydratedState?.queries
    .map((q) => q.state.data)
    .find((d) => isObject(d) && 'track_count' in d && 'catalog_number' in d);
  const raw = isObject(pageProps.release) ? pageProps.release : fromQuery;
  if (!isObject(raw)) throw new NotFoundError(NAME, url, 'Beatport has no such release');
  return validate(beatportRelease, raw, NAME, url);
}

export interface TrackPage {
  tracks: BeatportTrack[];
  perPage?: number;
}

/** The page's tracks query: the one keyed "tracks", else the one holding track-like results. */
export function readTracks(page: NextPage, url: string): TrackPage {
  const queries = page.props.pageProps.dehydratedState?.queries ?? [];
  const hasResults = (d: unknown) => isObject(d) && Array.isArray(d.results);
  const query =
    queries.find((q) => /track/i.test(keyText(q.queryKey)) && hasResults(q.state.data)) ??
    queries.find((q) => hasResults(q.state.data));
  if (!query) return { tracks: [] };
  const data = validate(trackPage, query.state.data, NAME, url);
  return { tracks: data.results, ...(data.per_page ? { perPage: data.per_page } : {}) };
}

/** Releases a search page lists: under "releases.data" (all results) or "data" (releases tab). */
export function readSearchReleases(page: NextPage, url: string): SearchRelease[] {
  for (const { state } of page.props.pageProps.dehydratedState?.queries ?? []) {
    const data = state.data;
    if (!isObject(data)) continue;
    const list = isObject(data.releases) ? data.releases.data : data.data;
    if (!Array.isArray(list)) continue;
    if (list.length > 0 && !(isObject(list[0]) && 'release_id' in list[0])) continue;
    return validate(z.array(searchRelease), list, NAME, url);
  }
  return [];
}
