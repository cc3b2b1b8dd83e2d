/**
 * The data Bandcamp embeds in album and track pages, as extract.ts keeps it: the page's
 * data-tralbum and data-band attributes, its og:description and its licence link. Only the
 * fields the parser reads; Bandcamp writes null for most absent values, hence nullish.
 */
import { z } from 'zod';

const text = z.string().nullish();
/** Bandcamp's flags are 1/null in some places and true/false in others. */
const flag = z.union([z.boolean(), z.number()]).nullish();

export const bandcampTrack = z.object({
  id: z.number().nullish(),
  title: z.string(),
  artist: text,
  track_num: z.number().nullish(),
  /** The track's own page on the band's site: "/track/<slug>". */
  title_link: text,
  /** Seconds, fractional; 0 for tracks not yet released. */
  duration: z.number().nullish(),
  /** Stream URLs by format; null when the track cannot be played on the page. */
  file: z.record(z.string(), z.string()).nullish(),
  streaming: flag,
  unreleased_track: z.boolean().nullish(),
});
export type BandcampTrack = z.infer<typeof bandcampTrack>;

const bandcampPackage = z.object({
  title: text,
  type_name: text,
  upc: text,
  label: text,
});

export const bandcampPage = z.object({
  tralbum: z.object({
    id: z.number(),
    item_type: z.string(),
    /** The release credit; Bandcamp fills it with the account name when nothing else is set. */
    artist: text,
    art_id: z.number().nullish(),
    url: text,
    /** On track pages: the album the track belongs to, if any. */
    album_url: text,
    current: z.object({
      title: z.string().min(1),
      /** Set only when the credit differs from the account (band) name. */
      artist: text,
      release_date: text,
      /** When the page went up; the date of releases that give no release date. */
      publish_date: text,
      /** The release's "about" text, where labels name themselves ("Label: X"). */
      about: text,
      upc: text,
      isrc: text,
      credits: text,
      is_set_price: flag,
      set_price: z.number().nullish(),
      minimum_price: z.number().nullish(),
      download_pref: z.number().nullish(),
    }),
    packages: z.array(bandcampPackage).nullish(),
    freeDownloadPage: text,
    tralbum_subscriber_only: flag,
    is_preorder: flag,
    album_is_preorder: flag,
    album_release_date: text,
    trackinfo: z.array(bandcampTrack),
  }),
  band: z.object({ id: z.number(), name: z.string().min(1) }),
  'og:description': z.string().optional(),
  licenseUrl: z.string().optional(),
});
export type BandcampPage = z.infer<typeof bandcampPage>;
