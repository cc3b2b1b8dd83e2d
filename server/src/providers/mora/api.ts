/**
 * mora's data, as far as Liner reads it: the package page's embedded look-up arguments (its
 * `msApplication-Arguments` meta tag, extract.ts) and the package's `packageMeta.json` on
 * cf.mora.jp. Only the fields the parser reads; the rest of mora's many fields are left out.
 */
import { z } from 'zod';

/** Digits only: the parts are put into a cf.mora.jp path, and they come from a page. */
const digits = z.string().regex(/^\d{1,12}$/, 'digits');

export const moraPageArguments = z.object({
  mountPoint: digits,
  labelId: digits,
  materialNo: z.union([digits, z.number().int().nonnegative().transform(String)]),
});
export type MoraPageArguments = z.infer<typeof moraPageArguments>;

/** mora's media formats: 10 music (AAC), 11 video, 12 high resolution, 15 lossless. */
export const MORA_VIDEO = 11;

const text = z.string().nullish();

export const moraTrack = z.object({
  trackNo: z.number().int().positive(),
  title: z.string(),
  artistName: text,
  /** Seconds. */
  duration: z.number().nonnegative().nullish(),
  mediaFormatNo: z.number().int().nullish(),
});
export type MoraTrack = z.infer<typeof moraTrack>;

export const moraPackage = z.object({
  title: z.string().min(1),
  artistName: text,
  labelcompanyname: text,
  /** The distributor's part number: a GTIN-14 for many packages, a code of its own for others. */
  distPartNo: text,
  /** The CD edition's part number, where there is one. */
  cdPartNo: text,
  /** "<part number>[_<format>]", e.g. "198704758065_F" for the FLAC package. */
  packageId: text,
  /** "2025/10/31 00:00:00", Japan time. */
  startDate: text,
  master: text,
  fullsizeimage: text,
  mediaFormatNo: z.number().int().nullish(),
  trackList: z.array(moraTrack),
});
export type MoraPackage = z.infer<typeof moraPackage>;
