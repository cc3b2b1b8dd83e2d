/**
 * The configuration schema: the single source for validation, defaults and the generated
 * configuration reference (docs/configuration.md). Every setting carries a description.
 */
import {
  CHROME_EXTENSION_ORIGIN,
  MERGED_FIELDS,
  PROVIDER_NAMES,
  providerNameSchema,
} from '@liner/shared';
import { z } from 'zod';
import { boolean, duration, httpUrl, integer, list, mapping, region } from './values.ts';

const MERGE_FIELDS: readonly string[] = MERGED_FIELDS;

/**
 * A merged field's name. The environment's nested form lowercases it
 * (LINER_MERGE__PREFERENCES__RELEASEDATE), so case is not held against it.
 */
const mergeFieldSchema = z
  .string()
  .transform(
    (name) => MERGE_FIELDS.find((field) => field.toLowerCase() === name.toLowerCase()) ?? name,
  )
  .refine((name) => MERGE_FIELDS.includes(name), {
    error: (issue) => `"${String(issue.input)}" is not a merged field (${MERGE_FIELDS.join(', ')})`,
  });

export const DEFAULT_PORT = 5733;

const providerSettings = z
  .object({
    enabled: boolean().default(true).describe('Ask this provider during look-ups.'),
    baseUrl: httpUrl()
      .optional()
      .describe('Base URL of the provider API, e.g. a local stand-in for tests.'),
    endpoints: z
      .record(z.string(), httpUrl())
      .default({})
      .describe(
        'Other named endpoints (auth, pages) to override, by the names the provider declares.',
      ),
    clientId: z.string().optional().describe('OAuth client ID (Spotify, Tidal).'),
    clientSecret: z.string().optional().describe('OAuth client secret (Spotify, Tidal).'),
    token: z.string().optional().describe('Personal access token (Discogs).'),
    appId: z
      .string()
      .optional()
      .describe(
        'Application ID sent with API requests (Qobuz: required; without it Qobuz is disabled).',
      ),
    ttl: duration()
      .optional()
      .describe(
        "Cache lifetime of this provider's results; default the provider's own (MusicBrainz 10m), else cache.ttl.",
      ),
  })
  .strict();
export type ProviderSettings = z.output<typeof providerSettings>;

const providersShape = Object.fromEntries(
  PROVIDER_NAMES.map((name) => [name, providerSettings.prefault({})]),
) as Record<(typeof PROVIDER_NAMES)[number], z.ZodPrefault<typeof providerSettings>>;

