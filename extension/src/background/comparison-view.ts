/**
 * The plain view the MusicBrainz page's panel renders of the server's `musicbrainz.compare`
 * answer (its schema is the shared contract, checked where it arrives): store names spelled out,
 * only the link types the edit seed can carry, only http(s) links.
 */
import { messagesBesideFailures } from '@liner/shared/failures';
import type { ExternalLink, LinkType, ProviderName, Release } from '@liner/shared/model';
import { seedAddresses } from '@liner/shared/seed/addresses';
import { urlFields } from '@liner/shared/seed/build';
import { heldRecordingLinks, recordingEditNote } from '@liner/shared/seed/recording-links';
import { storeByName, tryRecognizeUrl } from '@liner/shared/stores/index';

import { type EditRow, editRows, seedFromRows } from './edit-rows.ts';
import type { ApiOutputs } from './server.ts';

export { comparisonSchema } from '@liner/shared/contracts';

/** The server's `musicbrainz.compare` answer (checked with the shared comparisonSchema). */
export type Comparison = ApiOutputs['musicbrainz']['compare'];

const displayName = (name: ProviderName) => storeByName(name).displayName;

/**
 * The link types the edit seed gives this link, decided by the seed's own urlFields (one type
 * at a time), so the panel can never list a link or a type the posted seed leaves out.
 */
function seededTypes(link: ExternalLink): LinkType[] {
  return link.types.filter(
    (type) =>
      urlFields({
        title: link.url,
        artists: [],
        labels: [],
        types: [],
        media: [],
        externalLinks: [{ ...link, types: [type] }],
        images: [],
        externalIds: [],
      }).length > 0,
  );
}

/** A release in MusicBrainz beside the stores, as the release page's panel shows it. */
export type ComparisonView = ReturnType<typeof comparisonView>;

/** What the view needs of the settings: the server the seed returns to, the chosen site. */
export interface ViewOptions {
  serverUrl: string;
  editorUrl: string;
  version: string;
}

/** The links the panel lists, with the types the seed gives them and their store's name. */
function listedLinks(comparison: Comparison) {
  return comparison.missingLinks.flatMap((link) => {
    const types = seededTypes(link);
    if (types.length === 0) return [];
    const store = link.provider ?? tryRecognizeUrl(link.url)?.entity.store;
    return [{ url: link.url, ...(store ? { store: displayName(store) } : {}), types }];
  });
}

/** The rows "Add missing links" posts and the panel lists (edit-rows.ts). */
export function comparisonEdits(comparison: Comparison): EditRow[] {
  return editRows(comparison, listedLinks(comparison));
}

/**
 * Each MusicBrainz recording's store track pages it lacks, with its edit page seeded here from
 * exactly those rows (the stores' tracks and MusicBrainz's recordings, both in the comparison);
 * the server's own rows are only a vote, and what they hold beyond these is named, not offered.
 */
function recordingRows(comparison: Comparison, options: ViewOptions) {
  const lookup = comparison.lookup;
  if (!lookup?.release) return { rows: [], dropped: [] };
  const permalink = seedAddresses(options.serverUrl, lookup.id).permalinkUrl;
  const pages = lookup.providers.flatMap((p) => (p.url && !p.error ? [p.url] : []));
  const { rows } = heldRecordingLinks(
    comparison.musicbrainz.recordings,
    lookup.release as Release,
    {
      editorUrl: options.editorUrl,
      editNote: recordingEditNote(options.version, permalink ?? (pages.join(', ') || 'the stores')),
    },
  );
  const listed = new Set(rows.flatMap((row) => row.links.map((link) => `${row.mbid} ${link.url}`)));
  const dropped = comparison.recordingLinks.flatMap((row) =>
    row.links
      .filter((link) => !listed.has(`${row.mbid} ${link.url}`))
      .map((link) => `recording ${row.mbid} link ${link.url}`),
  );
  return {
    rows: rows.map((row) => ({
      ...row,
      links: row.links.map((link) => ({ ...link, store: displayName(link.provider) })),
    })),
    dropped,
  };
}

/** A warning naming what the server's edit seed (or recording rows) held beyond the panel's rows. */
function droppedWarning(
  dropped: readonly string[],
  what = 'edit seed also held',
): { level: 'warning'; text: string; provider?: string }[] {
  return dropped.length
    ? [
        {
          level: 'warning' as const,
          text: `The Liner server's ${what} what this panel does not list; Liner leaves it out: ${dropped.join(', ')}.`,
        },
      ]
    : [];
}

export function comparisonView(comparison: Comparison, options: ViewOptions) {
  const lookup = comparison.lookup;
  const serverUrl = options.serverUrl;
  // The panel lists exactly the rows the edit seed is built from (edit-rows.ts).
  const links = listedLinks(comparison);
  const edits = editRows(comparison, links);
  const listed = new Set(edits.flatMap((row) => (row.kind === 'link' ? [row.url] : [])));
  const { dropped } = seedFromRows(comparison, edits, options);
  const recordings = recordingRows(comparison, options);
  return {
    mbid: comparison.mbid,
    title: comparison.musicbrainz.title,
    providers: (lookup?.providers ?? []).map((p) => ({
      name: p.name,
      displayName: p.displayName,
      ...(p.error
        ? {
            error: {
              message: p.error.message,
              ...(p.error.detail ? { detail: p.error.detail } : {}),
            },
          }
        : {}),
    })),
    // A link with no type the site allows is not in the seed, so it is not listed either.
    missingLinks: links.filter((link) => listed.has(link.url)),
    edits,
    // Each recording's missing track pages and its seeded edit page, built here.
    recordingLinks: recordings.rows,
    missingIsrcs: comparison.missingIsrcs,
    differentIsrcs: comparison.differentIsrcs,
    barcode: comparison.barcode,
    coverArt: comparison.coverArt
      .filter((image) => /^https?:\/\//.test(image.url))
      .map((image) => ({
        url: image.url,
        types: image.types,
        ...(image.width ? { width: image.width } : {}),
        ...(image.height ? { height: image.height } : {}),
        ...(image.provider ? { provider: displayName(image.provider) } : {}),
      })),
    // The other fields MusicBrainz lacks, as rows of the same list the seed is built from.
    missingFields: edits.flatMap((row) =>
      row.kind === 'field' ? [{ field: row.field, label: row.label, value: row.value }] : [],
    ),
    disagreements: comparison.disagreements,
    canAddLinks: edits.some((row) => row.kind === 'link'),
    canAddBarcode: edits.some((row) => row.kind === 'barcode'),
    ...(comparison.magicIsrcUrl ? { magicIsrcUrl: comparison.magicIsrcUrl } : {}),
    // A failed provider's sentence is in its `providers` entry: not said twice.
    messages: [
      ...messagesBesideFailures({
        providers: lookup?.providers ?? [],
        messages: comparison.messages,
      }).map(({ provider, ...message }) => ({
        ...message,
        ...(provider ? { provider: displayName(provider) } : {}),
      })),
      ...droppedWarning(dropped),
      ...droppedWarning(recordings.dropped, 'recording links also held'),
    ],
    ...(lookup ? { lookupPage: `${serverUrl}/release/${lookup.id}` } : {}),
  };
}
