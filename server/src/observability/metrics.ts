/**
 * Prometheus metrics. One registry per app (tests run several apps in one process), fed by
 * the observer hooks the app exposes: upstream requests, look-ups, cache outcomes, the
 * MusicBrainz budget, HTTP requests and the database.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamEvent } from '../http/client.ts';

export interface Metrics {
  registry: Registry;
  upstream(event: UpstreamEvent): void;
  lookup(event: {
    outcome: 'merged' | 'empty';
    providers: number;
    cached: number;
    stored: boolean;
    cost?: { requests: number; musicbrainzRequests: number; chain: number } | undefined;
  }): void;
  providerResult(event: { provider: string; result: 'hit' | 'miss' | 'error' }): void;
  musicbrainzWait(ms: number): void;
  httpRequest(event: { route: string; method: string; status: number; seconds: number }): void;
  /** Sources read at scrape time. */
  watch(sources: {
    musicbrainzQueue: () => number;
    databaseUp: () => Promise<boolean>;
    poolSize: number;
    poolStats: () => Promise<{ active: number; idle: number } | undefined>;
  }): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false)
    collectDefaultMetrics({ register: registry, prefix: 'liner_' });
  const lookups = new Counter({
    name: 'liner_lookups_total',
    help: 'Look-ups by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const lookupCache = new Counter({
    name: 'liner_lookup_cache_total',
    help: 'Look-ups answered by an earlier identical look-up (hit) or made anew (miss)',
    labelNames: ['result'],
    registers: [registry],
  });
  const cache = new Counter({
    name: 'liner_provider_results_total',
    help: 'Provider results by source: hit (database), miss (asked the store), error',
    labelNames: ['provider', 'result'],
    registers: [registry],
  });
  const upstream = new Counter({
    name: 'liner_upstream_requests_total',
    help: 'Requests to stores and MusicBrainz by provider and status (error kind when no status)',
    labelNames: ['provider', 'status'],
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'liner_upstream_request_duration_seconds',
    help: 'Upstream request latency, retries and rate-limit waits included',
    labelNames: ['provider'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const lookupRequests = new Histogram({
    name: 'liner_lookup_upstream_requests',
    help: 'Requests one look-up sent upstream (stores, and MusicBrainz requests that carried its URLs)',
    labelNames: ['upstream'],
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
    registers: [registry],
  });
  const lookupChain = new Histogram({
    name: 'liner_lookup_chain_round_trips',
    help: 'The longest chain of upstream requests one look-up sent one after another',
    buckets: [0, 1, 2, 3, 4, 5, 6, 8, 10, 15],
    registers: [registry],
  });
  const mbWait = new Histogram({
    name: 'liner_musicbrainz_wait_seconds',
    help: 'Time MusicBrainz requests waited for their slot in the shared budget',
    buckets: [0, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const http = new Counter({
    name: 'liner_http_requests_total',
    help: 'API and page requests',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'liner_http_request_duration_seconds',
    help: 'Time to answer API and page requests',
    labelNames: ['route'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  return {
    registry,
    upstream(event) {
      upstream.inc({
        provider: event.provider,
        status: event.status ? String(event.status) : (event.errorKind ?? 'error'),
      });
      upstreamSeconds.observe({ provider: event.provider }, event.durationMs / 1000);
    },
    lookup(event) {
      lookups.inc({ outcome: event.outcome });
      lookupCache.inc({ result: event.stored ? 'hit' : 'miss' });
      if (event.cost) {
        lookupRequests.observe({ upstream: 'stores' }, event.cost.requests);
        lookupRequests.observe({ upstream: 'musicbrainz' }, event.cost.musicbrainzRequests);
        lookupChain.observe(event.cost.chain);
      }
    },
    providerResult: (event) => cache.inc(event),
    musicbrainzWait: (ms) => mbWait.observe(ms / 1000),
    httpRequest(event) {
      http.inc({ route: event.route, method: event.method, status: String(event.status) });
      httpSeconds.observe({ route: event.route }, event.seconds);
    },
    watch(sources) {
      new Gauge({
        name: 'liner_musicbrainz_queue_depth',
        help: 'MusicBrainz requests waiting for their slot in this process',
        registers: [registry],
        collect() {
          this.set(sources.musicbrainzQueue());
        },
      });
      new Gauge({
        name: 'liner_database_up',
        help: '1 when the database answers and is migrated',
        registers: [registry],
        async collect() {
          this.set((await sources.databaseUp()) ? 1 : 0);
        },
      });
      new Gauge({
        name: 'liner_database_pool_size',
        help: 'Database connections this process may open',
        registers: [registry],
        collect() {
          this.set(sources.poolSize);
        },
      });
      new Gauge({
        name: 'liner_database_connections',
        help: 'Database connections this process holds open, by state (PostgreSQL only)',
        labelNames: ['state'],
        registers: [registry],
        async collect() {
          const stats = await sources.poolStats();
          this.reset();
          if (!stats) return;
          this.set({ state: 'active' }, stats.active);
          this.set({ state: 'idle' }, stats.idle);
        },
      });
    },
  };
}
