/** Deezer album + tracks -> the harmonized release. Pure: no I/O. */
import {
  type ExternalId,
  isValidGtin,
  type LookupMessage,
  type Medium,
  parseIsrc,
  type ReleaseInput,
  type ReleaseType,
} from '@liner/shared';
import { buildCredits, type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { applyTitleFeaturing, trackCredit } from '../common/featuring.ts';
import { intersectRegions } from '../common/regions.ts';
import type { DeezerAlbum, DeezerTrack } from './api.ts';

const TYPES: Record<string, ReleaseType[]> = {
  album: ['Album'],
  single: ['Single'],
  ep: ['EP'],
  compile: ['Album', 'Compilation'],
};

function artistIds(id: number): ExternalId[] {
  return [{ provider: 'deezer', type: 'artist', id: String(id) }];
}

function contributors(
  list: DeezerTrack['contributors'],
  fallback: DeezerTrack['artist'],
): CreditedArtist[] {
  const listed = list?.length ? list : fallback ? [fallback] : [];
  return listed.map((c) => ({
    name: c.name,
    role: c.role?.toLowerCase() === 'featured' ? 'featured' : 'main',
    externalIds: artistIds(c.id),
  }));
}

export function parseDeezerRelease(
  album: DeezerAlbum,
  tracks: readonly DeezerTrack[],
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  // Deezer lists featured guests as contributors and also writes them into the title
  // ("Song (feat. X)"): the title loses the part and the credit keeps the guest once.
  const featuring = applyTitleFeaturing(
    album.title,
    contributors(album.contributors, album.artist),
  );
  const title = featuring.title;
  const artists = buildCredits(featuring.artists);
  const releaseCredit = creditString(artists);
  const discs = new Map<number, Medium>();
  for (const track of tracks) {
    const disc = track.disk_number ?? 1;
    if (!discs.has(disc)) discs.set(disc, { format: 'Digital Media', tracks: [] });
    discs.get(disc)!.tracks.push({
      number: String(track.track_position ?? discs.get(disc)!.tracks.length + 1),
      ...trackCredit(track.title, contributors(track.contributors, track.artist), releaseCredit),
      ...(track.duration !== undefined ? { lengthMs: track.duration * 1000 } : {}),
      ...(parseIsrc(track.isrc) ? { isrc: parseIsrc(track.isrc) } : {}),
      type: 'audio',
      externalIds: [{ provider: 'deezer', type: 'track', id: String(track.id) }],
    });
  }
  const media = [...discs.entries()].sort(([a], [b]) => a - b).map(([, medium]) => medium);
  for (const medium of media) medium.tracks.sort((a, b) => Number(a.number) - Number(b.number));

  let gtin: string | undefined;
  if (album.upc) {
    if (isValidGtin(album.upc)) gtin = album.upc;
    else
      messages.push({
        level: 'warning',
        provider: 'deezer',
        text: `Deezer's barcode ${album.upc} is not a valid GTIN and was ignored`,
      });
  }
  const url = `https://www.deezer.com/album/${album.id}`;
  const release: ReleaseInput = {
    title,
    artists,
    gtin,
    releaseDate: parseDate(album.release_date),
    labels: album.label ? [{ name: album.label }] : [],
    status: 'Official',
    types: TYPES[album.record_type ?? ''] ?? [],
    packaging: 'None',
    media,
    externalLinks: [{ url, types: ['free streaming'], provider: 'deezer' }],
    images: album.cover_xl
      ? [{ url: album.cover_xl, types: ['front'], width: 1000, height: 1000, provider: 'deezer' }]
      : [],
    availableIn: intersectRegions(tracks.map((t) => t.available_countries)),
    externalIds: [{ provider: 'deezer', type: 'release', id: String(album.id) }],
  };
  return { release, messages };
}
