/**
 * Building blocks store parsers share: tracks grouped into digital media by disc, and a store
 * barcode checked (and unpadded) before it is trusted.
 */
import {
  isValidGtin,
  type LookupMessage,
  type Medium,
  type ProviderName,
  type Track,
} from '@liner/shared';

export interface PlacedTrack {
  /** Disc (volume) number as the store gives it, 1-based. */
  disc: number;
  /** Position on the disc, for ordering. */
  position: number;
  track: Track;
}

/** One "Digital Media" medium per disc, discs and tracks in the store's order of numbers. */
export function digitalMedia(tracks: readonly PlacedTrack[]): Medium[] {
  const discs = new Map<number, PlacedTrack[]>();
  for (const placed of tracks) {
    const list = discs.get(placed.disc) ?? [];
    list.push(placed);
    discs.set(placed.disc, list);
  }
  return [...discs.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) => ({
      format: 'Digital Media',
      tracks: list.sort((a, b) => a.position - b.position).map((placed) => placed.track),
    }));
}

/**
 * The store's barcode as printed when it is a valid GTIN, otherwise a warning and nothing.
 * Stores deliver UPC-A and EAN-13 barcodes zero-padded to GTIN-14 ("00602475093060"); padding
 * never changes the product, so it is dropped down to 12 digits, the form MusicBrainz keeps.
 */
export function checkedGtin(
  value: string | null | undefined,
  provider: ProviderName,
  storeName: string,
  messages: LookupMessage[],
): string | undefined {
  let gtin = value?.trim();
  if (!gtin) return undefined;
  if (isValidGtin(gtin)) {
    while (gtin.length > 12 && gtin.startsWith('0')) gtin = gtin.slice(1);
    return gtin;
  }
  messages.push({
    level: 'warning',
    provider,
    text: `${storeName}'s barcode ${gtin} is not a valid GTIN and was ignored`,
  });
  return undefined;
}
