/** Qobuz album + tracks -> the harmonized release. Pure: no I/O, no clock. */
import {
  type ArtistCredit,
  completeGtin,
  type ExternalId,
  isValidGtin,
  type LinkType,
  type LookupMessage,
  type Medium,
  parseIsrc,
  type ReleaseInput,
  type ReleaseType,
} from '@liner/shared';
import { buildCredits, type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { trackCredit } from '../common/featuring.ts';
import { digitalMedia } from '../common/media.ts';
import { isVariousArtists, variousArtistsCredit } from '../common/various.ts';
import type { QobuzAlbum, QobuzTrack } from './api.ts';

const NAME = 'qobuz' as const;

const TYPES: Readonly<Record<string, ReleaseType[]>> = {
  album: ['Album'],
  single: ['Single'],
  epmini: ['EP'],
  ep: ['EP'],
  compilation: ['Album', 'Compilation'],
};

const normalize = (name: string) => name.normalize('NFKC').trim().toLowerCase();

function ids(type: 'artist' | 'label', id: number | undefined): ExternalId[] {
  return id === undefined ? [] : [{ provider: NAME, type, id: String(id) }];
}

/** Qobuz keeps "Remastered", "Live" and the like apart from the title; MusicBrainz does not. */
export function withVersion(title: string, version: string | null | undefined): string {
  const extra = version?.trim();
  return extra && !title.includes(`(${extra})`) ? `${title.trim()} (${extra})` : title.trim();
}

/**
 * "Earth, Wind & Fire, MainArtist - Jo, FeaturedArtist, Composer": credits separated by " - ",
 * each a name and its roles after commas. A name may hold commas itself, so names Qobuz lists
 * elsewhere are matched whole before the text is split at the first comma.
 */
export function parsePerformers(
  text: string | null | undefined,
  knownNames: readonly string[],
): { name: string; roles: string[] }[] {
  const known = [...knownNames].sort((a, b) => b.length - a.length);
  return (text ?? '')
    .split(' - ')
    .map((part) => {
      const whole = known.find((name) => part.startsWith(`${name}, `));
      const name = whole ?? part.split(',')[0]!;
      const roles = part
        .slice(name.length)
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      return { name: name.trim(), roles };
    })
    .filter((p) => p.name);
}

function albumArtists(album: QobuzAlbum): CreditedArtist[] {
  const listed = (album.artists ?? []).flatMap((artist): CreditedArtist[] => {
    const roles = artist.roles ?? [];
    const role = roles.includes('main-artist')
      ? 'main'
      : roles.includes('featured-artist')
        ? 'featured'
        : undefined;
    return role ? [{ name: artist.name, role, externalIds: ids('artist', artist.id) }] : [];
  });
  if (listed.length > 0 || !album.artist) return listed;
  return [{ name: album.artist.name, externalIds: ids('artist', album.artist.id) }];
}

function trackArtists(track: QobuzTrack, album: readonly CreditedArtist[]) {
  const idsByName = new Map(album.map((a) => [normalize(a.name), a.externalIds ?? []]));
  const main = track.performer;
  const known = [...(main ? [main.name] : []), ...album.map((a) => a.name)];
  const artists: CreditedArtist[] = main
    ? [{ name: main.name, role: 'main', externalIds: ids('artist', main.id) }]
    : [];
  for (const { name, roles } of parsePerformers(track.performers, known)) {
    const role = roles.includes('MainArtist')
      ? 'main'
      : roles.includes('FeaturedArtist')
        ? 'featured'
        : undefined;
    if (role) artists.push({ name, role, externalIds: idsByName.get(normalize(name)) ?? [] });
  }
  return { title: withVersion(track.title, track.version), artists };
}

function media(
  tracks: readonly QobuzTrack[],
  album: readonly CreditedArtist[],
  releaseCredits: readonly ArtistCredit[],
): Medium[] {
  const releaseCredit = creditString(releaseCredits);
  return digitalMedia(
    tracks.map((track) => {
      const { title, artists } = trackArtists(track, album);
      const isrc = parseIsrc(track.isrc);
      return {
        disc: track.media_number ?? 1,
        position: track.track_number,
        track: {
          number: String(track.track_number),
          ...trackCredit(title, artists, releaseCredit),
          ...(track.duration != null ? { lengthMs: track.duration * 1000 } : {}),
          ...(isrc ? { isrc } : {}),
          type: 'audio' as const,
          externalIds: [{ provider: NAME, type: 'track' as const, id: String(track.id) }],
        },
      };
    }),
  );
}

/** Qobuz pads UPCs to 13 digits and now and then drops the check digit. */
export function qobuzGtin(upc: string | null | undefined): string | undefined {
  if (!upc) return undefined;
  if (isValidGtin(upc)) return upc;
  return /^\d+$/.test(upc) ? completeGtin(upc) : undefined;
}

function gtinOf(upc: string | null | undefined, messages: LookupMessage[]): string | undefined {
  if (!upc) return undefined;
  const gtin = qobuzGtin(upc);
  if (gtin) return gtin;
  messages.push({
    level: 'warning',
    provider: NAME,
    text: `Qobuz's barcode ${upc} is not a valid GTIN and was ignored`,
  });
  return undefined;
}

export function parseQobuzRelease(
  album: QobuzAlbum,
  tracks: readonly QobuzTrack[],
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const credited = albumArtists(album);
  // Compilations are credited to an artist Qobuz calls "Various Artists".
  const artists = buildCredits(credited).map((credit) =>
    isVariousArtists(credit.name)
      ? {
          ...variousArtistsCredit(),
          ...(credit.joinPhrase ? { joinPhrase: credit.joinPhrase } : {}),
        }
      : credit,
  );
  const linkTypes: LinkType[] = [
    ...(album.streamable ? (['paid streaming'] as const) : []),
    ...(album.downloadable || album.purchasable ? (['paid download'] as const) : []),
  ];
  const cover = album.image?.large ?? album.image?.small;
  const release: ReleaseInput = {
    title: withVersion(album.title, album.version),
    artists,
    gtin: gtinOf(album.upc, messages),
    releaseDate: parseDate(album.release_date_original),
    labels: album.label
      ? [{ name: album.label.name, externalIds: ids('label', album.label.id) }]
      : [],
    status: 'Official',
    types: TYPES[album.release_type?.toLowerCase() ?? ''] ?? [],
    packaging: 'None',
    media: media(tracks, credited, artists),
    externalLinks: [{ url, types: linkTypes, provider: NAME }],
    // Cover URLs end in the edge length ("_600.jpg"); "_org" is the original upload.
    images: cover
      ? [
          {
            url: cover.replace(/_\d+(\.\w+)$/, '_org$1'),
            thumbUrl: cover,
            types: ['front'],
            provider: NAME,
          },
        ]
      : [],
    ...(album.copyright?.trim() ? { copyright: album.copyright.trim() } : {}),
    externalIds: [
      {
        provider: NAME,
        type: 'release',
        id: album.id,
        ...(album.slug ? { slug: album.slug } : {}),
      },
    ],
  };
  return { release, messages };
}
