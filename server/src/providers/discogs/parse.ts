/** Discogs release -> the harmonized release. Pure: no I/O, no clock. */
import {
  type ArtistCredit,
  type Image,
  isValidGtin,
  type LookupMessage,
  type Medium,
  type ReleaseInput,
  type Track,
} from '@liner/shared';
import { parseDate } from '../common/dates.ts';
import type { DiscogsRelease } from './api.ts';
import { discogsCountries } from './countries.ts';
import { artistCredits, releaseLabels, sameCredits } from './credits.ts';
import {
  type MediumUnit,
  mediumUnits,
  releasePackaging,
  releaseStatus,
  releaseTypes,
} from './formats.ts';
import { type MediumDraft, splitMedia } from './tracklist.ts';

const NAME = 'discogs' as const;

function warning(text: string): LookupMessage {
  return { level: 'warning', provider: NAME, text };
}

/** Barcodes as Discogs users typed them ("0 7599-27256-2 0"); text that is not a number is not one. */
function barcodes(release: DiscogsRelease): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const id of release.identifiers ?? []) {
    if (id.type.toLowerCase() !== 'barcode') continue;
    const digits = /^[\d\s.-]+$/.test(id.value) ? id.value.replace(/\D/g, '') : '';
    if (isValidGtin(digits)) {
      if (!valid.includes(digits)) valid.push(digits);
    } else invalid.push(id.value);
  }
  return { valid, invalid };
}

function gtinOf(release: DiscogsRelease, messages: LookupMessage[]): string | undefined {
  const { valid, invalid } = barcodes(release);
  if (valid.length === 0 && invalid.length > 0)
    messages.push(warning(`Discogs' barcode "${invalid[0]}" is not a valid GTIN and was ignored`));
  if (valid.length > 1)
    messages.push(warning(`Discogs lists several barcodes (${valid.join(', ')}); used the first`));
  return valid[0];
}

/**
 * Gives each medium the next item of the formats list that suits its positions ("CD2-1" a CD,
 * "A1" a record or tape), falling back to the next unused item when none suits.
 */
function assignUnits(drafts: readonly MediumDraft[], units: readonly MediumUnit[]) {
  const used = new Set<number>();
  return drafts.map((draft) => {
    const free = (i: number) => !used.has(i);
    let index =
      draft.family === 'any' ? -1 : units.findIndex((u, i) => free(i) && u.family === draft.family);
    if (index < 0) index = units.findIndex((_, i) => free(i));
    if (index >= 0) used.add(index);
    return { draft, unit: index >= 0 ? units[index] : undefined };
  });
}

function buildMedia(
  release: DiscogsRelease,
  artists: readonly ArtistCredit[],
  messages: LookupMessage[],
): Medium[] {
  const drafts = splitMedia(release.tracklist);
  const units = mediumUnits(release.formats ?? []);
  if (units.length > 0 && units.length !== drafts.length)
    messages.push(
      warning(
        `Discogs lists ${units.length} media in the formats but the tracklist has ${drafts.length}`,
      ),
    );
  return assignUnits(drafts, units).map(({ draft, unit }) => ({
    ...(unit?.format ? { format: unit.format } : {}),
    ...(draft.title ? { title: draft.title } : {}),
    tracks: draft.tracks.map((t): Track => {
      const credits = t.artists ? artistCredits(t.artists) : undefined;
      return {
        number: t.number,
        title: t.title,
        ...(credits && !sameCredits(credits, artists) ? { artists: credits } : {}),
        ...(t.lengthMs !== undefined ? { lengthMs: t.lengthMs } : {}),
        type: unit?.video ? 'video' : 'audio',
      };
    }),
  }));
}

function images(release: DiscogsRelease): Image[] {
  return (release.images ?? []).map((image) => ({
    url: image.uri,
    ...(image.uri150 ? { thumbUrl: image.uri150 } : {}),
    types: [image.type === 'primary' ? 'front' : 'other'],
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
    provider: NAME,
  }));
}

export function parseDiscogsRelease(
  release: DiscogsRelease,
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const artists = artistCredits(release.artists);
  const formats = release.formats ?? [];
  const countries = discogsCountries(release.country);
  if (release.country && !countries)
    messages.push({
      level: 'info',
      provider: NAME,
      text: `Discogs' country "${release.country}" has no MusicBrainz code and was left out`,
    });
  const year = release.year ? { year: release.year } : undefined;
  const packaging = releasePackaging(formats);
  const result: ReleaseInput = {
    title: release.title.trim(),
    artists,
    gtin: gtinOf(release, messages),
    releaseDate: parseDate(release.released) ?? (year && year.year >= 1000 ? year : undefined),
    labels: releaseLabels(release.labels),
    status: releaseStatus(formats),
    types: releaseTypes(formats, release.styles),
    ...(packaging ? { packaging } : {}),
    media: buildMedia(release, artists, messages),
    externalLinks: [{ url, types: ['discography'], provider: NAME }],
    images: images(release),
    ...(countries ? { availableIn: countries } : {}),
    externalIds: [
      { provider: NAME, type: 'release', id: String(release.id) },
      ...(release.master_id
        ? [{ provider: NAME, type: 'release-group' as const, id: String(release.master_id) }]
        : []),
    ],
  };
  return { release: result, messages };
}
