/**
 * Seeds for the MusicBrainz release editor and the follow-up actions after an import, for a
 * stored look-up. What MusicBrainz already links (release and artist/label URLs) comes from the
 * MBID resolver's cache, so an edit seed carries only the links that are missing.
 */
import {
  type BuiltSeed,
  buildEditSeed,
  buildReleaseSeed,
  type EditSeedOptions,
  entityOfExternalId,
  type FollowUpActions,
  followUpActions,
  type LookupResult,
  musicBrainzFormsOfUrl,
  musicBrainzUrlForms,
  type Release,
  recordingEditNote,
  seedAddresses,
  storeTrackLinks,
  validateSeed,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import type { MbidResolver } from '../musicbrainz/resolver.ts';
import { VERSION } from '../version.ts';

export interface SeedRequest {
  /** Seed an edit of this existing MusicBrainz release instead of a new release. */
  existing?: string;
  /** The URLs the existing release already has, when known (else asked of MusicBrainz). */
  linkedUrls?: readonly string[];
  /** What the existing release holds, when read from MusicBrainz: a missing barcode is added. */
  musicBrainz?: EditSeedOptions['musicBrainz'];
  makeVotable?: boolean;
  /**
   * The address the client reached this server at ("http://192.168.1.5:5733"): what the seed
   * points back to when no server.publicUrl is set, as the extension does when it builds one.
   */
  base?: string;
}

function sourcePages(result: LookupResult): string[] {
  const pages = result.providers.flatMap((p) => (p.url && !p.error ? [p.url] : []));
  return pages.length ? pages : ['the stores'];
}

function releaseLinkForms(links: readonly { url: string }[]): string[] {
  return [...new Set(links.flatMap((link) => musicBrainzFormsOfUrl(link.url)))];
}

/**
 * The store pages whose MusicBrainz links the follow-ups need, each with the forms to ask: the
 * artists' and labels' pages, and the matched recordings' track pages (answered with the
 * recordings each is linked to, so a recording is offered only the links it lacks).
 */
function followUpPages(release: Release | undefined): Map<string, string[]> {
  const urls = new Map<string, string[]>();
  for (const entity of [...(release?.artists ?? []), ...(release?.labels ?? [])]) {
    for (const id of entity.externalIds) {
      if (id.type !== 'artist' && id.type !== 'label') continue;
      // Region and slug matter: a GB artist page is not the US one MusicBrainz may hold.
      const page = entityOfExternalId(id);
      if (!page) continue;
      const forms = musicBrainzUrlForms(page);
      urls.set(forms[0]!, forms);
    }
  }
  if (!release) return urls;
  const tracks = release.media.flatMap((medium) => medium.tracks);
  for (const [i, links] of storeTrackLinks(release).entries()) {
    if (!tracks[i]?.recordingMbid) continue;
    for (const link of links) urls.set(link.url, musicBrainzFormsOfUrl(link.url));
  }
  return urls;
}

/**
 * The after-import page is open to anyone who has a permalink: a reload, or a made-up
 * release_mbid, must not spend the deployment's MusicBrainz budget each time. The refresh asks
 * about the look-up's own links whatever the release, so one forced refresh per look-up in this
 * long; a bounded memory of them.
 */
export const FOLLOW_UP_REFRESH_MS = 10 * 60 * 1000;
const FOLLOW_UP_MEMORY = 1000;

export function createSeedService(deps: {
  config: Config;
  resolver: MbidResolver;
  baseUrl: () => string;
  now?: () => number;
}) {
  const { config, resolver } = deps;
  const now = deps.now ?? Date.now;
  const refreshed = new Map<string, number>();

  /** Whether this look-up's links may be asked of MusicBrainz again now; remembers that they were. */
  function mayRefresh(key: string): boolean {
    const last = refreshed.get(key);
    if (last !== undefined && now() - last < FOLLOW_UP_REFRESH_MS) return false;
    refreshed.delete(key);
    refreshed.set(key, now());
    // Oldest first in a Map: drop from the front.
    while (refreshed.size > FOLLOW_UP_MEMORY) refreshed.delete(refreshed.keys().next().value!);
    return true;
  }
  // A configured public address wins; else the one the client used, else the listening one.
  const baseFor = (asked?: string) => config.server.publicUrl ?? asked ?? deps.baseUrl();

  /** Store URLs of the release that MusicBrainz links to `mbid` (in any of their forms). */
  async function linkedTo(result: LookupResult, mbid: string): Promise<string[]> {
    const links = result.release?.externalLinks ?? [];
    const forms = new Map(
      links.map((link) => [link.url, musicBrainzFormsOfUrl(link.url)] as const),
    );
    const answers = await resolver.resolveUrls([...forms.values()].flat());
    return links
      .filter((link) =>
        forms
          .get(link.url)!
          .some((form) => (answers.get(form) ?? []).some((rel) => rel.mbid === mbid)),
      )
      .map((link) => link.url);
  }

  /** Where a recording's link edit says its links come from: the permalink, else the stores. */
  function recordingNote(result: LookupResult, base?: string): string {
    const { permalinkUrl } = seedAddresses(baseFor(base), result.id);
    return recordingEditNote(VERSION, permalinkUrl ?? sourcePages(result).join(', '));
  }

  return {
    recordingNote,
    async seed(result: LookupResult, request: SeedRequest = {}): Promise<BuiltSeed> {
      const options = {
        editorUrl: config.musicbrainz.editorUrl,
        // Voters read the edit note: only an address they can open is cited there (without one
        // the note still lists every source URL).
        ...seedAddresses(baseFor(request.base), result.id),
        version: VERSION,
        ...(request.makeVotable ? { makeVotable: true } : {}),
      };
      const seed = request.existing
        ? buildEditSeed(result, request.existing, {
            ...options,
            linkedUrls: request.linkedUrls ?? (await linkedTo(result, request.existing)),
            ...(request.musicBrainz ? { musicBrainz: request.musicBrainz } : {}),
          })
        : buildReleaseSeed(result, options);
      return {
        ...seed,
        problems: validateSeed(seed, {
          editorUrl: config.musicbrainz.editorUrl,
          serverUrl: options.serverUrl,
          ...(request.existing ? { existing: request.existing } : {}),
        }),
      };
    },

    /** Follow-up actions for a release imported (or updated) from this look-up. */
    async followUps(
      result: LookupResult,
      releaseMbid: string,
      base?: string,
    ): Promise<FollowUpActions> {
      const release = result.release;
      // The release was just saved with these links: unless the cache already knows, ask again
      // now, so badges and later look-ups say "in MusicBrainz" instead of inviting a second
      // import for the next hour. A reload of this page then costs no MusicBrainz request.
      const links = release?.externalLinks ?? [];
      const known = await linkedTo(result, releaseMbid).catch(() => []);
      if (known.length < links.length && mayRefresh(result.id))
        await resolver
          .resolveUrls(releaseLinkForms(links), { refresh: true })
          .catch(() => undefined);
      const urls = followUpPages(release);
      const answers = await resolver.resolveUrls([...urls.values()].flat()).catch(() => new Map());
      const linked = new Map<string, string[]>();
      for (const [url, forms] of urls) {
        for (const form of forms) {
          for (const rel of answers.get(form) ?? [])
            linked.set(rel.mbid, [...(linked.get(rel.mbid) ?? []), url]);
        }
      }
      const { permalinkUrl } = seedAddresses(baseFor(base), result.id);
      return followUpActions(result, releaseMbid, {
        editorUrl: config.musicbrainz.editorUrl,
        linked,
        // Artist, label and recording MBIDs never collide: one map serves all three.
        recordingLinked: linked,
        editNote: permalinkUrl
          ? `Links and ISRCs found by Liner ${VERSION}: ${permalinkUrl}`
          : `Links and ISRCs found by Liner ${VERSION} at ${sourcePages(result).join(', ')}`,
        recordingNote: recordingNote(result, base),
      });
    },
  };
}

export type SeedService = ReturnType<typeof createSeedService>;
