import type { ArtistCredit } from '@liner/shared';
import { buildCredits, type CreditedArtist } from './credits.ts';

/** MusicBrainz's special purpose artist for compilations. */
export const VARIOUS_ARTISTS_MBID = '89ad4ac3-39f7-470e-963a-56509c546377';

/** MusicBrainz's special purpose label for releases without one (self-released, "Not On Label"). */
export const NO_LABEL_MBID = '157afde4-4bf5-4039-8ad2-5a15acc85176';

const VARIOUS = /^various(?: artists)?$/i;

export function isVariousArtists(name: string): boolean {
  return VARIOUS.test(name.trim());
}

/** The credit stores mean by "Various Artists", linked to MusicBrainz's special artist. */
export function variousArtistsCredit(): ArtistCredit {
  return { name: 'Various Artists', mbid: VARIOUS_ARTISTS_MBID, externalIds: [] };
}

/** A release's credit: the store's "Various Artists" as MusicBrainz's special artist, else as listed. */
export function releaseCredits(artists: readonly CreditedArtist[]): ArtistCredit[] {
  if (artists.length === 1 && isVariousArtists(artists[0]!.name)) return [variousArtistsCredit()];
  return buildCredits(artists);
}
