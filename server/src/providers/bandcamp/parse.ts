/** Bandcamp page data -> the harmonized release. Pure: no I/O, no clock. */
import {
  type ExternalId,
  isValidGtin,
  type LinkType,
  type LookupMessage,
  parseIsrc,
  type ReleaseDate,
  type ReleaseInput,
  sameGtin,
  simplifyName,
  type Track,
} from '@liner/shared';
import { buildCredits, creditString } from '../common/credits.ts';
import { applyTitleFeaturing } from '../common/featuring.ts';
import { fillTrackGaps, placeholderMessage } from '../common/placeholders.ts';
import { isVariousArtists, variousArtistsCredit } from '../common/various.ts';
import type { BandcampPage, BandcampTrack } from './api.ts';
import { bandRole, creditedArtists } from './artists.ts';
import { knownParts, splitArtistTitles } from './titles.ts';

const NAME = 'bandcamp';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface BandcampEntity {
  band: string;
  kind: 'album' | 'track';
  slug: string;
}

/** "07 Apr 2023 08:10:36 GMT" (RFC 2822, weekday optional) -> the calendar date as written. */
export function parseBandcampDate(value: string | null | undefined): ReleaseDate | undefined {
  const match = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(value ?? '');
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  const day = Number(match[1]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  return { year: Number(match[3]), month, day };
}

/**
 * Download and streaming link types of the release page, from its sale settings. A release
 * anyone can take for nothing (name your price from zero, or a free download) can also be paid
 * for: it is both a free and a paid download. `hidden` tracks (counted, not on the page) cannot
 * be streamed, so the release cannot be streamed whole.
 */
export function linkTypes(tralbum: BandcampPage['tralbum'], hidden = 0): LinkType[] {
  const { current } = tralbum;
  const types: LinkType[] = [];
  const subscriberOnly = Boolean(tralbum.tralbum_subscriber_only);
  // Subscriber-only releases need a paid subscription: never a free download.
  if (subscriberOnly) types.push('paid download');
  else if (current.download_pref != null || tralbum.freeDownloadPage) {
    const fixedPrice = Boolean(current.is_set_price) && (current.set_price ?? 0) > 0;
    const free = !fixedPrice && (Boolean(tralbum.freeDownloadPage) || current.minimum_price === 0);
    types.push(
      ...(free ? (['free download', 'paid download'] as const) : (['paid download'] as const)),
    );
  }
  // Tracks without a stream file are download-only (or for subscribers only).
  const streamable = (t: BandcampTrack) => Boolean(t.streaming) && Boolean(t.file);
  if (
    !subscriberOnly &&
    hidden === 0 &&
    tralbum.trackinfo.length > 0 &&
    tralbum.trackinfo.every(streamable)
  )
    types.push('free streaming');
  return types;
}

/**
 * The track's ID: its own page ("<band>/track/<slug>", the form of Bandcamp's release IDs, from
 * which its URL is built) where the page links it, else Bandcamp's number for it.
 */
function trackIds(track: BandcampTrack, band: string): Pick<Track, 'externalIds'> {
  const slug = /^\/track\/([\w-]+)$/.exec(track.title_link ?? '')?.[1];
  const id = slug ? `${band}/track/${slug.toLowerCase()}` : track.id ? String(track.id) : undefined;
  return id ? { externalIds: [{ provider: NAME, type: 'track', id }] } : {};
}

function digitalGtin(page: BandcampPage, messages: LookupMessage[]): string | undefined {
  const upc = page.tralbum.current.upc?.trim();
  if (!upc) return undefined;
  const packageUpcs = (page.tralbum.packages ?? []).map((p) => p.upc?.trim()).filter(Boolean);
  if (packageUpcs.some((p) => sameGtin(p!, upc))) {
    messages.push({
      level: 'warning',
      provider: NAME,
      text: `Bandcamp's barcode ${upc} belongs to a physical edition and was ignored`,
    });
    return undefined;
  }
  if (isValidGtin(upc)) return upc;
  messages.push({
    level: 'warning',
    provider: NAME,
    text: `Bandcamp's barcode ${upc} is not a valid GTIN and was ignored`,
  });
  return undefined;
}

function warn(messages: LookupMessage[], text: string): void {
  messages.push({ level: 'warning', provider: NAME, text });
}

export function parseBandcampRelease(
  page: BandcampPage,
  entity: BandcampEntity,
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const { tralbum, band } = page;
  const messages: LookupMessage[] = [];
  const pageCredit = tralbum.artist ?? tralbum.current.artist ?? band.name;
  const untitled = tralbum.trackinfo.every((t) => !t.artist);
  const split = untitled
    ? splitArtistTitles(
        tralbum.trackinfo.map((t) => t.title),
        pageCredit,
        band.name,
        isVariousArtists(pageCredit),
      )
    : undefined;
  const credit = split?.releaseCredit ?? pageCredit;
  const role = bandRole(page, entity.band, credit);
  // Names met alone (a prefix, the credit) let "A & B" be read as the two of them.
  const known = new Set([credit, ...(split?.prefixes ?? [])].map(simplifyName));
  const bandIds: ExternalId[] = [{ provider: NAME, type: 'artist', id: entity.band }];
  const releaseArtists = knownParts(credit, known).flatMap((part, _, parts) =>
    creditedArtists(part, role.bandIsArtist && parts.length === 1 ? bandIds : undefined),
  );
  const artists = isVariousArtists(credit)
    ? [variousArtistsCredit()]
    : buildCredits(releaseArtists);
  const releaseKey = creditString(artists);
  const singleTrack = tralbum.item_type === 'track' && tralbum.trackinfo.length === 1;
  let unreleased = 0;
  const tracks: Track[] = tralbum.trackinfo.map((track, index) => {
    const title = split?.titles[index] ?? track.title;
    const trackCredit = split?.prefixes[index] ?? (track.artist?.trim() || undefined);
    const base = trackCredit
      ? knownParts(trackCredit, known).flatMap((part) => creditedArtists(part))
      : releaseArtists;
    const featuring = applyTitleFeaturing(title, base);
    const trackArtists = buildCredits(featuring.artists);
    const seconds = track.duration ?? 0;
    if (seconds <= 0) unreleased++;
    const isrc = singleTrack ? parseIsrc(tralbum.current.isrc) : undefined;
    return {
      number: String(track.track_num ?? index + 1),
      title: featuring.title,
      ...(creditString(trackArtists) !== releaseKey ? { artists: trackArtists } : {}),
      ...(seconds > 0 ? { lengthMs: Math.round(seconds * 1000) } : {}),
      ...(isrc ? { isrc } : {}),
      type: 'audio',
      ...trackIds(track, entity.band),
    } satisfies Track;
  });
  if (unreleased > 0)
    warn(messages, `${unreleased} track(s) are listed without a length: not released yet`);

  // og:description says "N track album" with the real count; tracks beyond the listed ones are
  // hidden on the page and only come with the download.
  const told = Number(/(\d+)\s+track/i.exec(page['og:description'] ?? '')?.[1] ?? 0);
  const gaps = fillTrackGaps({ format: 'Digital Media', tracks }, told || undefined);
  const hidden = gaps.filled.length;
  const named = placeholderMessage(
    NAME,
    [gaps.filled],
    'are hidden on the page and only come with the download',
  );
  if (named) messages.push(named);
  // A track page of an album track is part of that album, not a release of its own.
  const albumTrack = tralbum.item_type === 'track' && !!tralbum.album_url;
  if (albumTrack)
    warn(
      messages,
      `This track belongs to the album ${tralbum.album_url}: import the album instead`,
    );
  if (isPreorder(tralbum))
    warn(messages, 'This is a pre-order on Bandcamp, so its data may still change');
  for (const pkg of tralbum.packages ?? [])
    messages.push({
      level: 'info',
      provider: NAME,
      text: `Physical edition on the page: ${pkg.title ?? 'untitled'} (${pkg.type_name ?? 'unknown format'}${pkg.upc ? `, barcode ${pkg.upc}` : ''})`,
    });

  const externalLinks: NonNullable<ReleaseInput['externalLinks']> = [
    { url, types: linkTypes(tralbum, hidden), provider: NAME },
  ];
  if (page.licenseUrl)
    externalLinks.push({ url: page.licenseUrl, types: ['license'], provider: NAME });
  const artId = tralbum.art_id;
  const release: ReleaseInput = {
    // A track page's release is the track: its title without the artist written before it.
    title: singleTrack && split ? split.titles[0]! : tralbum.current.title,
    artists,
    gtin: digitalGtin(page, messages),
    // Without a release date, the day the page went up is the date.
    releaseDate: parseBandcampDate(
      tralbum.current.release_date ?? tralbum.album_release_date ?? tralbum.current.publish_date,
    ),
    labels: role.labels,
    status: 'Official',
    types: tralbum.item_type === 'track' && !albumTrack ? ['Single'] : [],
    packaging: 'None',
    media: [gaps.medium],
    externalLinks,
    images: artId
      ? [
          {
            url: `https://f4.bcbits.com/img/a${artId}_0.jpg`,
            thumbUrl: `https://f4.bcbits.com/img/a${artId}_9.jpg`,
            types: ['front'],
            provider: NAME,
          },
        ]
      : [],
    ...(tralbum.current.credits?.trim()
      ? { credits: tralbum.current.credits.replace(/\r/g, '').trim() }
      : {}),
    externalIds: [
      { provider: NAME, type: 'release', id: `${entity.band}/${entity.kind}/${entity.slug}` },
    ],
  };
  return { release, messages };
}

function isPreorder(tralbum: BandcampPage['tralbum']): boolean {
  return Boolean(tralbum.is_preorder) || Boolean(tralbum.album_is_preorder);
}
