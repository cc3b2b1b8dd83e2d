/**
 * The retry layer: time-outs, network failures, 429s and 5xx are tried again with exponential
 * back-off, waiting at least what Retry-After asks (an ask beyond http.maxRetryAfter fails at
 * once instead). A look-up past its deadline retries nothing and stops waiting.
 */
import pRetry, { AbortError } from 'p-retry';
import { type Logger, redactUrl } from '../log.ts';
import { sleepUnless } from '../util/deadline.ts';
import { CancelledError, HttpStatusError, UpstreamError } from './errors.ts';
import type { Transport } from './types.ts';

const RETRYABLE_KINDS = new Set(['timeout', 'network', 'rate-limited']);

export interface RetryOptions {
  retries: number;
  /** First back-off delay; doubles per retry. */
  retryBaseMs?: number | undefined;
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
}

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return true;
  if (error.kind === 'status') return (error.status ?? 0) >= 500;
  return RETRYABLE_KINDS.has(error.kind);
}

export function retrying(options: RetryOptions, next: Transport): Transport {
  return async (exchange) => {
    const { request, lookup } = exchange;
    const deadline = lookup.signal;
    if (deadline?.aborted) throw new CancelledError(request.provider, request.url);
    try {
      return await pRetry(() => next(exchange), {
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
            await sleepUnless(retryAfter, deadline, options.sleep);
          }
          options.logger.debug(
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
    } catch (error) {
      if (error instanceof AbortError) throw error.originalError;
      // p-retry gives up with the deadline's own reason when it aborts between tries.
      if (deadline?.aborted && !(error instanceof UpstreamError))
        throw new CancelledError(request.provider, request.url);
      throw error;
    }
  };
}
