/**
 * Wires the server's parts together from the configuration: database, repositories, the one
 * HTTP client, providers and services. Everything the API and the CLI use comes from here, and
 * every part can be injected (database, fetch, clock) so tests run the real wiring.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config/schema.ts';
import { type DatabaseHandle, openDatabase } from './db/connect.ts';
import {
  createHttpClient,
  type HttpClient,
  type RequestGate,
  type UpstreamEvent,
} from './http/client.ts';
import { sharedHostLimits } from './http/limits.ts';
import type { Logger } from './log.ts';
import {
  createMusicBrainzGate,
  MUSICBRAINZ_BUDGET,
  type MusicBrainzGate,
} from './musicbrainz/gate.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { createProviderSet, networkPolicy, type ProviderSet } from './providers/setup.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import { createServices, type ServiceDeps, type Services } from './services/index.ts';
import { type InstanceHeartbeat, instanceHeartbeat } from './services/instance.ts';
import { userAgent } from './version.ts';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** An open database; default: opened from the configuration. */
  database?: DatabaseHandle;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  replayDir?: string | readonly string[];
  recordDir?: string;
  /** Observers of upstream requests (metrics). */
  onUpstream?: (event: UpstreamEvent) => void;
  gates?: RequestGate[];
  /** Observers of look-ups (metrics). */
  onLookup?: ServiceDeps['onLookup'];
  /** Told how long each MusicBrainz request waited for its slot (metrics). */
  onMusicBrainzWait?: (ms: number) => void;
  /** Default: a new registry with process metrics. */
  metrics?: Metrics;
  /** This process's ID among the instances on the database (default: a new random one). */
  instanceId?: string;
  /**
   * Register the instance (free what a crashed process of its ID held, start the heartbeat)
   * as the app is made; a server does it once it listens (app.instance.join()).
   */
  joinNow?: boolean;
}

export interface App {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  repos: Repositories;
  http: HttpClient;
  providers: ProviderSet;
  services: Services;
  musicbrainzGate: MusicBrainzGate;
  metrics: Metrics;
  /** Where users reach this server; the listener sets it once it knows its port. */
  baseUrl: { get(): string; set(url: string): void };
  now: () => Date;
  instance: InstanceHeartbeat;
  close(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.database.url) {
    return openDatabase({
      kind: 'postgres',
      url: config.database.url,
      poolSize: config.database.poolSize,
    });
  }
  const { dataDir, embedded } = config.database;
  // A directory PGlite made (its cluster files at the top) stays PGlite's: its cache and
  // permalinks are not left behind by the change of the default.
  if (embedded === 'pglite' || existsSync(join(dataDir, 'PG_VERSION')))
    return openDatabase({ kind: 'pglite', dataDir });
  return openDatabase({ kind: 'embedded', dataDir, poolSize: config.database.poolSize });
}

async function joinOrClose(instance: InstanceHeartbeat, database: DatabaseHandle, owned: boolean) {
  try {
    await instance.join();
  } catch (error) {
    if (owned) await database.close();
    throw error;
  }
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const database = options.database ?? (await openConfiguredDatabase(config));
  try {
    await database.migrate();
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  // Three missed beats and an instance's leases are another's to take.
  const repos = createRepositories(database.db, now, {
    holderStaleMs: 3 * config.server.heartbeat,
  });
  const instance = instanceHeartbeat(
    repos.instances,
    options.instanceId ?? randomUUID(),
    config.server.heartbeat,
    logger,
  );
  const metrics = options.metrics ?? createMetrics();
  const policy = networkPolicy(config);
  const musicbrainzGate = createMusicBrainzGate({
    intervalMs: config.musicbrainz.requestInterval,
    budgets: repos.rateBudgets,
    onWait: (ms) => {
      metrics.musicbrainzWait(ms);
      options.onMusicBrainzWait?.(ms);
    },
  });
  const http = createHttpClient({
    allowedHosts: policy.allowedHosts,
    rateLimits: policy.rateLimits,
    // Instances share only a PostgreSQL database; a PGlite directory has one server by its lock.
    ...(database.kind !== 'pglite' && !options.replayDir
      ? {
          sharedLimits: sharedHostLimits(repos.rateBudgets, (message) => logger.warn(message)),
          sharedBreakers: {
            store: repos.breakers,
            onError: (error: unknown) =>
              logger.warn(
                { err: error },
                'the shared circuit breakers could not be read or written; this instance goes on its own',
              ),
          },
        }
      : {}),
    // Under replay nothing reaches MusicBrainz, so nothing needs to wait for its budget.
    gates: [...(options.replayDir ? [] : [musicbrainzGate]), ...(options.gates ?? [])],
    userAgent: userAgent(config.http.contact),
    timeoutMs: config.http.timeout,
    retries: config.http.retries,
    breakerFailures: config.http.breakerFailures,
    breakerCoolDownMs: config.http.breakerCoolDown,
    maxRetryAfterMs: config.http.maxRetryAfter,
    maxResponseBytes: config.http.maxResponseBytes,
    logger,
    now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.replayDir ? { replayDir: options.replayDir } : {}),
    ...(options.recordDir ? { recordDir: options.recordDir } : {}),
    onEvent: (event) => {
      metrics.upstream(event);
      options.onUpstream?.(event);
    },
    store: async (response) => (await repos.responses.record(response)).id,
  });
  const providers = createProviderSet(config, http, logger, now);
  let base = config.server.publicUrl ?? `http://${config.server.host}:${config.server.port}`;
  const baseUrl = {
    get: () => base,
    set: (url: string) => {
      if (!config.server.publicUrl) base = url;
    },
  };
  const services = createServices({
    baseUrl: baseUrl.get,
    instanceId: instance.id,
    config,
    repos,
    http,
    providers,
    logger,
    now,
    onLookup: (event) => {
      metrics.lookup(event);
      options.onLookup?.(event);
    },
    onProviderResult: metrics.providerResult,
    // Under replay nothing is sent to MusicBrainz, so no batch waits for its budget. A request
    // of this process already waiting at the gate has the next slot: a batch of the other queue
    // (URLs, ISRCs) made up now would wait behind it and miss what is queued meanwhile.
    ...(options.replayDir
      ? {}
      : {
          musicbrainzUntilFree: async () =>
            musicbrainzGate.waiting() > 0
              ? config.musicbrainz.requestInterval
              : repos.rateBudgets.nextFree(MUSICBRAINZ_BUDGET),
        }),
  });
  metrics.watch({
    musicbrainzQueue: musicbrainzGate.waiting,
    databaseUp: async () => (await database.readiness()).ready,
    poolSize: database.kind !== 'pglite' ? config.database.poolSize : 1,
    poolStats: () => database.poolStats(),
  });
  if (options.joinNow !== false) await joinOrClose(instance, database, !options.database);
  return {
    config,
    logger,
    database,
    repos,
    http,
    providers,
    services,
    musicbrainzGate,
    metrics,
    baseUrl,
    now,
    instance,
    async close() {
      await instance.leave();
      if (!options.database) await database.close();
    },
  };
}
