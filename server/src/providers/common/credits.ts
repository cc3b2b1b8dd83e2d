/**
 * Artist credits from stores that list artists with roles. Join phrases are built, never parsed
 * out of names: a credited name like "Simon & Garfunkel" stays one artist, and featured artists
 * get " feat. " instead of being appended to the title.
 */
import { type ArtistCredit, creditText, type ExternalId } from '@liner/shared';

export interface CreditedArtist {
  name: string;
  role?: 'main' | 'featured';
  externalIds?: ExternalId[];
  creditedName?: string;
}

function joinGroup(count: number, index: number): string {
  if (index === count - 1) return '';
  return index === count - 2 ? ' & ' : ', ';
}

/** "A, B & C feat. D & E": main artists first, featured ones after " feat. ". */
export function buildCredits(artists: readonly CreditedArtist[]): ArtistCredit[] {
  const seen = new Set<string>();
  const unique = artists.filter((artist) => {
    const key = artist.name.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const main = unique.filter((a) => a.role !== 'featured');
  const featured = unique.filter((a) => a.role === 'featured');
  const credits: ArtistCredit[] = [];
  const push = (artist: CreditedArtist, joinPhrase: string) => {
    const credit: ArtistCredit = {
      name: artist.name.trim(),
      externalIds: artist.externalIds ?? [],
      joinPhrase,
    };
    if (artist.creditedName && artist.creditedName !== artist.name)
      credit.creditedName = artist.creditedName;
    credits.push(credit);
  };
  for (const [i, artist] of main.entries()) push(artist, joinGroup(main.length, i));
  if (featured.length > 0 && credits.length > 0)
    credits[credits.length - 1]!.joinPhrase = ' feat. ';
  for (const [i, artist] of featured.entries()) push(artist, joinGroup(featured.length, i));
  for (const credit of credits) if (credit.joinPhrase === '') delete credit.joinPhrase;
  return credits;
}

/** Credited names as one string, e.g. for comparing credits across providers. */
export function creditString(credits: readonly ArtistCredit[] | undefined): string {
  return creditText(credits);
}
