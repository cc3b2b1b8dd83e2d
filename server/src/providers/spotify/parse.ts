/** Spotify album, its tracks and their ISRCs -> the harmonized release. Pure: no I/O, no clock. */
import {
  type ExternalId,
  type Image,
  type LookupMessage,
  parseIsrc,
  type ReleaseDate,
  type ReleaseInput,
  type ReleaseType,
  storeByName,
} from '@liner/shared';
import { type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { trackCredit } from '../common/featuring.ts';
import { checkedGtin, digitalMedia } from '../common/media.ts';
import { intersectRegions } from '../common/regions.ts';
import { releaseCredits } from '../common/various.ts';
import type { SpotifyAlbum, SpotifyArtist, SpotifyImage, SpotifyTrack } from './api.ts';

const NAME = 'spotify';

/** Spotify labels EPs "single" too, so an EP cannot be told from a single here. */
const TYPES: Readonly<Record<string, ReleaseType[]>> = {
  album: ['Album'],
  single: ['Single'],
  compilation: ['Album', 'Compilation'],
};

const COPYRIGHT_SYMBOLS: Readonly<Record<string, string>> = { C: '©', P: '℗' };

export interface SpotifyParseInput {
  album: SpotifyAlbum;
  /** Every track of the album, from all pages. */
  tracks: readonly SpotifyTrack[];
  /** ISRC by the track's ID on this album (from the full track objects). */
  isrcs: ReadonlyMap<string, string>;
}

/** The track's ID on this album: a relinked track names the album's own one in linked_from. */
export function albumTrackId(track: SpotifyTrack): string {
  return track.linked_from?.id ?? track.id;
}

function credited(artist: SpotifyArtist): CreditedArtist {
  const externalIds: ExternalId[] = artist.id
    ? [{ provider: NAME, type: 'artist', id: artist.id }]
    : [];
  return { name: artist.name, externalIds };
}

function releaseTypes(album: SpotifyAlbum): ReleaseType[] {
  const types = [...(TYPES[album.album_type.toLowerCase()] ?? [])];
  if (album.album_group?.toLowerCase() === 'compilation' && !types.includes('Compilation'))
    types.push('Compilation');
  return types;
}

/** The date only as precise as Spotify says it is ("1975" may be stored as 1975-01-01). */
export function spotifyDate(album: SpotifyAlbum): ReleaseDate | undefined {
  const date = parseDate(album.release_date);
  if (!date) return undefined;
  if (album.release_date_precision === 'year') return { year: date.year };
  if (album.release_date_precision === 'month')
    return date.month ? { year: date.year, month: date.month } : { year: date.year };
  return date;
}

/** "© 2024 X" and "℗ 2024 X", one per line; the symbol is added where Spotify left it out. */
export function copyrightText(copyrights: SpotifyAlbum['copyrights']): string | undefined {
  const lines = copyrights
    .map(({ text, type }) => {
      const line = text.trim();
      const symbol = COPYRIGHT_SYMBOLS[type?.toUpperCase() ?? ''];
      return !symbol || /^(©|℗|\([cp]\))/i.test(line) ? line : `${symbol} ${line}`;
    })
    .filter((line) => line !== '');
  return lines.length ? [...new Set(lines)].join('\n') : undefined;
}

/** The largest cover (Spotify serves 640 px), with a mid-sized one as its thumbnail. */
export function coverImages(images: readonly SpotifyImage[]): Image[] {
  const sorted = [...images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  const largest = sorted[0];
  if (!largest) return [];
  const thumb = sorted.slice(1).find((i) => (i.width ?? 0) >= 250 && (i.width ?? 0) <= 500);
  return [
    {
      url: largest.url,
      ...(thumb ? { thumbUrl: thumb.url } : {}),
      types: ['front'],
      ...(largest.width && largest.height ? { width: largest.width, height: largest.height } : {}),
      provider: NAME,
    },
  ];
}

function availability(
  album: SpotifyAlbum,
  tracks: readonly SpotifyTrack[],
  messages: LookupMessage[],
) {
  if (album.available_markets === undefined)
    return intersectRegions(tracks.map((t) => t.available_markets));
  if (album.available_markets.length > 0) return [...album.available_markets].sort();
  messages.push({
    level: 'warning',
    provider: NAME,
    text: 'Spotify lists no market where this release is available (it may have been withdrawn)',
  });
  return undefined;
}

export function parseSpotifyRelease({ album, tracks, isrcs }: SpotifyParseInput): {
  release: ReleaseInput;
  messages: LookupMessage[];
} {
  const messages: LookupMessage[] = [];
  // Spotify lists artists without roles or join phrases: the credit helpers add " & " and ", ".
  const artists = releaseCredits(album.artists.map(credited));
  const releaseCredit = creditString(artists);
  const media = digitalMedia(
    tracks.map((track) => {
      const id = albumTrackId(track);
      const credit = trackCredit(track.name, track.artists.map(credited), releaseCredit);
      const isrc = parseIsrc(isrcs.get(id));
      return {
        disc: track.disc_number,
        position: track.track_number,
        track: {
          number: String(track.track_number),
          ...credit,
          lengthMs: track.duration_ms,
          ...(isrc ? { isrc } : {}),
          type: 'audio' as const,
          externalIds: [{ provider: NAME, type: 'track' as const, id }],
        },
      };
    }),
  );
  if (album.total_tracks !== undefined && album.total_tracks > tracks.length) {
    messages.push({
      level: 'warning',
      provider: NAME,
      text: `Spotify lists ${album.total_tracks} tracks but returned ${tracks.length}`,
    });
  }
  const gtin = checkedGtin(
    album.external_ids?.upc ?? album.external_ids?.ean,
    NAME,
    'Spotify',
    messages,
  );
  const url = storeByName(NAME).canonicalUrl({ store: NAME, type: 'release', id: album.id });
  const copyright = copyrightText(album.copyrights);
  const release: ReleaseInput = {
    title: album.name,
    artists,
    ...(gtin ? { gtin } : {}),
    releaseDate: spotifyDate(album),
    labels: album.label?.trim() ? [{ name: album.label.trim() }] : [],
    status: 'Official',
    types: releaseTypes(album),
    packaging: 'None',
    media,
    externalLinks: [{ url, types: ['free streaming'], provider: NAME }],
    images: coverImages(album.images),
    ...(copyright ? { copyright } : {}),
    availableIn: availability(album, tracks, messages),
    externalIds: [{ provider: NAME, type: 'release', id: album.id }],
  };
  return { release, messages };
}
