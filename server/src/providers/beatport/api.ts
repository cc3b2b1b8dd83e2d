/**
 * Beatport's web pages are Next.js pages: their __NEXT_DATA__ script holds the catalog data the
 * page was rendered from (Beatport API v4 objects), as react-query results under
 * props.pageProps.dehydratedState.queries, with the release also at props.pageProps.release.
 * Only the fields the parser reads; optional where Beatport leaves them out or null.
 */
import { z } from 'zod';

const text = z.string().nullish();

export const beatportArtist = z.object({
  id: z.number(),
  name: z.string().min(1),
  slug: text,
});
export type BeatportArtist = z.infer<typeof beatportArtist>;

export const beatportTrack = z.object({
  id: z.number(),
  name: z.string(),
  mix_name: text,
  /** Position on the release; not always present in page data. */
  number: z.number().nullish(),
  length_ms: z.number().nullish(),
  isrc: text,
  artists: z.array(beatportArtist),
  remixers: z.array(beatportArtist).nullish(),
  slug: text,
  /** API URL of the track, as listed in the release's `tracks`. */
  url: text,
  release: z.object({ id: z.number() }).nullish(),
});
export type BeatportTrack = z.infer<typeof beatportTrack>;

export const beatportRelease = z.object({
  id: z.number(),
  name: z.string().min(1),
  slug: text,
  artists: z.array(beatportArtist),
  remixers: z.array(beatportArtist).nullish(),
  label: z.object({ id: z.number(), name: z.string().min(1), slug: text }).nullish(),
  catalog_number: text,
  upc: text,
  new_release_date: text,
  publish_date: text,
  pre_order: z.boolean().nullish(),
  is_available_for_streaming: z.boolean().nullish(),
  track_count: z.number().nullish(),
  /** API URLs of the tracks, last track first. */
  tracks: z.array(z.string()).nullish(),
  image: z.object({ uri: z.string() }).nullish(),
  type: z.object({ name: z.string() }).nullish(),
});
export type BeatportRelease = z.infer<typeof beatportRelease>;

/** One react-query result; what `data` holds depends on the query, so it is checked later. */
const query = z.object({
  queryKey: z.unknown().optional(),
  state: z.object({ data: z.unknown() }),
});

export const nextPage = z.object({
  props: z.object({
    pageProps: z.object({
      release: z.unknown().optional(),
      dehydratedState: z.object({ queries: z.array(query) }).optional(),
    }),
  }),
});
export type NextPage = z.infer<typeof nextPage>;

/** A page of a release's tracks (the tracks query). */
export const trackPage = z.object({
  results: z.array(beatportTrack),
  count: z.number().nullish(),
  per_page: z.number().nullish(),
});

/** A release as the search service lists it. */
export const searchRelease = z.object({
  release_id: z.number(),
  release_name: text,
  upc: text,
  slug: text,
});
export type SearchRelease = z.infer<typeof searchRelease>;
