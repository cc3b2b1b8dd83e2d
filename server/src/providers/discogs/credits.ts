/**
 * Discogs artist credits and labels. Discogs already gives credits the MusicBrainz way: each
 * artist with the name as credited (anv) and the text that joins it to the next. Names that
 * several artists share carry a number, "John Smith (2)"; that suffix is Discogs' disambiguation,
 * not part of the name, so it goes while the artist ID stays.
 */
import type { ArtistCredit, ExternalId, Label } from '@liner/shared';
import { isVariousArtists, NO_LABEL_MBID, variousArtistsCredit } from '../common/various.ts';
import type { DiscogsArtist, DiscogsLabel } from './api.ts';

/** Discogs' own "Various" artist. */
const VARIOUS_ID = 194;
/** MusicBrainz's special purpose label for releases without one. */

export function withoutDisambiguation(name: string): string {
  return name.replace(/\s+\(\d+\)$/, '').trim();
}

/** Discogs stores joins bare ("," "&" "Feat."); in a credit they need their spaces. */
export function joinPhrase(join: string | undefined): string | undefined {
  const bare = join?.trim();
  if (!bare) return undefined;
  if (bare === ',' || bare === ';') return `${bare} `;
  return ` ${bare} `;
}

function ids(type: 'artist' | 'label', id: number | undefined): ExternalId[] {
  return id === undefined ? [] : [{ provider: 'discogs', type, id: String(id) }];
}

export function artistCredits(artists: readonly DiscogsArtist[] | undefined): ArtistCredit[] {
  const list = artists ?? [];
  return list.map((artist, i) => {
    const last = i === list.length - 1;
    // An artist without a join before the next one is listed with a comma on Discogs' pages.
    const join = last ? undefined : (joinPhrase(artist.join) ?? ', ');
    if (artist.id === VARIOUS_ID || isVariousArtists(artist.name)) {
      return { ...variousArtistsCredit(), ...(join ? { joinPhrase: join } : {}) };
    }
    const name = withoutDisambiguation(artist.name);
    const credited = artist.anv ? withoutDisambiguation(artist.anv) : undefined;
    return {
      name,
      ...(credited && credited !== name ? { creditedName: credited } : {}),
      ...(join ? { joinPhrase: join } : {}),
      externalIds: ids('artist', artist.id),
    };
  });
}

/** Credits compared as MusicBrainz shows them, to leave out track credits equal to the release's. */
export function sameCredits(a: readonly ArtistCredit[], b: readonly ArtistCredit[]): boolean {
  const key = (list: readonly ArtistCredit[]) =>
    list.map((c) => `${c.creditedName ?? c.name}\u0000${c.joinPhrase ?? ''}`).join('\u0001');
  return key(a) === key(b);
}

/**
 * One label entry per (label, catalog number). "Not On Label" is Discogs' way of saying "no
 * label", which MusicBrainz says with its special label; "none" means no catalog number.
 */
export function releaseLabels(labels: readonly DiscogsLabel[] | undefined): Label[] {
  const result: Label[] = [];
  for (const label of labels ?? []) {
    const catno = label.catno?.trim();
    const catalogNumber = catno && catno.toLowerCase() !== 'none' ? catno : undefined;
    const noLabel = /^not on label\b/i.test(label.name);
    const entry: Label = noLabel
      ? { name: '[no label]', mbid: NO_LABEL_MBID, externalIds: [] }
      : { name: withoutDisambiguation(label.name), externalIds: ids('label', label.id) };
    if (catalogNumber) entry.catalogNumber = catalogNumber;
    const duplicate = result.some(
      (l) => l.name === entry.name && l.catalogNumber === entry.catalogNumber,
    );
    if (!duplicate) result.push(entry);
  }
  return result;
}
