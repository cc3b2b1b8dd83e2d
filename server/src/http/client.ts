/**
 * The one HTTP layer every provider uses. It alone knows about the host allow-list, rate limits,
 * time-outs, retries, size limits, recording responses to the database, and record/replay.
 * Providers get it injected, so tests replace the network, never a provider's internals.
 */
import { hostMatches } from '@liner/shared';
import pRetry, { AbortError } from 'p-retry';
import { redactUrl, silentLogger } from '../log.ts';
import { sleep as defaultSleep, sleepUnless } from '../util/deadline.ts';
import { parseJsonBody, parseRetryAfter, readBody } from './body.ts';
import {
  BadBodyError,
  HostNotAllowedError,
  HttpStatusError,
  TimeoutError,
  toUpstreamError,
  UpstreamError,
} from './errors.ts';
import { HostLimiter } from './limits.ts';
import { isDefiniteRefusal, recordResponse, replayResponse } from './replay.ts';
import { noteResponse, taskSignal } from './trace.ts';
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './types.ts';

export type * from './types.ts';

/** What a replayed credential exchange answers: a token that is only ever sent to replay. */
export const REPLAY_TOKEN = JSON.stringify({
  access_token: 'replayed-token',
  token_type: 'Bearer',
  expires_in: 3600,
});

const RETRYABLE_KINDS = new Set(['timeout', 'network', 'rate-limited']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

function accepts(request: HttpRequest, status: number): boolean {
  return (status >= 200 && status < 300) || (request.acceptStatus ?? []).includes(status);
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())),
  );
}

