/**
 * "Compare with stores" for a release already in MusicBrainz: read it from the MusicBrainz web
 * service (through the shared budget), look its store links and barcode up at the stores, and
 * list what MusicBrainz lacks: store links, ISRCs, a barcode (missing or disagreeing), cover art.
 * The fixes are seeds and links for MusicBrainz's own forms (the edit seed adds the links and a
 * missing barcode); nothing is written to MusicBrainz directly.
 */
import {
  type Comparison,
  linkMatcher,
  magicIsrcLink,
  type ProviderName,
  type Release,
  sameGtin,
  seedAddsNothing,
  tryRecognizeUrl,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import { UpstreamError } from '../http/errors.ts';
import { VERSION } from '../version.ts';
import type { LookupService } from './lookup.ts';
import type { ProviderFetcher } from './provider-fetch.ts';
import type { SeedService } from './seeds.ts';

function flat(release: Release) {
  return release.media.flatMap((medium, m) =>
    medium.tracks.map((track, t) => ({ track, medium: m + 1, position: t + 1 })),
  );
}

export function createCompareService(deps: {
  config: Config;
  fetcher: ProviderFetcher;
  lookup: LookupService;
  seeds: SeedService;
}) {
  const { config } = deps;

  /** The release, and the barcode MusicBrainz holds even when it is no valid GTIN. */
  async function musicBrainzRelease(
    mbid: string,
    refresh: boolean,
  ): Promise<{ mb: Release; barcode?: string | undefined; noBarcode: boolean }> {
    const outcome = await deps.fetcher.fetch(
      {
        provider: 'musicbrainz',
        method: 'id',
        value: mbid,
        entity: { store: 'musicbrainz', type: 'release', id: mbid },
        regions: [...config.lookup.regions],
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

  return {
    /** `base`: the address the client reached the server at, for the edit seed's links back. */
    async compare(mbid: string, refresh = false, base?: string): Promise<Comparison> {
      const { mb, barcode: mbBarcode, noBarcode } = await musicBrainzRelease(mbid, refresh);
      const mbLinks = mb.externalLinks.map((link) => link.url);
      const known = linkMatcher(mbLinks);
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
          tracks: flat(mb).length,
        },
        missingLinks: [],
        missingIsrcs: [],
        differentIsrcs: [],
        barcode: mbBarcode ? { musicbrainz: mbBarcode } : {},
        coverArt: [],
        messages: [],
      };
      if (storeUrls.length === 0 && !mb.gtin) {
        if (mbBarcode) {
          comparison.messages.push({
            level: 'warning',
            text: `This release has no store links, and its barcode ${mbBarcode} is not a valid GTIN to search the stores by.`,
          });
          return comparison;
        }
        comparison.messages.push({
          level: 'warning',
          text: 'This release has no store links and no barcode, so there is nothing to compare it with.',
        });
        return comparison;
      }
      const lookup = await deps.lookup.lookup({
        urls: storeUrls.slice(0, config.lookup.maxUrls),
        ...(mb.gtin ? { gtin: mb.gtin } : {}),
        refresh,
      });
      comparison.lookup = lookup;
      comparison.messages.push(...lookup.messages);
      const store = lookup.release;
      if (!store) return comparison;
      comparison.missingLinks = store.externalLinks
        .filter((link) => !known(link.url))
        .map((link) => ({
          url: link.url,
          types: link.types,
          ...(tryRecognizeUrl(link.url)
            ? { provider: tryRecognizeUrl(link.url)!.entity.store }
            : {}),
        }));
      if (store.gtin) {
        comparison.barcode = {
          ...comparison.barcode,
          stores: store.gtin,
          // An invalid barcode on MusicBrainz agrees with no store's.
          ...(mbBarcode ? { agrees: Boolean(mb.gtin) && sameGtin(mbBarcode, store.gtin) } : {}),
        };
        if (noBarcode)
          comparison.messages.push({
            level: 'info',
            text: `MusicBrainz says this release has no barcode and the stores give ${store.gtin}: it is not offered as a change (a digital edition often has a barcode of its own).`,
          });
      }
      const ours = flat(mb);
      const theirs = flat(store);
      if (ours.length === theirs.length) {
        for (const [i, { track, medium, position }] of ours.entries()) {
          const isrc = theirs[i]!.track.isrc;
          if (!isrc) continue;
          const entry = { medium, position, title: track.title, isrc };
          // A recording may carry several ISRCs; the store's matching any of them agrees.
          if (!track.isrc) comparison.missingIsrcs.push(entry);
          else if (!(track.isrcs ?? [track.isrc]).includes(isrc))
            comparison.differentIsrcs.push({ ...entry, musicbrainz: track.isrc });
        }
      } else {
        comparison.messages.push({
          level: 'warning',
          text: `MusicBrainz has ${ours.length} tracks and the stores ${theirs.length}: ISRCs were not compared.`,
        });
      }
      comparison.coverArt = [...store.images].sort(
        (a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0),
      );
      // The missing links, and the barcode when MusicBrainz has none; nothing when it has it all.
      const editSeed = await deps.seeds.seed(lookup, {
        ...(base ? { base } : {}),
        existing: mbid,
        linkedUrls: mbLinks,
        // Any barcode MusicBrainz holds, valid or not, is the editor's to change, not ours.
        musicBrainz: { gtin: mbBarcode, noBarcode },
      });
      if (!seedAddsNothing(editSeed)) comparison.editSeed = editSeed;
      // Only what MusicBrainz lacks, at MusicBrainz's own places: the stores' tracklist may be
      // laid out on other media, and ISRCs MusicBrainz already has need no second submission.
      const magic = magicIsrcLink(
        comparison.missingIsrcs,
        mbid,
        `ISRCs from ${lookup.providers
          .filter((p) => p.url)
          .map((p) => p.displayName)
          .join(', ')}, found by Liner ${VERSION}`,
      );
      if (magic) comparison.magicIsrcUrl = magic;
      return comparison;
    },
  };
}

export type CompareService = ReturnType<typeof createCompareService>;
