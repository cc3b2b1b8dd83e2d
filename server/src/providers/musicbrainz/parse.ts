/** A MusicBrainz release -> the harmonized release (MBIDs kept everywhere). Pure. */
import {
  type ArtistCredit,
  type ExternalLink,
  isValidGtin,
  type LinkType,
  type LookupMessage,
  parseIsrc,
  RELEASE_STATUSES,
  type ReleaseInput,
  releaseTypeSchema,
} from '@liner/shared';
import { parseDate } from '../common/dates.ts';
import type { MbArtistCredit, MbRelease } from './api.ts';

/** MusicBrainz's release-URL (and recording-URL) relationship names -> Liner's link types. */
const LINK_TYPES: Record<string, LinkType> = {
  'free streaming': 'free streaming',
  streaming: 'paid streaming',
  'purchase for download': 'paid download',
  'download for free': 'free download',
  'purchase for mail-order': 'mail order',
  discogs: 'discography',
  'discography entry': 'discography',
  license: 'license',
};

/** The URL relationships still in force, typed where Liner has a name for the type. */
function urlLinks(relations: MbRelease['relations']): ExternalLink[] {
  return relations
    .filter((rel) => rel.url && !rel.ended)
    .map((rel) => ({
      url: rel.url!.resource,
      types: LINK_TYPES[rel.type] ? [LINK_TYPES[rel.type]!] : [],
    }));
}

export function credits(list: MbArtistCredit | undefined): ArtistCredit[] {
  return (list ?? []).map((credit) => ({
    name: credit.artist.name,
    ...(credit.name !== credit.artist.name ? { creditedName: credit.name } : {}),
    ...(credit.joinphrase ? { joinPhrase: credit.joinphrase } : {}),
    mbid: credit.artist.id,
    externalIds: [],
  }));
}

const creditKey = (list: MbArtistCredit | undefined) =>
  (list ?? []).map((c) => `${c.artist.id}|${c.name}|${c.joinphrase}`).join(';');

export function parseMusicBrainzRelease(mb: MbRelease): {
  release: ReleaseInput;
  messages: LookupMessage[];
  /** The barcode field as MusicBrainz holds it (see ProviderLookup.heldBarcode). */
  heldBarcode?: string;
} {
  const messages: LookupMessage[] = [];
  const releaseCredit = creditKey(mb['artist-credit']);
  const group = mb['release-group'];
  const types = [group?.['primary-type'], ...(group?.['secondary-types'] ?? [])].flatMap((type) => {
    const parsed = releaseTypeSchema.safeParse(type);
    return parsed.success ? [parsed.data] : [];
  });
  const links = urlLinks(mb.relations);
  const countries = (mb['release-events'] ?? [])
    .flatMap((event) => event.area?.['iso-3166-1-codes'] ?? [])
    .filter((c) => c !== 'XW');
  const barcode = mb.barcode ?? undefined;
  if (barcode && !isValidGtin(barcode)) {
    messages.push({
      level: 'warning',
      provider: 'musicbrainz',
      text: `MusicBrainz's barcode ${barcode} is not a valid GTIN`,
    });
  }
  // "" is MusicBrainz's "this release has no barcode", null only "not entered".
  if (barcode === '')
    messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: 'MusicBrainz says this release has no barcode',
    });
  const status = RELEASE_STATUSES.find((s) => s === mb.status);
  const language = mb['text-representation']?.language ?? undefined;
  const script = mb['text-representation']?.script ?? undefined;
  const release: ReleaseInput = {
    title: mb.title,
    artists: credits(mb['artist-credit']),
    ...(barcode && isValidGtin(barcode) ? { gtin: barcode } : {}),
    releaseDate: parseDate(mb.date),
    labels: mb['label-info'].flatMap((info) =>
      info.label
        ? [
            {
              name: info.label.name,
              mbid: info.label.id,
              externalIds: [],
              ...(info['catalog-number'] ? { catalogNumber: info['catalog-number'] } : {}),
            },
          ]
        : [],
    ),
    ...(status ? { status } : {}),
    types,
    ...(mb.packaging ? { packaging: mb.packaging } : {}),
    ...(language && /^[a-z]{3}$/.test(language) ? { language } : {}),
    ...(script && /^[A-Z][a-z]{3}$/.test(script) ? { script } : {}),
    media: mb.media.map((medium) => ({
      ...(medium.format ? { format: medium.format } : {}),
      ...(medium.title ? { title: medium.title } : {}),
      tracks: medium.tracks.map((track) => {
        const length = track.length ?? track.recording?.length;
        const isrcs = (track.recording?.isrcs ?? [])
          .map((code) => parseIsrc(code))
          .filter((code): code is string => code !== undefined);
        const isrc = isrcs[0];
        const differs =
          track['artist-credit'] && creditKey(track['artist-credit']) !== releaseCredit;
        return {
          number: track.number,
          title: track.title,
          ...(differs ? { artists: credits(track['artist-credit']) } : {}),
          ...(length ? { lengthMs: Math.round(length) } : {}),
          ...(isrc ? { isrc } : {}),
          ...(isrcs.length > 1 ? { isrcs } : {}),
          type: track.recording?.video ? ('video' as const) : ('audio' as const),
          ...(track.recording ? { recordingMbid: track.recording.id } : {}),
          ...(track.recording?.relations ? { links: urlLinks(track.recording.relations) } : {}),
        };
      }),
    })),
    externalLinks: links,
    ...(countries.length ? { availableIn: [...new Set(countries)].sort() } : {}),
    mbid: mb.id,
    ...(group ? { releaseGroupMbid: group.id } : {}),
    // Absent from the answer: not asked for, so unknown (not "none").
    ...(mb.annotation !== undefined ? { annotation: mb.annotation?.trim() ?? '' } : {}),
    externalIds: [{ provider: 'musicbrainz', type: 'release', id: mb.id }],
  };
  return { release, messages, ...(barcode !== undefined ? { heldBarcode: barcode } : {}) };
}
