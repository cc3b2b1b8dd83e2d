/**
 * The HTTP layer's contract: requests, responses, the per-look-up context, the transports the
 * layers pass a request down through, gates, events and the client's options.
 */
import type { Logger } from '../log.ts';
import type { BreakerRepository } from '../repositories/types.ts';

export interface HttpRequest {
  provider: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** 'json' parses and checks the body; 'text' returns it as is. */
  expect?: 'json' | 'text';
  /**
   * For scraped pages: turns the fetched HTML into the JSON that is kept, recorded and
   * replayed, so the HTML itself is never stored.
   */
  extract?: (html: string, url: string) => unknown;
  /**
   * Credential exchanges (OAuth token requests): never stored, recorded or logged with their
   * body. Under replay they are answered with a placeholder token, since nothing is sent.
   */
  secret?: boolean;
  /** Statuses that are answers rather than errors. */
  acceptStatus?: readonly number[];
  /**
   * For stores that say "slow down" inside a 200 answer (Deezer's quota error): how long to
   * wait before the next try, or undefined when the body is a real answer. Such answers are
   * retried like a 429 instead of failing the look-up.
   */
  throttled?: (body: string) => number | undefined;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  /** Parsed JSON (expect: 'json') or the extracted object (extract). */
  data: unknown;
  fetchedAt: Date;
  /** Row of the stored response, when responses are stored. */
  responseId?: number;
  replayed: boolean;
}

/**
 * What one look-up (one provider's part of it) gives each of its requests, passed in rather than
 * carried by the async context: the deadline that cancels its queued, running and retried
 * requests and its waits for a budget, and the collector of the stored responses it used.
 */
export interface LookupContext {
  readonly signal?: AbortSignal | undefined;
  /** Told the row of every response stored for this look-up. */
  noteResponse(id: number): void;
  /** Told of every request sent for this look-up (retries too): when it left and when it ended. */
  noteRequest(span: RequestSpan): void;
}

/** One request on the network, from being sent to its answer (or failure), in ms (performance.now). */
export interface RequestSpan {
  start: number;
  end: number;
  /**
   * When the look-up asked for what the request carried, where that was before it was sent: a
   * MusicBrainz request waits for its slot of the budget, which orders it after other requests
   * without making it depend on their answers (lookup-context.ts's longestChain).
   */
  asked?: number;
}

/** A request on its way down the layers, with the look-up it belongs to. */
export interface Exchange {
  request: HttpRequest;
  lookup: LookupContext;
  /** The request's host (from the allow-list check), for per-host limits and metrics. */
  host: string;
  /** Set by the gate layer: told about the answer before its body is read. */
  gate?: RequestGate | undefined;
}

/** An answer as a transport gives it, before JSON parsing and storage. */
export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** From a replay directory: nothing was sent. */
  replayed: boolean;
}

/** One way of getting an answer: live, replayed from files, or live and recorded to files. */
export type Transport = (exchange: Exchange) => Promise<Answer>;

export interface HttpClient {
  /** Sends `request` for `lookup` (default: a request of no look-up, with no deadline). */
  request(request: HttpRequest, lookup?: LookupContext): Promise<HttpResponse>;
  /** This client with every request sent for `lookup`: what a look-up's providers are given. */
  forLookup(lookup: LookupContext): HttpClient;
  /** Answers come from a replay directory: no request leaves the process. */
  readonly replaying: boolean;
  /** Host patterns the provider may fetch. */
  allowedHosts(provider: string): readonly string[];
}

export interface UpstreamEvent {
  provider: string;
  host: string;
  status: number | undefined;
  outcome: 'ok' | 'error';
  errorKind?: string;
  durationMs: number;
}

/**
 * A budget that must be passed before each request to a host: the deployment-wide MusicBrainz
 * budget is one, kept in the database so all instances share it.
 */
export interface RequestGate {
  /** The provider whose requests the gate guards (whatever host they go to). */
  provider: string;
  /** Resolves when the request may be sent. */
  acquire(): Promise<void>;
  /**
   * Told about every answer, so it can back off: MusicBrainz answers 503 when its budget is
   * exceeded, with Retry-After or X-RateLimit-Reset saying until when.
   */
  observe?(status: number, headers: Headers): void | Promise<void>;
}

export interface HttpClientOptions {
  gates?: readonly RequestGate[];
  /** Host patterns per provider; anything else is refused before a request is made. */
  allowedHosts: ReadonlyMap<string, readonly string[]>;
  rateLimits?: readonly RateLimit[];
  /** A budget shared with other instances on the same database, on top of `rateLimits`. */
  sharedLimits?: SharedLimits;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  maxRetryAfterMs: number;
  maxResponseBytes: number;
  /** First back-off delay; doubles per retry. */
  retryBaseMs?: number;
  /** Tries in a row without an answer after which a host is skipped (default 3). */
  breakerFailures?: number;
  /** How long a host's open breaker skips it before one probe (default 30 s). */
  breakerCoolDownMs?: number;
  /** The open breakers shared with other instances on the same database. */
  sharedBreakers?: Omit<SharedBreakers, 'probeWindowMs'>;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  /** Replay directories, searched in order. */
  replayDir?: string | readonly string[];
  recordDir?: string;
  /** Stores a response and returns its ID (the database record of what providers said). */
  store?: (response: {
    provider: string;
    url: string;
    status: number;
    contentType?: string;
    body: string;
    fetchedAt: Date;
  }) => Promise<number>;
  onEvent?: (event: UpstreamEvent) => void;
}

export interface RateLimit {
  /** Host pattern ("api.deezer.com", "*.bandcamp.com"). */
  host: string;
  requests: number;
  perMs: number;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
}

/**
 * Counts one request to `rule` in a budget all instances share; resolves to 0 when it may go,
 * else to how long until it may ask again.
 */
export type SharedBudget = (rule: RateLimit) => Promise<number>;

export interface SharedBreakers {
  store: BreakerRepository;
  /** How long a probe holds its claim (one try's time-out): a probe that dies frees it then. */
  probeWindowMs: number;
  /** Told when the database cannot be asked: the breaker then goes on what this process saw. */
  onError?: (error: unknown) => void;
}

export interface SharedLimits {
  take: SharedBudget;
  sleep?: (ms: number) => Promise<void>;
  /** Told when the shared budget cannot be asked (database down): requests then go on local limits. */
  onError?: (error: unknown) => void;
}
