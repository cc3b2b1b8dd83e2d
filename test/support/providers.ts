/**
 * Builds a provider client for tests: the real provider code and the real HTTP layer, answering
 * from a replay directory or from a stand-in fetch. Nothing here reaches the network.
 */
import { type ProviderName, releaseSchema } from '@liner/shared';
import { loadConfig } from '../../server/src/config/load.ts';
import type { Config } from '../../server/src/config/schema.ts';
import { createHttpClient, type HttpClientOptions } from '../../server/src/http/client.ts';
import { silentLogger } from '../../server/src/log.ts';
import { PROVIDERS } from '../../server/src/providers/registry.ts';
import { networkPolicy, resolveEndpoints } from '../../server/src/providers/setup.ts';
import type {
  ProviderClient,
  ProviderDeclaration,
  ProviderLookup,
} from '../../server/src/providers/types.ts';
import { seedProblems } from './seeds.ts';

export interface TestProviderOptions {
  replayDir?: string;
  fetch?: typeof fetch;
  env?: Record<string, string>;
  http?: Partial<HttpClientOptions>;
  now?: () => Date;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ env, cwd: '/nonexistent-liner-test-dir' }).config;
}

export function testProvider(
  nameOrDeclaration: ProviderName | ProviderDeclaration,
  options: TestProviderOptions = {},
): ProviderClient {
  const declaration =
    typeof nameOrDeclaration === 'string' ? PROVIDERS.get(nameOrDeclaration)! : nameOrDeclaration;
  const config = testConfig(options.env);
  const policy = networkPolicy(config);
  const settings = config.providers[declaration.name];
  const endpoints = resolveEndpoints(declaration, settings);
  policy.allowedHosts.set(declaration.name, policy.allowedHosts.get(declaration.name) ?? []);
  const http = createHttpClient({
    allowedHosts: policy.allowedHosts,
    rateLimits: [],
    userAgent: 'Liner-test/0 ( test )',
    timeoutMs: 2000,
    retries: 0,
    maxRetryAfterMs: 1000,
    maxResponseBytes: 5_000_000,
    retryBaseMs: 5,
    ...(options.replayDir ? { replayDir: options.replayDir } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...options.http,
  });
  return seedChecked(
    declaration.name,
    declaration.create({
      http,
      endpoints,
      settings,
      now: options.now ?? (() => new Date('2026-01-01T00:00:00Z')),
      logger: silentLogger(),
    }),
  );
}

/**
 * Every release a provider test gets back must also seed MusicBrainz's editor without a field
 * MusicBrainz would reject: so each hand-written fixture doubles as a seed test.
 */
function seedChecked(name: ProviderName, client: ProviderClient): ProviderClient {
  const check = (lookup: ProviderLookup): ProviderLookup => {
    const problems = seedProblems(name, releaseSchema.parse(lookup.release), lookup.url);
    if (problems.length)
      throw new Error(
        `the ${name} release ${lookup.url} makes a bad seed: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      );
    return lookup;
  };
  const lookupByGtin = client.lookupByGtin;
  return {
    ...(client.listArtistReleases ? { listArtistReleases: client.listArtistReleases } : {}),
    lookupById: async (entity, regions) => check(await client.lookupById(entity, regions)),
    ...(lookupByGtin
      ? { lookupByGtin: async (gtin, regions) => check(await lookupByGtin(gtin, regions)) }
      : {}),
  };
}
