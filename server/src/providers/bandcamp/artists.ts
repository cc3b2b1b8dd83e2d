/**
 * Who the Bandcamp account ("band") is for a release: the artist, or a label selling other
 * artists' music. Bandcamp says it only indirectly: the release credit (tralbum.artist) differs
 * from the account name on label releases, and physical packages may name a label.
 */
import { type ExternalId, type ReleaseInput, simplifyName } from '@liner/shared';
import type { CreditedArtist } from '../common/credits.ts';
import type { BandcampPage } from './api.ts';

export type LabelInput = NonNullable<ReleaseInput['labels']>[number];

export function sameName(a: string, b: string): boolean {
  return simplifyName(a) === simplifyName(b);
}

const FEATURING = /\s+(?:feat\.?|featuring|ft\.)\s+/i;

/**
 * A Bandcamp credit is free text. "A feat. B" becomes A with B featured; nothing else is split,
 * since "&" or "," may belong to a band's name.
 */
export function creditedArtists(credit: string, externalIds?: ExternalId[]): CreditedArtist[] {
  const match = FEATURING.exec(credit);
  const main = (match ? credit.slice(0, match.index) : credit).trim();
  const featured = match ? credit.slice(match.index + match[0].length).trim() : '';
  if (!main) return [{ name: credit.trim(), ...(externalIds ? { externalIds } : {}) }];
  const artists: CreditedArtist[] = [
    { name: main, role: 'main', ...(externalIds ? { externalIds } : {}) },
  ];
  if (featured) artists.push({ name: featured, role: 'featured' });
  return artists;
}

export interface BandRole {
  /** The account is the (only) release artist: its ID belongs on the artist credit. */
  bandIsArtist: boolean;
  labels: LabelInput[];
}

/** "Label: X" or "Released by X" on a line of its own in the release's about text. */
export function aboutLabel(about: string | null | undefined): string | undefined {
  const match = /^\s*(?:label\s*[:\-–]|released by\b:?)\s*(.+?)\s*$/im.exec(about ?? '');
  const name = match?.[1]?.replace(/[.\s]+$/, '');
  return name && name.length <= 80 ? name : undefined;
}

/** `credit` is the release credit as the page is read (a split title may have changed it). */
export function bandRole(page: BandcampPage, subdomain: string, credit: string): BandRole {
  const { tralbum, band } = page;
  const labelIds: ExternalId[] = [{ provider: 'bandcamp', type: 'label', id: subdomain }];
  // The label of the physical editions is the digital one too, when there is exactly one.
  const packageLabels = [
    ...new Set((tralbum.packages ?? []).map((p) => p.label?.trim()).filter((l) => !!l)),
  ] as string[];
  const about = aboutLabel(tralbum.current.about);
  if (packageLabels.length === 0 && about) packageLabels.push(about);
  if (packageLabels.length === 1) {
    const name = packageLabels[0]!;
    const bandIsLabel = sameName(name, band.name);
    return {
      bandIsArtist: !bandIsLabel && sameName(credit, band.name),
      labels: [{ name, externalIds: bandIsLabel ? labelIds : [] }],
    };
  }
  if (sameName(credit, band.name)) return { bandIsArtist: true, labels: [] };
  // "Band & Guest" or "Band feat. Guest": the account is one of the artists, not a label.
  if (simplifyName(credit).includes(simplifyName(band.name)))
    return { bandIsArtist: false, labels: [] };
  return { bandIsArtist: false, labels: [{ name: band.name, externalIds: labelIds }] };
}
