/**
 * Typed upstream errors. Each carries the provider and the URL so that a failure can be shown to
 * the user as "<provider>: <what happened> (<url>)" and a look-up can continue without it.
 */

export type UpstreamErrorKind =
  | 'host-not-allowed'
  | 'timeout'
  | 'network'
  | 'status'
  | 'rate-limited'
  | 'not-found'
  | 'bad-body'
  | 'too-large'
  | 'not-recorded'
  | 'parse'
  | 'credentials'
  /** Not asked: the host's circuit breaker is open after repeated time-outs (http/breaker.ts). */
  | 'skipped'
  /** Still being asked when the whole look-up's deadline came (services/lookup-deadline.ts). */
  | 'pending'
  /** Liner's own code failed on the answer (a bug): the log has it, clients get no internals. */
  | 'internal';

export class UpstreamError extends Error {
  override readonly name: string = 'UpstreamError';
  constructor(
    readonly kind: UpstreamErrorKind,
    readonly provider: string,
    readonly url: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Serializable form for results, caches and the API. */
  toJSON() {
    return {
      kind: this.kind,
      provider: this.provider,
      url: this.url,
      status: this.status,
      message: this.message,
    };
  }
}

/** The store says it has no such item (a 404, or its own "no data" answer). */
export class NotFoundError extends UpstreamError {
  override readonly name = 'NotFoundError';
  constructor(provider: string, url: string, message: string) {
    super('not-found', provider, url, message, 404);
  }
}

export class HostNotAllowedError extends UpstreamError {
  override readonly name = 'HostNotAllowedError';
  /** `allowed` stays with the error for the log; the message, which callers see, omits it. */
  constructor(
    provider: string,
    url: string,
    readonly allowed: readonly string[],
  ) {
    super(
      'host-not-allowed',
      provider,
      url,
      `${provider} may not fetch ${safeHost(url)}: it is not one of the provider's own hosts`,
    );
  }
}

export class TimeoutError extends UpstreamError {
  override readonly name = 'TimeoutError';
  constructor(provider: string, url: string, ms: number) {
    super('timeout', provider, url, `${provider} did not answer within ${ms} ms`);
  }
}

export class HttpStatusError extends UpstreamError {
  override readonly name = 'HttpStatusError';
  constructor(
    provider: string,
    url: string,
    status: number,
    /** Milliseconds the server asked us to wait, from Retry-After. */
    readonly retryAfterMs?: number,
  ) {
    const kind = status === 429 ? 'rate-limited' : status === 404 ? 'not-found' : 'status';
    const text =
      status === 429
        ? `${provider} is rate limiting requests (HTTP 429)`
        : status === 404
          ? `${provider} has no such item (HTTP 404)`
          : `${provider} answered HTTP ${status}`;
    super(kind, provider, url, text, status);
  }
}

/** A request whose provider look-up ran out of time (lookup.providerTimeout): not (or no longer) sent. */
export class CancelledError extends UpstreamError {
  override readonly name = 'CancelledError';
  constructor(provider: string, url: string) {
    super(
      'timeout',
      provider,
      url,
      `${provider}: cancelled, the look-up's time for this provider was up`,
    );
  }
}

export class BadBodyError extends UpstreamError {
  override readonly name = 'BadBodyError';
  constructor(provider: string, url: string, detail: string, status?: number) {
    super('bad-body', provider, url, `${provider} sent an unusable response: ${detail}`, status);
  }
}

export class NotRecordedError extends UpstreamError {
  override readonly name = 'NotRecordedError';
  constructor(provider: string, url: string, file: string) {
    super(
      'not-recorded',
      provider,
      url,
      `not recorded: no replay file for ${url} (looked for ${file})`,
    );
  }
}

/** The provider understood the response but it does not describe a usable release. */
export class ProviderDataError extends UpstreamError {
  override readonly name = 'ProviderDataError';
  constructor(provider: string, url: string, detail: string) {
    super('parse', provider, url, `${provider}: ${detail}`);
  }
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * A thrown value's message with its causes: undici's "fetch failed" alone hides what failed
 * ("getaddrinfo ENOTFOUND api.deezer.com", "connect ECONNREFUSED 127.0.0.1:443"), which the log
 * and the people reading the look-up both need.
 */
export function messageWithCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; errors?: unknown; cause?: unknown };
    const text =
      typeof e.message === 'string' && e.message
        ? e.message
        : typeof e.code === 'string'
          ? e.code
          : current instanceof Error
            ? ''
            : String(current);
    if (text && !parts.some((part) => part.includes(text))) parts.push(text);
    // Connecting to every address of a host fails as an AggregateError: its first one says why.
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return parts.join(': ') || 'unknown error';
}

/** Any thrown value as an UpstreamError, for results that must never fail as a whole. */
export function toUpstreamError(error: unknown, provider: string, url: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError('network', provider, url, messageWithCauses(error), undefined, {
    cause: error,
  });
}

/** A failure of Liner's own code while it handled a provider's answer. */
export function internalError(error: unknown, provider: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError('internal', provider, '', messageWithCauses(error), undefined, {
    cause: error,
  });
}
