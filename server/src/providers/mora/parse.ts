/**
 * A mora package -> the release. Pure. mora is Japanese: titles and names are kept as the store
 * writes them (never its kana readings). Rules:
 * - GTIN: mora has no barcode field; its part numbers often are one. The package's own numbers
 *   (the distributor's part number, then the package ID less its "_F"-style format suffix) are
 *   taken when they are a valid 12- to 14-digit GTIN, the CD edition's part number only after
 *   them (and said so). Shorter numbers are the distributor's own codes, never EAN-8s here.
 * - Catalog number: a part number in the label's "ABCD-1234" form; digits alone are not one.
 * - Label: the label company mora names (its `labelname` is the distributor).
 * - A package of videos (media format 11) says so: its tracks are marked as videos.
 */
import { isValidGtin, type LookupMessage, type ReleaseInput, type Track } from '@liner/shared';
import { digitalMedia } from '../common/media.ts';
import { releaseCredits } from '../common/various.ts';
import { MORA_VIDEO, type MoraPackage } from './api.ts';

const NAME = 'mora';
const CATALOG_NUMBER = /^[A-Z]{2,6}-\d{2,7}[A-Z]?$/i;

function gtinOf(value: string | null | undefined): string | undefined {
  const digits = value?.trim();
  if (!digits || !/^\d{12,14}$/.test(digits) || !isValidGtin(digits)) return undefined;
  // Zero padding to GTIN-14 never changes the product: kept in the 12-digit form MusicBrainz keeps.
  return digits.replace(/^0{1,2}(?=\d{12}$)/, '');
}

function packageGtin(pkg: MoraPackage, messages: LookupMessage[]): string | undefined {
  const own = gtinOf(pkg.distPartNo) ?? gtinOf(pkg.packageId?.replace(/_[A-Z0-9]+$/i, ''));
  if (own) return own;
  const cd = gtinOf(pkg.cdPartNo);
  if (cd)
    messages.push({
      level: 'info',
      provider: NAME,
      text: `mora gives no barcode of its own for this package; ${cd} is its CD edition's part number`,
    });
  return cd;
}

/** "2025/10/31 00:00:00" -> the date. */
function parseMoraDate(value: string | null | undefined): ReleaseInput['releaseDate'] {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export interface MoraPlace {
  /** The package's canonical mora URL. */
  url: string;
  /** Its cover's URL, or undefined. */
  cover?: string;
}

export function parseMoraPackage(
  pkg: MoraPackage,
  place: MoraPlace,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const artistName = pkg.artistName?.trim();
  // One name as mora writes it ("A, B" included): never split into several artists.
  const artists = artistName ? releaseCredits([{ name: artistName }]) : [];
  const video = pkg.mediaFormatNo === MORA_VIDEO;
  if (video)
    messages.push({
      level: 'warning',
      provider: NAME,
      text: 'mora sells this package as a video download, not as audio: its tracks are marked as videos. MusicBrainz keeps a music video as a video recording, and as a release only where it was issued as one',
    });
  const tracks = pkg.trackList.map((track) => {
    const name = track.artistName?.trim();
    const entry: Track = {
      number: String(track.trackNo),
      title: track.title,
      ...(track.duration != null ? { lengthMs: Math.round(track.duration * 1000) } : {}),
      ...(video || track.mediaFormatNo === MORA_VIDEO ? { type: 'video' as const } : {}),
      ...(name && name !== artistName ? { artists: [{ name, externalIds: [] }] } : {}),
    };
    return { disc: 1, position: track.trackNo, track: entry };
  });
  const gtin = packageGtin(pkg, messages);
  const catalogNumber = [pkg.distPartNo, pkg.cdPartNo]
    .map((value) => value?.trim())
    .find((value) => value && CATALOG_NUMBER.test(value));
  const label = pkg.labelcompanyname?.trim();
  const releaseDate = parseMoraDate(pkg.startDate);
  return {
    messages,
    release: {
      title: pkg.title,
      artists,
      ...(gtin ? { gtin } : {}),
      ...(releaseDate ? { releaseDate } : {}),
      labels: label ? [{ name: label, ...(catalogNumber ? { catalogNumber } : {}) }] : [],
      status: 'Official',
      packaging: 'None',
      media: digitalMedia(tracks),
      externalLinks: [{ url: place.url, types: ['paid download'], provider: NAME }],
      images: place.cover ? [{ url: place.cover, types: ['front'], provider: NAME }] : [],
      ...(pkg.master?.trim() ? { copyright: pkg.master.trim() } : {}),
      // mora sells in Japan only.
      availableIn: ['JP'],
    },
  };
}
