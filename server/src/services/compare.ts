/**
 * "Compare with stores" for a release already in MusicBrainz: read it from the MusicBrainz web
 * service (through the shared budget), look its store links and barcode up at the stores, and
 * list what MusicBrainz lacks: store links, ISRCs, a barcode (missing or disagreeing), cover art.
 * The fixes are seeds and links for MusicBrainz's own forms (the edit seed adds the links and a
 * missing barcode); nothing is written to MusicBrainz directly.
 */
import {
  type Comparison,
  editFields,
  heldRecordingLinks,
  type LookupMessage,
  type LookupResult,
  linkMatcher,
  magicIsrcLink,
  type Release,
  sameGtin,
  seedAddsNothing,
  tryRecognizeUrl,
  unpairedMessage,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { UpstreamError } from '../http/errors.ts';
import { thrownInWords } from '../http/failure.ts';
import { VERSION } from '../version.ts';
import { compareIsrcs, heldRecordings, placedTracks } from './compare-tracks.ts';
import type { LookupService } from './lookup.ts';
import type { ProviderFetcher } from './provider-fetch.ts';
import type { SeedService } from './seeds.ts';

export interface CompareDeps {
  config: Config;
  fetcher: ProviderFetcher;
  lookup: LookupService;
  seeds: SeedService;
}

/** The release as MusicBrainz holds it, and its barcode even when that is no valid GTIN. */
export interface Held {
  mb: Release;
  barcode?: string | undefined;
  noBarcode: boolean;
  /** Read from Liner's cache of MusicBrainz (up to the provider's cacheTtlMs old). */
  cached: boolean;
}

/** The release, and the barcode MusicBrainz holds even when it is no valid GTIN. */
async function musicBrainzRelease(
  deps: Pick<CompareDeps, 'fetcher' | 'config'>,
  mbid: string,
  refresh: boolean,
): Promise<Held> {
  const outcome = await deps.fetcher.fetch(
    {
      provider: 'musicbrainz',
      method: 'id',
      value: mbid,
      entity: { store: 'musicbrainz', type: 'release', id: mbid },
      regions: [...deps.config.lookup.regions],
      requested: true,
    },
    refresh,
  );
  if (outcome.release) {
    const held = outcome.heldBarcode;
    return {
      mb: outcome.release,
      barcode: outcome.release.gtin ?? (held || undefined),
      noBarcode: held === '',
      cached: outcome.info.cached === true,
    };
  }
  throw (
    outcome.error ??
    new UpstreamError(
      'network',
      'musicbrainz',
      mbid,
      `MusicBrainz release ${mbid} could not be read`,
    )
  );
}

/** Why there is nothing to compare: no store link to look up and no barcode to search by. */
function nothingToCompare(barcode: string | undefined): LookupMessage {
  return {
    level: 'warning',
    text: barcode
      ? `This release has no store links, and its barcode ${barcode} is not a valid GTIN to search the stores by.`
      : 'This release has no store links and no barcode, so there is nothing to compare it with.',
  };
}

function missingLinks(store: Release, known: (url: string) => boolean) {
  return store.externalLinks
    .filter((link) => !known(link.url))
    .map((link) => {
      const provider = tryRecognizeUrl(link.url)?.entity.store;
      return { url: link.url, types: link.types, ...(provider ? { provider } : {}) };
    });
}

/** The stores' barcode beside MusicBrainz's; an invalid barcode on MusicBrainz agrees with none. */
function compareBarcode(
  comparison: Comparison,
  mb: Release,
  held: { barcode?: string | undefined; noBarcode: boolean },
  stores: string,
): void {
  comparison.barcode = {
    ...comparison.barcode,
    stores,
    ...(held.barcode ? { agrees: Boolean(mb.gtin) && sameGtin(held.barcode, stores) } : {}),
  };
  if (held.noBarcode)
    comparison.messages.push({
      level: 'info',
      text: `MusicBrainz says this release has no barcode and the stores give ${stores}: it is not offered as a change (a digital edition often has a barcode of its own).`,
    });
}

/** ISRCs the stores have and MusicBrainz lacks (or holds otherwise), track by track. */
/**
 * MusicBrainz's release with its annotation as it is now, when `fields` offer the stores' text as
 * the annotation on a cached read: the seeded annotation replaces the release's, and one an
 * editor added since the read (up to cacheTtlMs ago) would be lost. One request, made only then;
 * when it fails, the annotation is not offered, and a message says why.
 */
async function confirmNoAnnotation(
  deps: CompareDeps,
  comparison: Comparison,
  held: Held,
  fields: ReturnType<typeof editFields>,
): Promise<Held> {
  if (!held.cached || !fields.missing.some((row) => row.field === 'annotation')) return held;
  try {
    const fresh = await musicBrainzRelease(deps, comparison.mbid, true);
    return { ...held, mb: { ...held.mb, annotation: fresh.mb.annotation } };
  } catch (error) {
    const why = thrownInWords(error, 'musicbrainz').message;
    comparison.messages.push({
      level: 'info',
      provider: 'musicbrainz',
      text: `The stores' copyright and credits were not offered as the annotation: MusicBrainz could not be read again to make sure the release still has none (${why}).`,
    });
    // Unknown again: editFields offers nothing for an annotation it was not given.
    const { annotation: _stale, ...mb } = held.mb;
    return { ...held, mb };
  }
}

/** The fixes: an edit seed with what MusicBrainz lacks, and MagicISRC with the missing ISRCs. */
async function fixes(
  deps: CompareDeps,
  comparison: Comparison,
  lookup: LookupResult,
  cachedHeld: Held,
  base: string | undefined,
): Promise<void> {
  const { mbid } = comparison;
  const held = await confirmNoAnnotation(
    deps,
    comparison,
    cachedHeld,
    editFields(lookup, cachedHeld.mb),
  );
  const fields = editFields(lookup, held.mb);
  comparison.missingFields = fields.missing;
  comparison.disagreements = fields.disagreements;
  // The missing links, the barcode and fields when MusicBrainz has none; nothing when it has it all.
  const editSeed = await deps.seeds.seed(lookup, {
    ...(base ? { base } : {}),
    existing: mbid,
    linkedUrls: comparison.musicbrainz.links,
    // Any barcode MusicBrainz holds, valid or not, is the editor's to change, not ours.
    musicBrainz: { gtin: held.barcode, noBarcode: held.noBarcode, release: held.mb },
  });
  if (!seedAddsNothing(editSeed)) comparison.editSeed = editSeed;
  // Only what MusicBrainz lacks, at MusicBrainz's own places: the stores' tracklist may be
  // laid out on other media, and ISRCs MusicBrainz already has need no second submission.
  const sources = lookup.providers.filter((p) => p.url).map((p) => p.displayName);
  const magic = magicIsrcLink(
    comparison.missingIsrcs,
    mbid,
    `ISRCs from ${sources.join(', ')}, found by Liner ${VERSION}`,
  );
  if (magic) comparison.magicIsrcUrl = magic;
  const recordings = heldRecordingLinks(comparison.musicbrainz.recordings, lookup.release!, {
    editorUrl: deps.config.musicbrainz.editorUrl,
    editNote: deps.seeds.recordingNote(lookup, base),
  });
  comparison.recordingLinks = recordings.rows;
  const message = unpairedMessage(recordings.unpaired);
  if (message) comparison.messages.push(message);
}

export interface CompareOptions {
  /** Read MusicBrainz and the stores again, whatever Liner keeps. */
  refresh?: boolean;
  /** The address the client reached the server at, for the edit seed's links back. */
  base?: string | undefined;
  /** When the request arrived: the look-up's deadline counts from it, as for a look-up. */
  arrivedAt?: Date | undefined;
}

export function createCompareService(deps: CompareDeps) {
  return {
    /** The release as MusicBrainz holds it (for `liner seed --existing`), through the budget. */
    held: (mbid: string, refresh = false) => musicBrainzRelease(deps, mbid, refresh),
    async compare(mbid: string, options: CompareOptions = {}): Promise<Comparison> {
      const { refresh = false, base, arrivedAt } = options;
      const held = await musicBrainzRelease(deps, mbid, refresh);
      const { mb } = held;
      const mbLinks = mb.externalLinks.map((link) => link.url);
      const storeUrls = mbLinks.filter((url) => {
        const entity = tryRecognizeUrl(url)?.entity;
        return entity?.type === 'release' && entity.store !== 'musicbrainz';
      });
      const comparison: Comparison = {
        mbid,
        musicbrainz: {
          title: mb.title,
          ...(mb.gtin ? { gtin: mb.gtin } : {}),
          links: mbLinks,
          tracks: placedTracks(mb).length,
          recordings: heldRecordings(mb),
        },
        missingLinks: [],
        recordingLinks: [],
        missingIsrcs: [],
        differentIsrcs: [],
        barcode: held.barcode ? { musicbrainz: held.barcode } : {},
        coverArt: [],
        missingFields: [],
        disagreements: [],
        messages: [],
      };
      if (storeUrls.length === 0 && !mb.gtin) {
        comparison.messages.push(nothingToCompare(held.barcode));
        return comparison;
      }
      const lookup = await deps.lookup.lookup(
        {
          urls: storeUrls.slice(0, deps.config.lookup.maxUrls),
          ...(mb.gtin ? { gtin: mb.gtin } : {}),
          refresh,
        },
        arrivedAt ? { arrivedAt } : {},
      );
      comparison.lookup = lookup;
      comparison.messages.push(...lookup.messages);
      const store = lookup.release;
      if (!store) return comparison;
      comparison.missingLinks = missingLinks(store, linkMatcher(mbLinks));
      if (store.gtin) compareBarcode(comparison, mb, held, store.gtin);
      compareIsrcs(comparison, mb, store);
      comparison.coverArt = [...store.images].sort(
        (a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0),
      );
      await fixes(deps, comparison, lookup, held, base);
      return comparison;
    },
  };
}

export type CompareService = ReturnType<typeof createCompareService>;
