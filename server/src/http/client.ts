/**
 * The one HTTP layer every provider uses, composed of layers with one job each:
 *
 *   observer (storage, metrics, logs)
 *     └ allow-list (checked here; redirects hop by hop in the attempt)
 *        └ transport: replay | record(live) | live
 *             live = decode(retry(limits and gates(breaker(one attempt))))
 *
 * Providers get it injected (bound to their look-up's context with forLookup), so tests replace
 * the network or replay files, never a provider's internals.
 */
import { silentLogger } from '../log.ts';
import { sleep as defaultSleep } from '../util/deadline.ts';
import { checkAllowed } from './allow-list.ts';
import { liveAttempt } from './attempt.ts';
import { HostBreakers } from './breaker.ts';
import { HostLimiter, limited } from './limits.ts';
import { NO_LOOKUP } from './lookup-context.ts';
import { createObserver } from './observer.ts';
import { retrying } from './retry.ts';
import { decoding, recording, replayTransport } from './transports.ts';
import type { HttpClient, HttpClientOptions, HttpRequest, LookupContext } from './types.ts';

export { REPLAY_TOKEN } from './transports.ts';
export type * from './types.ts';

/** The transport the options choose: replay, or live (recorded to files with recordDir). */
function chooseTransport(options: HttpClientOptions, breakers: HostBreakers, now: () => Date) {
  if (options.replayDir) return decoding(replayTransport(options.replayDir));
  const attempt = liveAttempt({
    fetch: options.fetch ?? globalThis.fetch,
    allowedHosts: options.allowedHosts,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    now,
  });
  const limiter = new HostLimiter(options.rateLimits ?? [], options.sharedLimits);
  const live = decoding(
    retrying(
      {
        retries: options.retries,
        retryBaseMs: options.retryBaseMs,
        maxRetryAfterMs: options.maxRetryAfterMs,
        sleep: options.sleep ?? defaultSleep,
        logger: options.logger ?? silentLogger(),
      },
      limited(limiter, options.gates ?? [], breakers.guard(attempt)),
    ),
  );
  return options.recordDir ? recording(options.recordDir, live) : live;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const now = options.now ?? (() => new Date());
  const breakers = new HostBreakers({
    failures: options.breakerFailures ?? 3,
    coolDownMs: options.breakerCoolDownMs ?? 30_000,
    now: () => now().getTime(),
    shared: options.sharedBreakers && {
      ...options.sharedBreakers,
      probeWindowMs: options.timeoutMs,
    },
  });
  const transport = chooseTransport(options, breakers, now);
  const observe = createObserver({
    store: options.store,
    onEvent: options.onEvent,
    logger: options.logger ?? silentLogger(),
    now,
  });

  async function request(request: HttpRequest, lookup: LookupContext = NO_LOOKUP) {
    const host = checkAllowed(options.allowedHosts, request.provider, request.url).host;
    const exchange = { request, lookup, host };
    return observe(exchange, async () => {
      // A skipped host is said at once, not after a wait in its queue.
      if (!options.replayDir) breakers.check(host, request.provider, request.url);
      return transport(exchange);
    });
  }

  function bound(lookup: LookupContext): HttpClient {
    return {
      request: (req, other) => request(req, other ?? lookup),
      forLookup: bound,
      replaying: options.replayDir !== undefined,
      allowedHosts: (provider) => options.allowedHosts.get(provider) ?? [],
    };
  }
  return bound(NO_LOOKUP);
}
