/** Beatport release + tracks -> the harmonized release. Pure: no I/O, no clock. */
import {
  type ArtistCredit,
  type ExternalId,
  isValidGtin,
  type LinkType,
  type LookupMessage,
  parseIsrc,
  type ReleaseInput,
  type ReleaseType,
  type Track,
} from '@liner/shared';
import { buildCredits, type CreditedArtist, creditString } from '../common/credits.ts';
import { parseDate } from '../common/dates.ts';
import { applyTitleFeaturing } from '../common/featuring.ts';
import { isVariousArtists, variousArtistsCredit } from '../common/various.ts';
import type { BeatportArtist, BeatportRelease, BeatportTrack } from './api.ts';

const NAME = 'beatport';
/** Beatport compilations list every track artist on the release; MusicBrainz credits VA. */
const MAX_RELEASE_ARTISTS = 4;

const TYPES: Record<string, ReleaseType[]> = {
  album: ['Album'],
  ep: ['EP'],
  single: ['Single'],
  compilation: ['Album', 'Compilation'],
};

/**
 * Beatport shows a track as "Name (Mix Name)". "Original Mix" is Beatport's default label for
 * the unremixed version, not a version name, so it is left out (as MusicBrainz style has it).
 */
export function trackTitle(name: string, mixName: string | null | undefined): string {
  const mix = mixName?.trim();
  if (!mix || mix.toLowerCase() === 'original mix') return name;
  if (name.toLowerCase().endsWith(`(${mix.toLowerCase()})`)) return name;
  return `${name} (${mix})`;
}

/**
 * The release's own tracks in order: by `number` where every track has one, else by the
 * release's track URL list (which Beatport writes last track first), else as listed.
 */
export function orderTracks(release: BeatportRelease, tracks: BeatportTrack[]): BeatportTrack[] {
  const seen = new Set<number>();
  const own = tracks.filter((t) => {
    if ((t.release && t.release.id !== release.id) || seen.has(t.id)) return false;
    seen.add(t.id);
    return true;
  });
  if (own.every((t) => t.number != null)) return own.sort((a, b) => a.number! - b.number!);
  const urls = release.tracks ?? [];
  const position = new Map(urls.map((url, i) => [url, urls.length - 1 - i]));
  if (urls.length > 0 && own.every((t) => t.url && position.has(t.url)))
    return own.sort((a, b) => position.get(a.url!)! - position.get(b.url!)!);
  return own;
}

const artistIds = (artist: BeatportArtist): ExternalId[] => [
  {
    provider: NAME,
    type: 'artist',
    id: String(artist.id),
    ...(artist.slug ? { slug: artist.slug } : {}),
  },
];

const credited = (artist: BeatportArtist): CreditedArtist => ({
  name: artist.name,
  role: 'main',
  externalIds: artistIds(artist),
});

/**
 * Release artists, with those the tracks only feature moved to " feat. " when they feature on
 * every track, and left to the track credits when they feature on some.
 */
function releaseCredit(release: BeatportRelease, trackArtists: CreditedArtist[][]): ArtistCredit[] {
  if (release.artists.length === 1 && isVariousArtists(release.artists[0]!.name))
    return [variousArtistsCredit()];
  const list: CreditedArtist[] = [];
  for (const artist of release.artists) {
    const id = String(artist.id);
    const appearances = trackArtists
      .map((artists) => artists.find((a) => a.externalIds?.[0]?.id === id))
      .filter((a) => a !== undefined);
    const featuredOnly = appearances.length > 0 && appearances.every((a) => a.role === 'featured');
    if (!featuredOnly) list.push(credited(artist));
    else if (appearances.length === trackArtists.length)
      list.push({ ...credited(artist), role: 'featured' });
  }
  if (list.filter((a) => a.role !== 'featured').length > MAX_RELEASE_ARTISTS)
    return [variousArtistsCredit()];
  return buildCredits(list.length > 0 ? list : release.artists.map(credited));
}

export function parseBeatportRelease(
  release: BeatportRelease,
  tracks: readonly BeatportTrack[],
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const warn = (text: string) => messages.push({ level: 'warning', provider: NAME, text });
  const featured = tracks.map((t) => applyTitleFeaturing(t.name, t.artists.map(credited)));
  const artists = releaseCredit(
    release,
    featured.map((f) => f.artists),
  );
  const releaseKey = creditString(artists);
  const remixed: string[] = [];
  const media: Track[] = tracks.map((track, index) => {
    const title = trackTitle(featured[index]!.title, track.mix_name);
    const trackArtists = buildCredits(featured[index]!.artists);
    const isrc = parseIsrc(track.isrc);
    if (track.remixers?.length)
      remixed.push(
        `${index + 1}. ${title}: remixed by ${track.remixers.map((r) => r.name).join(', ')}`,
      );
    return {
      number: String(index + 1),
      title,
      ...(creditString(trackArtists) !== releaseKey && trackArtists.length
        ? { artists: trackArtists }
        : {}),
      ...(track.length_ms ? { lengthMs: Math.round(track.length_ms) } : {}),
      ...(isrc ? { isrc } : {}),
      type: 'audio',
      externalIds: [
        {
          provider: NAME,
          type: 'track',
          id: String(track.id),
          ...(track.slug ? { slug: track.slug } : {}),
        },
      ],
    } satisfies Track;
  });

  let gtin: string | undefined;
  const upc = release.upc?.trim();
  if (upc && isValidGtin(upc)) gtin = upc;
  else if (upc) warn(`Beatport's barcode ${upc} is not a valid GTIN and was ignored`);
  if (release.pre_order) warn('This is a pre-order on Beatport, so its data may still change');
  if (release.track_count != null && release.track_count !== tracks.length)
    warn(`Beatport counts ${release.track_count} tracks but lists ${tracks.length}`);

  // Paid streaming is Beatport's subscription (Beatport Streaming), where the store says so.
  const types: LinkType[] = ['paid download'];
  if (release.is_available_for_streaming) types.push('paid streaming');
  const label = release.label;
  const result: ReleaseInput = {
    title: release.name,
    artists,
    gtin,
    releaseDate: parseDate(release.new_release_date ?? release.publish_date),
    labels: label
      ? [
          {
            name: label.name,
            ...(release.catalog_number?.trim()
              ? { catalogNumber: release.catalog_number.trim() }
              : {}),
            externalIds: [
              {
                provider: NAME,
                type: 'label',
                id: String(label.id),
                ...(label.slug ? { slug: label.slug } : {}),
              },
            ],
          },
        ]
      : [],
    status: 'Official',
    types: TYPES[release.type?.name.toLowerCase() ?? ''] ?? [],
    packaging: 'None',
    media: [{ format: 'Digital Media', tracks: media }],
    externalLinks: [{ url, types, provider: NAME }],
    images: release.image ? [{ url: release.image.uri, types: ['front'], provider: NAME }] : [],
    ...(remixed.length ? { credits: remixed.join('\n') } : {}),
    externalIds: [
      {
        provider: NAME,
        type: 'release',
        id: String(release.id),
        ...(release.slug ? { slug: release.slug } : {}),
      },
    ],
  };
  return { release: result, messages };
}
