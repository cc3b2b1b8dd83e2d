/**
 * Release events from where the stores sell a release: a few countries are an event each, a
 * release sold (nearly) everywhere is worldwide (XW), and anything between is not claimed at all:
 * "worldwide" would be false, and a list of forty events is not what MusicBrainz wants. Then the
 * events carry only the date and the annotation says where the release is available.
 */
import type { Release } from '../model.ts';
import { isReleaseCountry, MUSICBRAINZ_AREA_CODES } from './countries.ts';
import type { SeedField } from './types.ts';

/** Up to this many countries, each is a release event of its own. */
export const MAX_EVENT_COUNTRIES = 10;

/**
 * Beyond MAX_EVENT_COUNTRIES the release is worldwide only when the stores exclude it from at
 * most this many countries. A store's market list often lacks a handful of markets for one
 * release (a territory whose rights another label holds, a market opened after the upload), and
 * MusicBrainz editors still call that release worldwide; the annotation names those countries
 * ("Not available in: ..."). Excluded from more, the release is not worldwide.
 */
export const MAX_EXCLUDED_FOR_WORLDWIDE = 5;

/**
 * When the stores say where a release is available but not where it is not, the list's length
 * is all there is to judge by: the stores that list markets sell in more than this many countries
 * (Spotify and Deezer over 180, Apple Music about 170), so a shorter list leaves many out.
 */
export const MIN_WORLDWIDE_COUNTRIES = 150;

export type EventCountries =
  /** One event per country. */
  | { kind: 'countries'; countries: string[] }
  /** One worldwide (XW) event: available everywhere, or nothing known about availability. */
  | { kind: 'worldwide' }
  /** Events without a country: available in these countries, too many to list, not everywhere. */
  | { kind: 'unlisted'; countries: string[] }
  /**
   * Events without a country: the sources named countries, but none MusicBrainz knows. They
   * said where, so the release is not worldwide either.
   */
  | { kind: 'unknown' };

export function eventCountries(release: Release): EventCountries {
  // A code MusicBrainz does not know would be dropped with an error: it is not sent.
  const available = [...new Set(release.availableIn?.filter(isReleaseCountry) ?? [])].sort();
  if (available.length === 0)
    return release.availableIn?.length ? { kind: 'unknown' } : { kind: 'worldwide' };
  if (available.length <= MAX_EVENT_COUNTRIES) return { kind: 'countries', countries: available };
  const excluded =
    release.excludedFrom?.length ??
    (available.length >= MIN_WORLDWIDE_COUNTRIES ? 0 : Number.POSITIVE_INFINITY);
  return excluded <= MAX_EXCLUDED_FOR_WORLDWIDE
    ? { kind: 'worldwide' }
    : { kind: 'unlisted', countries: available };
}

export function eventFields(release: Release): SeedField[] {
  const where = eventCountries(release);
  const list: (string | undefined)[] =
    where.kind === 'countries'
      ? where.countries
      : where.kind === 'worldwide'
        ? [MUSICBRAINZ_AREA_CODES.worldwide]
        : [undefined];
  const date = release.releaseDate;
  return list.flatMap((country, i): SeedField[] => [
    ...(date?.year ? [[`events.${i}.date.year`, String(date.year)] as const] : []),
    ...(date?.year && date.month ? [[`events.${i}.date.month`, String(date.month)] as const] : []),
    ...(date?.year && date.month && date.day
      ? [[`events.${i}.date.day`, String(date.day)] as const]
      : []),
    ...(country ? [[`events.${i}.country`, country] as const] : []),
  ]);
}
