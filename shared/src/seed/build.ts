/**
 * Builds the release-editor seed from a look-up result. Pure and deterministic: the same result
 * always gives the same fields in the same order, so a permalink's seed is byte-for-byte stable.
 * Everything it emits passes validateSeed(); a value MusicBrainz would reject is left out.
 */
import { isValidGtin } from '../identifiers.ts';
import type { LookupResult } from '../lookup.ts';
import type { ArtistCredit, Release } from '../model.ts';
import { linkMatcher, tryRecognizeUrl } from '../stores/index.ts';
import { leadsBackTo } from './addresses.ts';
import { annotationText, editNoteText } from './annotation.ts';
import { editFields, labelFields } from './edit-fields.ts';
import { eventFields } from './events.ts';
import { releaseLinkTypeId } from './link-types.ts';
import { isMediumFormat } from './medium-formats.ts';
import type { EditSeedOptions, Seed, SeedField, SeedOptions } from './types.ts';

function creditFields(prefix: string, credits: readonly ArtistCredit[]): SeedField[] {
  return credits.flatMap((credit, i): SeedField[] => {
    const base = `${prefix}.names.${i}`;
    const fields: SeedField[] = [[`${base}.name`, credit.creditedName ?? credit.name]];
    if (credit.mbid) fields.push([`${base}.mbid`, credit.mbid]);
    else fields.push([`${base}.artist.name`, credit.name]);
    if (credit.joinPhrase) fields.push([`${base}.join_phrase`, credit.joinPhrase]);
    return fields;
  });
}

function sameCredit(a: readonly ArtistCredit[] | undefined, b: readonly ArtistCredit[]): boolean {
  if (!a) return true;
  const key = (list: readonly ArtistCredit[]) =>
    list.map((c) => `${c.mbid ?? c.name}|${c.creditedName ?? ''}|${c.joinPhrase ?? ''}`).join(';');
  return key(a) === key(b);
}

export function urlFields(release: Release, startAt = 0): SeedField[] {
  const pairs: [string, number][] = [];
  for (const link of release.externalLinks) {
    const store = tryRecognizeUrl(link.url)?.entity.store ?? link.provider;
    for (const type of link.types) {
      const id = releaseLinkTypeId(store, type, link.url);
      if (id !== undefined && !pairs.some(([u, t]) => u === link.url && t === id))
        pairs.push([link.url, id]);
    }
  }
  return pairs.flatMap(([url, type], i): SeedField[] => [
    [`urls.${startAt + i}.url`, url],
    [`urls.${startAt + i}.link_type`, String(type)],
  ]);
}

function mediumFields(release: Release): SeedField[] {
  return release.media.flatMap((medium, m): SeedField[] => [
    // A format MusicBrainz has no name for (a newer one, a source's typo) is left for the editor.
    ...(medium.format && isMediumFormat(medium.format)
      ? [[`mediums.${m}.format`, medium.format] as const]
      : []),
    ...(medium.title ? [[`mediums.${m}.name`, medium.title] as const] : []),
    ...medium.tracks.flatMap((track, t): SeedField[] => {
      const base = `mediums.${m}.track.${t}`;
      return [
        [`${base}.name`, track.title],
        [`${base}.number`, track.number],
        ...(track.lengthMs !== undefined
          ? [[`${base}.length`, String(Math.round(track.lengthMs))] as const]
          : []),
        ...(track.recordingMbid ? [[`${base}.recording`, track.recordingMbid] as const] : []),
        ...(track.artists && !sameCredit(track.artists, release.artists)
          ? creditFields(`${base}.artist_credit`, track.artists)
          : []),
      ];
    }),
  ]);
}

/** A redirect back to the Liner server only: anywhere else would receive the new release's MBID. */
function redirectBack({ redirectUri, serverUrl }: SeedOptions): string | undefined {
  return redirectUri && serverUrl && leadsBackTo(redirectUri, serverUrl) ? redirectUri : undefined;
}

function closingFields(result: LookupResult, options: SeedOptions): SeedField[] {
  const redirect = redirectBack(options);
  return [
    ['edit_note', editNoteText(result, options.permalinkUrl, options.version)],
    ...(redirect ? [['redirect_uri', redirect] as const] : []),
    ...(options.makeVotable ? [['make_votable', '1'] as const] : []),
  ];
}

/** A new release: everything the look-up knows, posted to /release/add. */
export function buildReleaseSeed(result: LookupResult, options: SeedOptions): Seed {
  const release = result.release;
  if (!release) throw new Error('this look-up found no release to seed');
  const annotation = annotationText(result);
  const fields: SeedField[] = [
    ['name', release.title],
    ...(release.releaseGroupMbid ? [['release_group', release.releaseGroupMbid] as const] : []),
    // With a release group MusicBrainz takes the group's types and ignores these.
    ...(release.releaseGroupMbid ? [] : release.types.map((type): SeedField => ['type', type])),
    ...(annotation ? [['annotation', annotation] as const] : []),
    ...(release.gtin ? [['barcode', release.gtin] as const] : []),
    ...(release.language ? [['language', release.language] as const] : []),
    ...(release.script ? [['script', release.script] as const] : []),
    ...(release.status ? [['status', release.status] as const] : []),
    ...(release.packaging ? [['packaging', release.packaging] as const] : []),
    ...eventFields(release),
    ...labelFields(release.labels),
    ...creditFields('artist_credit', release.artists),
    ...mediumFields(release),
    ...urlFields(release),
    ...closingFields(result, options),
  ];
  return { action: 'add', url: `${options.editorUrl}/release/add?skip_confirmation=1`, fields };
}

/** The stores' barcode, when it is a valid GTIN that every merged store agreed on. */
function agreedGtin(result: LookupResult): string | undefined {
  const gtin = result.release?.gtin;
  if (!gtin || !isValidGtin(gtin)) return undefined;
  return result.conflicts.some((c) => c.field === 'gtin') ? undefined : gtin;
}

/**
 * An existing release: only what MusicBrainz lacks, posted to /release/<mbid>/edit. First the
 * store links it does not have (links are what an import adds to a release that exists), then
 * the barcode when MusicBrainz's release has none and the stores agree on one, then, when the
 * caller read MusicBrainz's release, every other field it lacks (editFields: status, packaging,
 * language, script, release events, labels). A seed with nothing but the edit note is nothing
 * to post: see seedAddsNothing().
 */
export function buildEditSeed(result: LookupResult, mbid: string, options: EditSeedOptions): Seed {
  const release = result.release;
  if (!release) throw new Error('this look-up found no release to seed');
  // MusicBrainz may hold a link in another form (an older clean-up, another storefront).
  const linked = linkMatcher(options.linkedUrls);
  const missing: Release = {
    ...release,
    externalLinks: release.externalLinks.filter((link) => !linked(link.url)),
  };
  const mb = options.musicBrainz;
  const gtin = mb && !mb.gtin && !mb.noBarcode ? agreedGtin(result) : undefined;
  const fields: SeedField[] = [
    ...urlFields(missing),
    ...(gtin ? [['barcode', gtin] as const] : []),
    ...(mb?.release ? editFields(result, mb.release).missing.flatMap((row) => row.seed) : []),
    ...closingFields(result, options),
  ];
  return { action: 'edit', url: `${options.editorUrl}/release/${mbid}/edit`, fields };
}
