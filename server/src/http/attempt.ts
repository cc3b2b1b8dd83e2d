/**
 * One live try of a request: its own time-out (which starts when it is sent, not while it waits
 * for its host's budget), the redirects, the gate told about the answer, the body read within
 * the size limit, and a status the request does not accept turned into an HttpStatusError.
 */
import { fetchFollowing, type Hop } from './allow-list.ts';
import { parseRetryAfter, readBody } from './body.ts';
import {
  CancelledError,
  HttpStatusError,
  TimeoutError,
  toUpstreamError,
  UpstreamError,
} from './errors.ts';
import type { Answer, Exchange, HttpRequest, Transport } from './types.ts';

export interface AttemptOptions extends Hop {
  timeoutMs: number;
  maxResponseBytes: number;
  now: () => Date;
}

export function accepts(request: HttpRequest, status: number): boolean {
  return (status >= 200 && status < 300) || (request.acceptStatus ?? []).includes(status);
}

/**
 * The bodies of refused answers, for --record; kept beside the error rather than on it, so a
 * logged error never carries a whole upstream page.
 */
const refusedBodies = new WeakMap<Error, string>();

export function refusedBody(error: Error): string | undefined {
  return refusedBodies.get(error);
}

/** A fetch or body read that threw: cancelled by its look-up's deadline, timed out, or failed. */
function failed(exchange: Exchange, error: unknown, signal: AbortSignal, timeoutMs: number) {
  const { request, lookup } = exchange;
  if (lookup.signal?.aborted) return new CancelledError(request.provider, request.url);
  if (signal.aborted) return new TimeoutError(request.provider, request.url, timeoutMs);
  return toUpstreamError(error, request.provider, request.url);
}

/** The answer, or the error a refused status (or a throttling body) stands for. */
function checked(options: AttemptOptions, request: HttpRequest, answer: Answer): Answer {
  if (!accepts(request, answer.status)) {
    const retryAfter = parseRetryAfter(answer.headers.get('retry-after'), options.now().getTime());
    const error = new HttpStatusError(request.provider, request.url, answer.status, retryAfter);
    refusedBodies.set(error, answer.body);
    throw error;
  }
  const wait = request.throttled?.(answer.body);
  if (wait !== undefined) throw new HttpStatusError(request.provider, request.url, 429, wait);
  return answer;
}

export function liveAttempt(options: AttemptOptions): Transport {
  return async (exchange) => {
    const { request, lookup } = exchange;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = lookup.signal ? AbortSignal.any([timeout, lookup.signal]) : timeout;
    // Every try that leaves is a request the store answers: counted, with its time on the way.
    const start = performance.now();
    try {
      let response: Response;
      try {
        response = await fetchFollowing(options, request, signal);
      } catch (error) {
        if (error instanceof UpstreamError) throw error;
        throw failed(exchange, error, signal, options.timeoutMs);
      }
      await exchange.gate?.observe?.(response.status, response.headers);
      let body: string;
      try {
        body = await readBody(response, request.provider, request.url, options.maxResponseBytes);
      } catch (error) {
        throw failed(exchange, error, signal, options.timeoutMs);
      }
      const answer = { status: response.status, headers: response.headers, body, replayed: false };
      return checked(options, request, answer);
    } finally {
      lookup.noteRequest({ start, end: performance.now() });
    }
  };
}
