/** iTunes lookup results -> the harmonized release. Pure. */
import {
  type ArtistCredit,
  type LookupMessage,
  type Medium,
  type ReleaseInput,
  type ReleaseType,
  storeByName,
} from '@liner/shared';
import { buildCredits, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { trackCredit } from '../common/featuring.ts';
import { fillTrackGaps, placeholderMessage } from '../common/placeholders.ts';
import type { ItunesCollection, ItunesTrack } from './api.ts';

const SUFFIX_TYPES: [RegExp, ReleaseType][] = [
  [/\s+-\s+EP$/i, 'EP'],
  [/\s+-\s+Single$/i, 'Single'],
];

/** Apple's artwork URLs take the size in their last path segment; 3000 px is the largest it serves for most releases. */
export function largeArtwork(url: string): string {
  return url.replace(/\/\d+x\d+bb\.(jpg|png)$/, '/3000x3000bb.$1');
}

function artistCredit(name: string, id: number | undefined, region: string): ArtistCredit[] {
  // Apple gives the whole credit as one string ("A & B"): kept whole, never split on guesses.
  return buildCredits([
    {
      name,
      externalIds: id ? [{ provider: 'itunes', type: 'artist', id: String(id), region }] : [],
    },
  ]);
}

/**
 * The track's full title. Apple's censored name masks rude words with "*", but where it masks
 * nothing and is the title plus more, the more is the version Apple left out of trackName
 * ("Bohemian Rhapsody" -> "Bohemian Rhapsody (No Flames Original Version / 1975)").
 */
export function fullTrackTitle(
  track: Pick<ItunesTrack, 'trackName' | 'trackCensoredName'>,
): string {
  const censored = track.trackCensoredName?.trim();
  const name = track.trackName;
  if (!censored || censored.includes('*') || censored.length <= name.length) return name;
  return censored.startsWith(name) ? censored : name;
}

/** Placeholders where disc numbering skips, and up to each disc's stated track count. */
function fillGaps(media: Medium[], tracks: readonly ItunesTrack[], discs: number[]) {
  const filled = media.map((medium, i) => {
    const counts = tracks
      .filter((t) => (t.discNumber ?? 1) === discs[i] && t.kind !== 'music-video')
      .map((t) => t.trackCount ?? 0);
    return fillTrackGaps(medium, counts.length ? Math.max(...counts) : undefined);
  });
  return { media: filled.map((f) => f.medium), filled: filled.map((f) => f.filled) };
}

export interface ItunesParseInput {
  collection: ItunesCollection;
  tracks: readonly ItunesTrack[];
  region: string;
  gtin?: string;
}

export function parseItunesRelease({ collection, tracks, region, gtin }: ItunesParseInput): {
  release: ReleaseInput;
  messages: LookupMessage[];
} {
  const messages: LookupMessage[] = [];
  let title = collection.collectionName;
  const types: ReleaseType[] = [];
  for (const [suffix, type] of SUFFIX_TYPES) {
    if (suffix.test(title)) {
      title = title.replace(suffix, '');
      types.push(type);
    }
  }
  const artists = artistCredit(collection.artistName, collection.artistId, region);
  const releaseCredit = creditString(artists);
  const discs = new Map<number, Medium>();
  for (const track of tracks) {
    const disc = track.discNumber ?? 1;
    if (!discs.has(disc)) discs.set(disc, { format: 'Digital Media', tracks: [] });
    const credit = trackCredit(
      fullTrackTitle(track),
      [
        {
          name: track.artistName,
          externalIds: track.artistId
            ? [{ provider: 'itunes', type: 'artist', id: String(track.artistId), region }]
            : [],
        },
      ],
      releaseCredit,
    );
    discs.get(disc)!.tracks.push({
      number: String(track.trackNumber ?? discs.get(disc)!.tracks.length + 1),
      ...credit,
      ...(track.trackTimeMillis !== undefined ? { lengthMs: track.trackTimeMillis } : {}),
      type: track.kind === 'music-video' ? 'video' : 'audio',
      externalIds: [{ provider: 'itunes', type: 'track', id: String(track.trackId), region }],
    });
  }
  const numbers = [...discs.keys()].sort((a, b) => a - b);
  const listed = numbers.map((n) => discs.get(n)!);
  for (const medium of listed) medium.tracks.sort((a, b) => Number(a.number) - Number(b.number));
  const { media, filled } = fillGaps(listed, tracks, numbers);
  const gaps = placeholderMessage('itunes', filled, `are not listed in ${region}`);
  if (gaps) messages.push(gaps);
  else if (collection.trackCount !== undefined && collection.trackCount > tracks.length) {
    messages.push({
      level: 'warning',
      provider: 'itunes',
      text: `Apple lists ${collection.trackCount} tracks but its look-up returned ${tracks.length}; some may be unavailable in ${region}.`,
    });
  }
  const url = storeByName('itunes').canonicalUrl({
    store: 'itunes',
    type: 'release',
    id: String(collection.collectionId),
    region,
  });
  const release: ReleaseInput = {
    title,
    artists,
    ...(gtin ? { gtin } : {}),
    releaseDate: parseDate(collection.releaseDate),
    labels: [],
    status: 'Official',
    types,
    packaging: 'None',
    media,
    externalLinks: [{ url, types: ['paid download', 'paid streaming'], provider: 'itunes' }],
    images: collection.artworkUrl100
      ? [{ url: largeArtwork(collection.artworkUrl100), types: ['front'], provider: 'itunes' }]
      : [],
    ...(collection.copyright ? { copyright: collection.copyright } : {}),
    availableIn: [region],
    externalIds: [
      { provider: 'itunes', type: 'release', id: String(collection.collectionId), region },
    ],
  };
  return { release, messages };
}
