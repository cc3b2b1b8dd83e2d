/**
 * An artist's discography at a store, each release with its state in MusicBrainz: the store's
 * listing (every page), then the release URLs and the artist page's URL through the MBID
 * resolver (the shared queue: 100 URLs a request, in the 1 request/second budget, answers
 * cached like the badges'), then, when MusicBrainz knows the artist, one browse of its release
 * groups to tell "MusicBrainz has this release group, not this store's release". So a listing
 * costs at most ceil(URLs / 100) + 1 MusicBrainz requests, the artist page's URL counted.
 */
import {
  canonicalUrl,
  type Discography,
  type DiscographyInput,
  type DiscographyProgress,
  discographyInputSchema,
  type ListedRelease,
  recognizeUrlOfType,
  storeByName,
  UrlProblem,
} from '@liner/shared';
import type { Config } from '../config/schema.ts';
import type { HttpClient } from '../http/client.ts';
import { thrownInWords } from '../http/failure.ts';
import type { MbidResolver, UrlAnswers } from '../musicbrainz/resolver.ts';
import type { ProviderSet } from '../providers/setup.ts';
import type { ListedAtStore, ListingOptions } from '../providers/types.ts';
import { type ArtistGroups, artistReleaseGroups, titleKey } from './release-groups.ts';

export interface DiscographyDeps {
  config: Config;
  providers: Pick<ProviderSet, 'clients'>;
  resolver: MbidResolver;
  http: HttpClient;
}

/** The one MusicBrainz artist the page's URL is linked to, if exactly one. */
function artistOf(answers: UrlAnswers, url: string): string | undefined {
  const artists = new Set(
    (answers.get(url) ?? []).filter((r) => r.targetType === 'artist').map((r) => r.mbid),
  );
  return artists.size === 1 ? [...artists][0] : undefined;
}

function stateOf(
  item: ListedAtStore,
  answers: UrlAnswers | undefined,
  groups: ArtistGroups,
): ListedRelease {
  const row = { ...item, mbids: [] as string[] };
  if (!answers) return { ...row, state: 'unknown' };
  const relations = answers.get(item.url) ?? [];
  for (const target of ['release', 'release-group'] as const) {
    const linked = relations.filter((r) => r.targetType === target);
    if (!linked.length) continue;
    const title = linked.find((r) => r.title)?.title;
    return {
      ...row,
      state: target === 'release' ? 'linked' : 'release-group',
      mbids: [...new Set(linked.map((r) => r.mbid))],
      ...(title ? { musicbrainzTitle: title } : {}),
    };
  }
  const group = groups.byTitle.get(titleKey(item.title));
  if (group)
    return { ...row, state: 'release-group', mbids: [group.id], musicbrainzTitle: group.title };
  return { ...row, state: 'missing' };
}

/** Listings under way (and just done), by the caller's progress ID; a few minutes each. */
const PROGRESS_KEPT_MS = 5 * 60_000;
const MAX_PROGRESS = 1000;

export function createDiscographyService(deps: DiscographyDeps) {
  const progress = new Map<string, DiscographyProgress & { at: number }>();
  const report = (id: string | undefined, state: DiscographyProgress) => {
    if (!id) return;
    const now = Date.now();
    for (const [key, entry] of progress)
      if (now - entry.at > PROGRESS_KEPT_MS || progress.size > MAX_PROGRESS) progress.delete(key);
    progress.set(id, { ...state, at: now });
  };

  async function listing(url: string, onPage: ListingOptions['onPage']) {
    const { entity } = recognizeUrlOfType(url, ['artist']);
    const store = storeByName(entity.store);
    const client = deps.providers.clients.get(entity.store);
    if (!client?.listArtistReleases)
      throw new UrlProblem(
        'unsupported-page',
        url,
        client
          ? `Liner cannot list ${store.displayName} artists' releases`
          : `${store.displayName} is not enabled on this server`,
      );
    const regions = entity.region ? [entity.region] : [...deps.config.lookup.regions];
    const found = await client.listArtistReleases(entity, {
      regions,
      ...(onPage ? { onPage } : {}),
    });
    return { entity, found, artistUrl: canonicalUrl(entity) };
  }

  return {
    /** How far the listing with this progress ID is, while it runs and shortly after. */
    progress(id: string): DiscographyProgress | null {
      const entry = progress.get(id);
      if (!entry) return null;
      const { at: _at, ...state } = entry;
      return state;
    },
    async artist(raw: DiscographyInput): Promise<Discography> {
      const input = discographyInputSchema.parse(raw);
      const id = input.progressId;
      report(id, { phase: 'store', pages: 0, releases: 0 });
      const { entity, found, artistUrl } = await listing(input.url, (done) =>
        report(id, { phase: 'store', ...done }),
      );
      report(id, { phase: 'musicbrainz', pages: found.pages, releases: found.releases.length });
      const messages = [...found.messages];
      let requests = 0;
      let answers: UrlAnswers | undefined;
      try {
        answers = await deps.resolver.resolveUrls(
          [artistUrl, ...found.releases.map((r) => r.url)],
          { refresh: input.refresh, onRequest: () => requests++ },
        );
      } catch (error) {
        const why = thrownInWords(error, 'musicbrainz').message;
        messages.push({
          level: 'warning',
          provider: 'musicbrainz',
          text: `MusicBrainz could not be asked: ${why}.`,
        });
      }
      const mbid = answers && artistOf(answers, artistUrl);
      const groups: ArtistGroups = mbid
        ? await artistReleaseGroups(deps, mbid, () => requests++)
        : { byTitle: new Map(), messages: [] };
      messages.push(...groups.messages);
      report(id, { phase: 'done', pages: found.pages, releases: found.releases.length });
      return {
        store: entity.store,
        artist: {
          url: artistUrl,
          ...(found.name ? { name: found.name } : {}),
          ...(mbid ? { mbid } : {}),
        },
        releases: found.releases.map((item) => stateOf(item, answers, groups)),
        pages: found.pages,
        musicbrainzRequests: requests,
        messages,
      };
    },
  };
}

export type DiscographyService = ReturnType<typeof createDiscographyService>;