export const configSchema = z
  .object({
    server: z
      .object({
        host: z.string().trim().min(1).default('127.0.0.1').describe('Address to listen on.'),
        port: integer(0, 65535).default(DEFAULT_PORT).describe('TCP port to listen on.'),
        publicUrl: httpUrl()
          .optional()
          .describe(
            'URL users reach this server at; used in edit notes and redirects. Default http://<host>:<port>.',
          ),
        apiToken: z
          .string()
          .min(16, { error: 'a token of at least 16 characters' })
          .optional()
          .describe('Bearer token required on /trpc (at least 16 characters).'),
        apiTokens: mapping(
          z.string(),
          z.string().min(16, { error: 'a token of at least 16 characters' }),
        )
          .default({})
          .describe(
            'Further named bearer tokens (name: token); from the environment "{laptop: <token>, phone: <token>}" or "laptop=<token>,phone=<token>".',
          ),
        allowRemote: boolean()
          .default(false)
          .describe('Allow listening on a non-loopback address without an API token.'),
        allowedHosts: list(z.string().trim().toLowerCase())
          .default([])
          .describe(
            'Host names a server without a token answers to, besides loopback names and the host of publicUrl (DNS-rebinding protection).',
          ),
        // Chrome's ID is pinned by the key in the extension's manifest; Firefox gives every
        // install its own random UUID, so its origins can only be allowed as a whole.
        corsOrigins: list(z.string())
          .default([CHROME_EXTENSION_ORIGIN, 'moz-extension://*'])
          .describe(
            "Origins allowed to call the API from a browser: by default Liner's Chrome extension (its ID is pinned by the key in its manifest) and any Firefox extension (Firefox gives each install a random UUID).",
          ),
        maxBodyBytes: integer(1024, 10_000_000).default(262_144).describe('Largest request body.'),
        clientRequestsPerMinute: integer(1, 100_000_000)
          .default(600)
          .describe('Per-client API request limit; above it the server answers 429.'),
        instanceId: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe(
            "This server's name among the instances on its database: a restarted server of the same name frees the fetch leases its crashed predecessor held. Default <host name>/<address>:<port> (two servers cannot listen on the same one at once), or a random one on port 0.",
          ),
        heartbeat: duration()
          .prefault('2s')
          .describe(
            'How often each instance says it is alive; after three missed beats (a crash) its fetch leases and MusicBrainz batches are taken over at once, not when lookup.fetchLease runs out.',
          ),
        shutdownTimeout: duration()
          .prefault('10s')
          .describe('How long to finish in-flight requests on SIGTERM.'),
      })
      .strict()
      .prefault({}),
    database: z
      .object({
        url: z
          .string()
          .regex(/^postgres(ql)?:\/\//, { error: 'a postgres:// URL' })
          .optional()
          .describe('PostgreSQL URL; when unset Liner runs its embedded database in dataDir.'),
        dataDir: z
          .string()
          .min(1)
          .default('data')
          .describe('Embedded database directory (relative to the config file).'),
        embedded: z
          .enum(['postgres', 'pglite'])
          .default('postgres')
          .describe(
            'The embedded database: a PostgreSQL server the npm package ships, run on a socket in dataDir and shared by the CLI, or PGlite in the process (a directory PGlite made stays PGlite).',
          ),
        poolSize: integer(1, 100).default(10).describe('PostgreSQL connections per process.'),
      })
      .strict()
      .prefault({}),
    cache: z
      .object({
        ttl: duration()
          .prefault('24h')
          .describe('How long a provider result is served from the database.'),
        mbidTtl: duration()
          .prefault('7d')
          .describe('How long a found MusicBrainz URL mapping is kept.'),
        mbidNotFoundTtl: duration()
          .prefault('1h')
          .describe('How long "not in MusicBrainz" is kept.'),
        notFoundTtl: duration()
          .prefault('1h')
          .describe('How long a store\'s "no such release" is kept.'),
        errorTtl: duration()
          .prefault('1m')
          .describe(
            'How long a failed provider request (time-out, 5xx) is answered from the cache, counted from when it failed.',
          ),
      })
      .strict()
      .prefault({}),
    musicbrainz: z
      .object({
        apiUrl: httpUrl()
          .default('https://musicbrainz.org')
          .describe('MusicBrainz web service base (ws/2 is appended).'),
        editorUrl: httpUrl()
          .default('https://musicbrainz.org')
          .describe('MusicBrainz site the seeds post to (musicbrainz.org, beta or test).'),
        requestInterval: duration()
          // MusicBrainz allows 1 a second; the 100 ms over it absorb the way there's jitter.
          .prefault('1100ms')
          .describe(
            'Minimum gap between MusicBrainz requests, shared by all instances, from the moment each is sent.',
          ),
        // The helper, not z.boolean(): LINER_MUSICBRAINZ_MATCH_RECORDINGS=false is a string.
        matchRecordings: boolean()
          .default(true)
          .describe(
            "Find the MusicBrainz recordings of a new release's ISRCs (one search request per 50 ISRCs) and seed those whose length and title fit, and their release group; when none fits, the resolved artist's release group of the same title and credit (one browse request per artist).",
          ),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        timeout: duration().prefault('15s').describe('Time-out of every upstream request.'),
        retries: integer(0, 10).default(3).describe('Retries for 5xx, 429 and network errors.'),
        maxRetryAfter: duration()
          .prefault('30s')
          .describe('Longest Retry-After honoured before giving up.'),
        contact: z
          .string()
          .min(3)
          .default('https://github.com/liner-mb/liner')
          .describe('Contact (URL or e-mail) sent in the User-Agent, as MusicBrainz asks.'),
        breakerFailures: integer(1, 100)
          .default(3)
          .describe(
            "Tries in a row to a host that get no answer (time-outs, cut connections) before the host's circuit breaker opens and look-ups skip it, saying so.",
          ),
        breakerCoolDown: duration()
          .prefault('30s')
          .describe(
            'How long an open circuit breaker skips its host; then one request tries it, and its answer closes the breaker.',
          ),
        maxResponseBytes: integer(1024, 100_000_000)
          .default(20_000_000)
          .describe('Largest upstream body accepted.'),
      })
      .strict()
      .prefault({}),
    lookup: z
      .object({
        regions: list(region())
          // Regional stores (Apple, Tidal) need a storefront to ask in.
          .refine((regions) => regions.length > 0, 'at least one region')
          .default(['GB', 'US', 'DE', 'JP'])
          .describe('Preferred storefront regions, in order.'),
        providers: list(providerNameSchema)
          .optional()
          .describe(
            'Providers that search a barcode; a store URL is always looked up at its own store. Unset: the enabled stores that declare it by default (Deezer, Apple, and Spotify and Tidal when configured); Beatport, Qobuz, Discogs and MusicBrainz only when listed.',
          ),
        fetchLease: duration()
          .prefault('2m')
          .describe(
            'How long one instance may take to fetch a provider result before another takes over.',
          ),
        providerTimeout: duration()
          .prefault('60s')
          .describe(
            "Longest one provider's part of a look-up may take, all its requests, retries and waits together; what is unfinished then is cancelled. Shorter than fetchLease.",
          ),
        deadline: duration()
          .prefault('30s')
          .describe(
            'Longest a whole look-up may take, from the arrival of its request to its answer: then it answers with what has arrived and a message for each provider still being asked (and for MusicBrainz IDs still queued behind its rate limit); those go on filling the cache for the next look-up.',
          ),
        maxUrls: integer(1, 100).default(10).describe('Most store URLs in one look-up.'),
      })
      .strict()
      // A fetch that outlives its lease is repeated by another instance while it still runs.
      .refine((lookup) => lookup.providerTimeout < lookup.fetchLease, {
        message: 'must be shorter than lookup.fetchLease',
        path: ['providerTimeout'],
      })
      .prefault({}),
    merge: z
      .object({
        preferences: mapping(mergeFieldSchema, list(providerNameSchema))
          .default({})
          .describe(
            `Per-field provider order, e.g. "{releaseDate: [discogs, deezer]}"; overrides the declared qualities. Fields: ${MERGE_FIELDS.join(', ')}.`,
          ),
      })
      .strict()
      .prefault({}),
    providers: z.object(providersShape).strict().prefault({}),
    log: z
      .object({
        level: z
          .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
          .default('info')
          .describe('Least severe log level written.'),
        format: z
          .enum(['auto', 'json', 'pretty'])
          .default('auto')
          .describe('auto: pretty in a terminal, JSON otherwise.'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