/** A request whose provider look-up ran out of time (lookup.providerTimeout). */
function cancelled(request: HttpRequest): UpstreamError {
  return new UpstreamError(
    'timeout',
    request.provider,
    request.url,
    `${request.provider}: cancelled, the look-up's time for this provider was up`,
  );
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return true;
  if (error.kind === 'status') return (error.status ?? 0) >= 500;
  return RETRYABLE_KINDS.has(error.kind);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const logger = options.logger ?? silentLogger();
  const limiter = new HostLimiter(options.rateLimits ?? [], options.sharedLimits);

  function checkAllowed(provider: string, url: string): URL {
    const allowed = options.allowedHosts.get(provider) ?? [];
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new HostNotAllowedError(provider, url, allowed);
    }
    const ok =
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      allowed.some((pattern) =>
        pattern.includes(':') ? pattern === parsed.host : hostMatches(pattern, parsed.hostname),
      );
    if (!ok) throw new HostNotAllowedError(provider, url, allowed);
    return parsed;
  }

  /**
   * Fetches one hop at a time so that every redirect target passes the allow-list before it is
   * asked: with automatic redirects the foreign host would already have had the request.
   */
  async function fetchFollowing(request: HttpRequest, signal: AbortSignal): Promise<Response> {
    let url = request.url;
    let method = request.method ?? 'GET';
    let body = request.body;
    let headers: Record<string, string> = { 'user-agent': options.userAgent, ...request.headers };
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw new BadBodyError(
          request.provider,
          request.url,
          `more than ${MAX_REDIRECTS} redirects`,
        );
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new BadBodyError(request.provider, request.url, `a redirect to "${location}"`);
      }
      const previous = new URL(url);
      if (previous.protocol === 'https:' && next.protocol !== 'https:')
        throw new BadBodyError(
          request.provider,
          request.url,
          `a redirect from https to ${next.protocol.slice(0, -1)}`,
        );
      checkAllowed(request.provider, next.href);
      // As browsers do: credentials go to the origin they were meant for, not where it points.
      if (next.origin !== previous.origin) headers = withoutCredentials(headers);
      url = next.href;
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  /** A fetch or body read that threw: cancelled by its look-up's deadline, timed out, or failed. */
  function failed(
    request: HttpRequest,
    error: unknown,
    signal: AbortSignal,
    deadline: AbortSignal | undefined,
  ): UpstreamError {
    if (deadline?.aborted) return cancelled(request);
    if (signal.aborted) return new TimeoutError(request.provider, request.url, options.timeoutMs);
    return toUpstreamError(error, request.provider, request.url);
  }

  async function attempt(request: HttpRequest, host: string) {
    // The time-out starts when the request is sent, not while it waits for its host's budget.
    const deadline = taskSignal();
    return limiter.run(
      host,
      async () => {
        // Its look-up gave up while this request queued for a budget: nothing is sent.
        if (deadline?.aborted) throw cancelled(request);
        const gate = options.gates?.find((g) => g.provider === request.provider);
        if (gate) await gate.acquire();
        if (deadline?.aborted) throw cancelled(request);
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
        let response: Response;
        try {
          response = await fetchFollowing(request, signal);
        } catch (error) {
          if (error instanceof UpstreamError) throw error;
          throw failed(request, error, signal, deadline);
        }
        await gate?.observe?.(response.status, response.headers);
        let body: string;
        try {
          body = await readBody(response, request.provider, request.url, options.maxResponseBytes);
        } catch (error) {
          throw failed(request, error, signal, deadline);
        }
        if (!accepts(request, response.status)) {
          const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now().getTime());
          const error = new HttpStatusError(
            request.provider,
            request.url,
            response.status,
            retryAfter,
          );
          refusedBodies.set(error, body);
          throw error;
        }
        const wait = request.throttled?.(body);
        if (wait !== undefined) throw new HttpStatusError(request.provider, request.url, 429, wait);
        return { response, body };
      },
      deadline,
    );
  }

  /**
   * The bodies of refused answers, for --record; kept beside the error rather than on it, so a
   * logged error never carries a whole upstream page.
   */
  const refusedBodies = new WeakMap<Error, string>();

  async function live(request: HttpRequest, host: string) {
    const deadline = taskSignal();
    return pRetry(() => attempt(request, host), {
      ...(deadline ? { signal: deadline } : {}),
      retries: options.retries,
      minTimeout: options.retryBaseMs ?? 500,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => !deadline?.aborted && isRetryable(error),
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        const retryAfter = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
        if (retryAfter !== undefined && retriesLeft > 0 && isRetryable(error)) {
          if (retryAfter > options.maxRetryAfterMs) throw new AbortError(error);
          await sleepUnless(retryAfter, deadline, sleep);
        }
        logger.debug(
          {
            provider: request.provider,
            url: redactUrl(request.url),
            attempt: attemptNumber,
            err: error.message,
          },
          'upstream attempt failed',
        );
      },
    });
  }

  async function request(request: HttpRequest): Promise<HttpResponse> {
    const parsed = checkAllowed(request.provider, request.url);
    const started = performance.now();
    const fetchedAt = now();
    let status: number | undefined;
    try {
      let body: string;
      let headers = new Headers();
      let replayed = false;
      if (options.replayDir && request.secret) {
        body = REPLAY_TOKEN;
        status = 200;
        replayed = true;
      } else if (options.replayDir) {
        const replay = replayResponse(options.replayDir, request.provider, request.url);
        body = replay.body;
        status = replay.status;
        replayed = true;
        // A replayed error answer fails as the live one would.
        if (!accepts(request, status))
          throw new HttpStatusError(request.provider, request.url, status);
      } else {
        const result = await live(request, parsed.host);
        status = result.response.status;
        headers = result.response.headers;
        body = result.body;
      }
      const contentType = headers.get('content-type') ?? undefined;
      let data: unknown;
      if (request.extract && !replayed) {
        try {
          data = request.extract(body, request.url);
        } catch (error) {
          throw new BadBodyError(request.provider, request.url, (error as Error).message, status);
        }
        body = JSON.stringify(data);
      } else if (request.expect === 'json' || request.extract) {
        data = parseJsonBody(
          body,
          replayed ? undefined : contentType,
          request.provider,
          request.url,
          status,
        );
      }
      if (options.recordDir && !request.secret)
        recordResponse(options.recordDir, request.url, body);
      let responseId: number | undefined;
      if (options.store && !request.secret) {
        try {
          responseId = await options.store({
            provider: request.provider,
            url: request.url,
            status,
            contentType,
            body,
            fetchedAt,
          });
          noteResponse(responseId);
        } catch (error) {
          logger.warn(
            { provider: request.provider, err: (error as Error).message },
            'could not store response',
          );
        }
      }
      const durationMs = performance.now() - started;
      options.onEvent?.({
        provider: request.provider,
        host: parsed.host,
        status,
        outcome: 'ok',
        durationMs,
      });
      logger.debug(
        {
          provider: request.provider,
          url: redactUrl(request.url),
          status,
          ms: Math.round(durationMs),
        },
        'upstream',
      );
      return { url: request.url, status, headers, body, data, fetchedAt, responseId, replayed };
    } catch (error) {
      const upstream = toUpstreamError(
        error instanceof AbortError ? error.originalError : error,
        request.provider,
        request.url,
      );
      const refused = refusedBodies.get(upstream);
      // A definite "no" (404, 410, 400...) is part of the recording, so a replay fails the same
      // way; a 429 or 5xx is the moment's weather, and recording it would poison the corpus.
      if (
        options.recordDir &&
        !request.secret &&
        refused !== undefined &&
        upstream.status !== undefined &&
        isDefiniteRefusal(upstream.status)
      )
        recordResponse(options.recordDir, request.url, refused, upstream.status);
      const durationMs = performance.now() - started;
      options.onEvent?.({
        provider: request.provider,
        host: parsed.host,
        status: upstream.status ?? status,
        outcome: 'error',
        errorKind: upstream.kind,
        durationMs,
      });
      logger.info(
        { provider: request.provider, url: redactUrl(request.url), err: upstream.message },
        'upstream failed',
      );
      throw upstream;
    }
  }

  return {
    request,
    replaying: options.replayDir !== undefined,
    allowedHosts: (provider) => options.allowedHosts.get(provider) ?? [],
  };
}
