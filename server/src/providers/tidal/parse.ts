/**
 * A Tidal album (or standalone video), read from either API version into one shape, -> the
 * harmonized release. Pure: no I/O, no clock.
 */
import { type LookupMessage, parseIsrc, type ReleaseInput, type ReleaseType } from '@liner/shared';
import { type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { trackCredit } from '../common/featuring.ts';
import { checkedGtin, digitalMedia } from '../common/media.ts';
import { fillTrackGaps, placeholderMessage } from '../common/placeholders.ts';
import { releaseCredits } from '../common/various.ts';

const NAME = 'tidal';

const TYPES: Readonly<Record<string, ReleaseType[]>> = {
  ALBUM: ['Album'],
  EP: ['EP'],
  SINGLE: ['Single'],
  COMPILATION: ['Album', 'Compilation'],
};

export interface TidalItem {
  id: string;
  kind: 'track' | 'video';
  /** Volume (disc) number, 1-based. */
  volume: number;
  position: number;
  title: string;
  /** "Live", "Remastered 2011": Tidal keeps it apart from the title. */
  version?: string;
  isrc?: string;
  lengthMs?: number;
  artists: CreditedArtist[];
}

export interface TidalAlbum {
  /** The store ID as recognized from URLs: "<id>", or "video/<id>" for a standalone video. */
  id: string;
  title: string;
  barcode?: string;
  releaseDate?: string;
  copyright?: string;
  /** ALBUM, EP, SINGLE... */
  type?: string;
  artists: CreditedArtist[];
  /** Tidal's content providers (distributors or labels). */
  labels: string[];
  cover?: { url: string; width?: number; height?: number };
  items: TidalItem[];
  /** How many items Tidal says the album has. */
  itemCount?: number;
  /** The storefront that answered. */
  region: string;
}

export function titleWithVersion(title: string, version: string | undefined): string {
  const extra = version?.trim();
  if (!extra || title.toLowerCase().includes(extra.toLowerCase())) return title;
  return `${title} (${extra})`;
}

/** `url` is the album's canonical store URL, which the look-up reports as well. */
export function buildTidalRelease(
  album: TidalAlbum,
  url: string,
): {
  release: ReleaseInput;
  messages: LookupMessage[];
} {
  const messages: LookupMessage[] = [];
  const warn = (text: string) => messages.push({ level: 'warning', provider: NAME, text });
  const artists = releaseCredits(album.artists);
  const releaseCredit = creditString(artists);
  const listed = digitalMedia(
    album.items.map((item) => {
      // A "(feat. X)" in a title moves into the credit, where MusicBrainz keeps it.
      const credit = trackCredit(item.title, item.artists, releaseCredit);
      const isrc = parseIsrc(item.isrc);
      return {
        disc: item.volume,
        position: item.position,
        track: {
          number: String(item.position),
          ...credit,
          title: titleWithVersion(credit.title, item.version),
          ...(item.lengthMs !== undefined ? { lengthMs: item.lengthMs } : {}),
          ...(isrc ? { isrc } : {}),
          type: item.kind === 'video' ? ('video' as const) : ('audio' as const),
          externalIds: [{ provider: NAME, type: 'track' as const, id: item.id }],
        },
      };
    }),
  );
  // Tidal counts the items of the whole album: the count fills the end of a one-volume album.
  const single = listed.length === 1 ? album.itemCount : undefined;
  const gaps = listed.map((medium) => fillTrackGaps(medium, single));
  const media = gaps.map((g) => g.medium);
  const named = placeholderMessage(
    NAME,
    gaps.map((g) => g.filled),
    `are not available in ${album.region}`,
  );
  if (named) messages.push(named);
  else if (album.itemCount !== undefined && album.itemCount > album.items.length)
    warn(`Tidal lists ${album.itemCount} items but gave ${album.items.length}`);
  const gtin = checkedGtin(album.barcode, NAME, 'Tidal', messages);
  const release: ReleaseInput = {
    title: album.title,
    artists,
    ...(gtin ? { gtin } : {}),
    releaseDate: parseDate(album.releaseDate),
    labels: album.labels.map((name) => ({ name })),
    status: 'Official',
    types: TYPES[album.type?.toUpperCase() ?? ''] ?? [],
    packaging: 'None',
    media,
    externalLinks: [{ url, types: ['paid streaming'], provider: NAME }],
    images: album.cover ? [{ ...album.cover, types: ['front'], provider: NAME }] : [],
    ...(album.copyright?.trim() ? { copyright: album.copyright.trim() } : {}),
    availableIn: [album.region],
    externalIds: [{ provider: NAME, type: 'release', id: album.id }],
  };
  return { release, messages };
}
