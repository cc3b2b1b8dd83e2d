/** Builds the services from the app's parts; the API routers and the CLI call these. */

import type { ProviderName } from '@liner/shared';
import type { Config } from '../config/schema.ts';
import type { HttpClient } from '../http/client.ts';
import type { Logger } from '../log.ts';
import { createArtistGroupFinder } from '../musicbrainz/artist-groups.ts';
import { createRecordingSearchClient } from '../musicbrainz/recording-search.ts';
import { createRecordingFinder } from '../musicbrainz/recordings.ts';
import { createMbidResolver, type MbidResolver } from '../musicbrainz/resolver.ts';
import { createUrlLookupClient } from '../musicbrainz/url-lookup.ts';
import { PROVIDERS } from '../providers/registry.ts';
import type { ProviderSet } from '../providers/setup.ts';
import type { Repositories } from '../repositories/types.ts';
import { type CompareService, createCompareService } from './compare.ts';
import { createDiscographyService, type DiscographyService } from './discography.ts';
import { createLookupService, type LookupService, type LookupServiceOptions } from './lookup.ts';
import { createProviderFetcher, type ProviderFetcherOptions } from './provider-fetch.ts';
import { createSeedService, type SeedService } from './seeds.ts';
import { createUrlCheckService, type UrlCheckService } from './url-check.ts';

export interface Services {
  lookup: LookupService;
  urlCheck: UrlCheckService;
  resolver: MbidResolver;
  seeds: SeedService;
  compare: CompareService;
  discography: DiscographyService;
}

export interface ServiceDeps {
  config: Config;
  repos: Repositories;
  http: HttpClient;
  providers: ProviderSet;
  logger: Logger;
  now: () => Date;
  onLookup?: LookupServiceOptions['onLookup'];
  onProviderResult?: ProviderFetcherOptions['onResult'];
  /** How long until the MusicBrainz budget lets a request go (the gate's nextFree). */
  musicbrainzUntilFree?: () => Promise<number>;
  /** Where users reach this server (for permalinks in edit notes and redirects). */
  baseUrl: () => string;
  /** This instance's ID in fetch leases and MusicBrainz batch claims. */
  instanceId?: string;
}

/** How long until MusicBrainz's budget frees, and how many URLs and ISRCs wait in the queues. */
function musicbrainzQueue(deps: ServiceDeps) {
  return async () => ({
    untilFreeMs: (await deps.musicbrainzUntilFree?.()) ?? 0,
    queuedUrls: await deps.repos.mbUrlQueue.pending(),
    queuedIsrcs: await deps.repos.mbIsrcQueue.pending(),
  });
}

export function createServices(deps: ServiceDeps): Services {
  const { config, repos, providers, logger, now } = deps;
  const fetcher = createProviderFetcher({
    ...(deps.onProviderResult ? { onResult: deps.onProviderResult } : {}),
    config,
    repos,
    providers,
    declarations: PROVIDERS,
    logger,
    now,
    ...(deps.instanceId ? { owner: deps.instanceId } : {}),
  });
  // What the URL and the ISRC queue share: the cache lifetimes, this instance's claims, and
  // the budget they wait for.
  const queueing = {
    now,
    ttlMs: config.cache.mbidTtl,
    notFoundTtlMs: config.cache.mbidNotFoundTtl,
    ...(deps.instanceId ? { owner: deps.instanceId } : {}),
    ...(deps.musicbrainzUntilFree
      ? // Under load a batch may gather for two more intervals: requests then carry more keys.
        { untilFree: deps.musicbrainzUntilFree, gatherMs: 2 * config.musicbrainz.requestInterval }
      : {}),
  };
  const resolver = createMbidResolver({
    ...queueing,
    repository: repos.mbUrls,
    queue: repos.mbUrlQueue,
    client: createUrlLookupClient(deps.http, config.musicbrainz.apiUrl),
  });
  const disabled = new Map<ProviderName, string>(
    providers.statuses.filter((s) => !s.enabled).map((s) => [s.name, s.reason ?? 'disabled']),
  );
  const recordings = config.musicbrainz.matchRecordings
    ? createRecordingFinder({
        ...queueing,
        repository: repos.mbIsrcs,
        queue: repos.mbIsrcQueue,
        client: createRecordingSearchClient(deps.http, config.musicbrainz.apiUrl),
      })
    : undefined;
  const artistGroups = config.musicbrainz.matchRecordings
    ? createArtistGroupFinder({
        http: deps.http,
        apiUrl: config.musicbrainz.apiUrl,
        ttlMs: config.cache.mbidTtl,
        now: () => now().getTime(),
      })
    : undefined;
  const lookup = createLookupService({
    config,
    repos,
    fetcher,
    resolver,
    ...(recordings ? { recordings, artistGroups } : {}),
    declarations: PROVIDERS,
    logger,
    now,
    plan: {
      clients: providers.clients,
      declarations: PROVIDERS,
      disabled,
      defaultRegions: config.lookup.regions,
      defaultProviders: config.lookup.providers,
    },
    ...(deps.onLookup ? { onLookup: deps.onLookup } : {}),
    musicbrainzQueue: musicbrainzQueue(deps),
  });
  const seeds = createSeedService({ config, resolver, baseUrl: deps.baseUrl });
  const compare = createCompareService({ config, fetcher, lookup, seeds });
  const discography = createDiscographyService({ config, providers, resolver, http: deps.http });
  return {
    lookup,
    urlCheck: createUrlCheckService(resolver),
    resolver,
    seeds,
    compare,
    discography,
  };
}
