/**
 * An OTOTOY release page -> the release. Pure. Titles and names stay in the script OTOTOY writes
 * them in. Rules:
 * - Artists and label carry their OTOTOY pages as IDs; "(feat. X)" in a title moves into the
 *   credit (matched against the artists the page lists), as MusicBrainz keeps it.
 * - Date: OTOTOY's release date of this edition, else the one it calls the original release's
 *   (where a page shows one date, it labels it either way).
 * - Discs from the track list's disc rows; a track's artists only where they differ.
 * - The cover: the page shows a 320 px thumbnail; "orig" in place of its size is the original.
 */
import {
  type ExternalId,
  type LookupMessage,
  type ReleaseInput,
  tryRecognizeUrl,
} from '@liner/shared';
import { type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { applyTitleFeaturing, trackCredit } from '../common/featuring.ts';
import { digitalMedia } from '../common/media.ts';
import { releaseCredits } from '../common/various.ts';
import type { OtotoyLinked, OtotoyPage } from './api.ts';

const NAME = 'ototoy';

/** The OTOTOY page a link names, as an ID (nothing for a link elsewhere). */
function idsOf(url: string, type: 'artist' | 'label'): ExternalId[] {
  const entity = tryRecognizeUrl(url)?.entity;
  return entity?.store === NAME && entity.type === type
    ? [{ provider: NAME, type, id: entity.id }]
    : [];
}

const credited = (artist: OtotoyLinked): CreditedArtist => ({
  name: artist.name,
  externalIds: idsOf(artist.url, 'artist'),
});

export function coverOf(thumbUrl: string | undefined): ReleaseInput['images'] {
  if (!thumbUrl) return [];
  const original = thumbUrl.replace(/_\d+(\.[a-z]+)$/i, 'orig$1');
  return [
    {
      url: original,
      ...(original !== thumbUrl ? { thumbUrl } : {}),
      types: ['front'],
      provider: NAME,
    },
  ];
}

export function parseOtotoyPage(
  page: OtotoyPage,
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const meta = page.albumMeta;
  const featuring = applyTitleFeaturing(meta.title, meta.artists.map(credited));
  const artists = releaseCredits(featuring.artists);
  const releaseCredit = creditString(artists);
  const tracks = page.trackList.map((track) => {
    const { title, artists: trackArtists } = trackCredit(
      track.title,
      track.artists?.length ? track.artists.map(credited) : featuring.artists,
      releaseCredit,
    );
    return {
      disc: track.discNumber ?? 1,
      position: track.trackNumber,
      track: {
        number: String(track.trackNumber),
        title,
        ...(trackArtists ? { artists: trackArtists } : {}),
        ...(track.duration !== undefined ? { lengthMs: Math.round(track.duration * 1000) } : {}),
      },
    };
  });
  const releaseDate = parseDate(meta.releaseDate ?? meta.originalReleaseDate);
  const label = meta.label;
  return {
    messages: [] as LookupMessage[],
    release: {
      title: featuring.title,
      artists,
      ...(releaseDate ? { releaseDate } : {}),
      labels: label
        ? [
            {
              name: label.name,
              ...(label.catalogNumber ? { catalogNumber: label.catalogNumber } : {}),
              externalIds: idsOf(label.url, 'label'),
            },
          ]
        : [],
      status: 'Official',
      packaging: 'None',
      media: digitalMedia(tracks),
      externalLinks: [{ url, types: ['paid download'], provider: NAME }],
      images: coverOf(page.thumbUrl),
    },
  };
}
