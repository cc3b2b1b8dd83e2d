/**
 * The one observer of every request, whatever transport answered it: the response stored (its
 * row noted in the look-up's context), an event for metrics, and a log line; a failure is turned
 * into an UpstreamError and reported the same way. Credential exchanges are never stored.
 */
import { type Logger, redactUrl } from '../log.ts';
import { toUpstreamError } from './errors.ts';
import type { Decoded } from './transports.ts';
import type { Exchange, HttpClientOptions, HttpResponse, UpstreamEvent } from './types.ts';

export interface ObserverOptions {
  store?: HttpClientOptions['store'];
  onEvent?: ((event: UpstreamEvent) => void) | undefined;
  logger: Logger;
  now: () => Date;
}

export type Observer = (exchange: Exchange, send: () => Promise<Decoded>) => Promise<HttpResponse>;

export function createObserver(options: ObserverOptions): Observer {
  const { logger } = options;

  async function store(exchange: Exchange, answer: Decoded, fetchedAt: Date) {
    const { request, lookup } = exchange;
    if (!options.store || request.secret) return undefined;
    try {
      const id = await options.store({
        provider: request.provider,
        url: request.url,
        status: answer.status,
        contentType: answer.headers.get('content-type') ?? undefined,
        body: answer.body,
        fetchedAt,
      });
      lookup.noteResponse(id);
      return id;
    } catch (error) {
      logger.warn(
        { provider: request.provider, err: (error as Error).message },
        'could not store response',
      );
      return undefined;
    }
  }

  return async (exchange, send) => {
    const { request, host } = exchange;
    const started = performance.now();
    const fetchedAt = options.now();
    const event = { provider: request.provider, host };
    try {
      const answer = await send();
      const responseId = await store(exchange, answer, fetchedAt);
      const durationMs = performance.now() - started;
      const { status } = answer;
      options.onEvent?.({ ...event, status, outcome: 'ok', durationMs });
      const ms = Math.round(durationMs);
      logger.debug(
        { provider: request.provider, url: redactUrl(request.url), status, ms },
        'upstream',
      );
      const { headers, body, data, replayed } = answer;
      return { url: request.url, status, headers, body, data, fetchedAt, responseId, replayed };
    } catch (error) {
      const upstream = toUpstreamError(error, request.provider, request.url);
      const durationMs = performance.now() - started;
      options.onEvent?.({
        ...event,
        status: upstream.status,
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
  };
}
