/**
 * The companion server's tRPC client. Every call has a time-out, so a slow or hung server ends
 * in a message instead of a button that spins forever; the guards' refusals (token, origin, rate
 * limit) are turned into errors that say which one it was.
 */
import type { AppRouter } from '@liner/server/router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

/** What each procedure answers, derived from the router (its `.output()` schemas live in shared/). */
export type ApiOutputs = inferRouterOutputs<AppRouter>;

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The server could not be reached at all (refused, reset, DNS, certificate). */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

export class ServerTimeoutError extends Error {
  override readonly name = 'ServerTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
    );
  }
}

/** An answer from the server's guards rather than from the API: 401, 403 or 429. */
export class ServerRefusalError extends Error {
  override readonly name = 'ServerRefusalError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

const REFUSALS = new Set([401, 403, 429]);

async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
    const nested = (body.error as { message?: unknown } | undefined)?.message;
    if (typeof nested === 'string') return nested;
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${response.status}`;
}

export function timedFetch(fetchImpl: FetchLike, timeoutMs: number): FetchLike {
  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetchImpl(input, { ...init, signal });
    } catch (error) {
      if (timeout.aborted) throw new ServerTimeoutError(timeoutMs);
      throw new ServerUnreachableError((error as Error).message ?? String(error));
    }
    if (REFUSALS.has(response.status)) {
      const retry = Number(response.headers.get('retry-after'));
      throw new ServerRefusalError(
        response.status,
        await refusalMessage(response),
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
    }
    return response;
  };
}

export interface ServerOptions {
  serverUrl: string;
  token?: string | undefined;
  timeoutMs: number;
  fetch?: FetchLike;
}

export function serverClient(options: ServerOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.serverUrl}/trpc`,
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
        fetch: timedFetch(fetchImpl, options.timeoutMs),
      }),
    ],
  });
}

export type ServerClient = ReturnType<typeof serverClient>;
