/**
 * Turns declarations plus configuration into running provider clients: resolves endpoint
 * overrides, derives the host allow-list and rate limits, and disables providers whose
 * credentials are missing (one warning each, never a crash).
 */
import type { ProviderName, ProviderStatus } from '@liner/shared';
import type { Config, ProviderSettings } from '../config/schema.ts';
import type { HttpClient, LookupContext } from '../http/client.ts';
import type { RateLimit } from '../http/limits.ts';
import type { Logger } from '../log.ts';
import { PROVIDERS } from './registry.ts';
import type { ProviderClient, ProviderContext, ProviderDeclaration } from './types.ts';

/**
 * A provider's settings as used: the MusicBrainz provider talks to the configured MusicBrainz
 * server unless it has a base URL of its own.
 */
export function effectiveSettings(config: Config, name: ProviderName): ProviderSettings {
  const settings = config.providers[name];
  if (name === 'musicbrainz' && !settings.baseUrl)
    return { ...settings, baseUrl: config.musicbrainz.apiUrl };
  return settings;
}

/** A provider's cache lifetime: configured, else declared, else the general one. */
export function providerTtl(config: Config, declaration: ProviderDeclaration): number {
  return config.providers[declaration.name].ttl ?? declaration.cacheTtlMs ?? config.cache.ttl;
}

export function resolveEndpoints(
  declaration: ProviderDeclaration,
  settings: ProviderSettings,
): Record<string, string> {
  const endpoints: Record<string, string> = { ...declaration.endpoints, ...settings.endpoints };
  if (settings.baseUrl) endpoints.api = settings.baseUrl;
  return endpoints;
}

/** Host pattern an endpoint allows: its host (with a port if it names one), or "*.<domain>" for a "{sub}.<domain>" template. */
export function endpointHost(endpoint: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(endpoint)?.[1];
  if (!authority) throw new Error(`invalid endpoint URL "${endpoint}"`);
  if (authority.includes('{')) return `*.${authority.replace(/^\{[a-z]+\}\./i, '')}`.toLowerCase();
  const url = new URL(endpoint);
  return url.port ? url.host : url.hostname;
}

export function missingCredentials(
  declaration: ProviderDeclaration,
  settings: ProviderSettings,
): string[] {
  return declaration.requiredCredentials.filter((key) => !settings[key]);
}

/**
 * Each provider's state under this configuration. Under replay no credentials are needed:
 * nothing is sent, so a recorded corpus replays on a machine without store accounts.
 */
export function providerStatuses(config: Config, replaying = false): ProviderStatus[] {
  return [...PROVIDERS.values()].map((declaration) => {
    const settings = effectiveSettings(config, declaration.name);
    const missing = replaying ? [] : missingCredentials(declaration, settings);
    const reason = !settings.enabled
      ? 'disabled in the configuration'
      : missing.length
        ? `missing credentials: ${missing.map((k) => `providers.${declaration.name}.${k}`).join(', ')}`
        : undefined;
    const endpoints = resolveEndpoints(declaration, settings);
    return {
      name: declaration.name,
      displayName: declaration.displayName,
      enabled: reason === undefined,
      ...(reason ? { reason } : {}),
      category: declaration.category,
      gtinLookup: declaration.features.gtinLookup !== 'none',
      hosts: [...new Set(Object.values(endpoints).map(endpointHost))],
    };
  });
}

export interface NetworkPolicy {
  allowedHosts: Map<string, string[]>;
  rateLimits: RateLimit[];
}

/** The allow-list and rate limits for the HTTP client, from every registered provider. */
export function networkPolicy(config: Config): NetworkPolicy {
  const allowedHosts = new Map<string, string[]>();
  const rateLimits: RateLimit[] = [];
  for (const declaration of PROVIDERS.values()) {
    const endpoints = resolveEndpoints(declaration, effectiveSettings(config, declaration.name));
    allowedHosts.set(declaration.name, [...new Set(Object.values(endpoints).map(endpointHost))]);
    for (const limit of declaration.rateLimits) {
      const endpoint = endpoints[limit.endpoint];
      if (!endpoint) continue;
      rateLimits.push({
        host: endpointHost(endpoint),
        requests: limit.requests,
        perMs: limit.perMs,
        ...(limit.concurrency ? { concurrency: limit.concurrency } : {}),
      });
    }
  }
  return {
    allowedHosts: withMusicBrainz(allowedHosts, config),
    rateLimits: onePerHost(rateLimits),
  };
}

/**
 * One limit per host. Hosts are each store's own, except where several providers are pointed at
 * one host (stand-ins, a self-hosted proxy): there the most generous of their limits applies,
 * whatever the order of the providers, so that one store's scraper pace does not throttle the
 * others'.
 */
function onePerHost(limits: readonly RateLimit[]): RateLimit[] {
  const byHost = new Map<string, RateLimit>();
  const rate = (limit: RateLimit) => limit.requests / limit.perMs;
  for (const limit of limits) {
    const held = byHost.get(limit.host);
    if (!held || rate(limit) > rate(held)) byHost.set(limit.host, limit);
  }
  return [...byHost.values()];
}

function withMusicBrainz(
  allowedHosts: Map<string, string[]>,
  config: Config,
): Map<string, string[]> {
  // The MBID resolver talks to MusicBrainz whether or not the MusicBrainz provider runs.
  const musicbrainz = endpointHost(config.musicbrainz.apiUrl);
  allowedHosts.set('musicbrainz', [
    ...new Set([...(allowedHosts.get('musicbrainz') ?? []), musicbrainz]),
  ]);
  return allowedHosts;
}

export interface ProviderSet {
  /** The running providers' clients, for requests of no look-up (and what each can do). */
  clients: Map<ProviderName, ProviderClient>;
  /**
   * A running provider's client whose every request belongs to `lookup` (its deadline and its
   * collected responses); state kept across look-ups (an OAuth token) is shared with `clients`.
   */
  clientFor(name: ProviderName, lookup: LookupContext): ProviderClient | undefined;
  statuses: ProviderStatus[];
}

export function createProviderSet(
  config: Config,
  http: HttpClient,
  logger: Logger,
  now: () => Date,
): ProviderSet {
  const statuses = providerStatuses(config, http.replaying);
  const contexts = new Map<ProviderName, Omit<ProviderContext, 'http'>>();
  for (const status of statuses) {
    const declaration = PROVIDERS.get(status.name)!;
    if (!status.enabled) {
      if (config.providers[status.name].enabled)
        logger.warn(
          { provider: status.name },
          `${declaration.displayName} is disabled: ${status.reason}`,
        );
      continue;
    }
    const settings = effectiveSettings(config, status.name);
    contexts.set(status.name, {
      endpoints: resolveEndpoints(declaration, settings),
      settings,
      now,
      logger: logger.child({ provider: status.name }),
      session: new Map(),
    });
  }
  const create = (name: ProviderName, bound: HttpClient) => {
    const context = contexts.get(name);
    return context && PROVIDERS.get(name)!.create({ ...context, http: bound });
  };
  const clients = new Map([...contexts.keys()].map((name) => [name, create(name, http)!]));
  return {
    clients,
    clientFor: (name, lookup) => create(name, http.forLookup(lookup)),
    statuses,
  };
}
