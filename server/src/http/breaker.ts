/**
 * A circuit breaker per provider and host: after `failures` tries in a row that got no answer (timed out,
 * cut off, or still running when their look-up's time was up), the host is skipped for
 * `coolDownMs`, at once, with an error saying so and when it will be asked again. Then one
 * request goes as a probe while the others are still skipped: an answer closes the breaker, no
 * answer opens it for another cool-down. Per process: each instance learns on its own.
 */
import { UpstreamError } from './errors.ts';
import type { Answer, Transport } from './types.ts';

export interface BreakerOptions {
  /** Tries in a row without an answer that open the breaker. */
  failures: number;
  coolDownMs: number;
  now: () => number;
}

interface HostState {
  /** Tries in a row without an answer. */
  failures: number;
  /** While open: when a probe may go. */
  openUntil?: number | undefined;
  probing: boolean;
}

/** A host skipped by its open breaker: its message says until when (kept with the failure). */
export class BreakerOpenError extends UpstreamError {
  override readonly name = 'BreakerOpenError';
  constructor(provider: string, url: string, host: string, failures: number, retryAt: number) {
    const when = new Date(retryAt).toISOString().replace(/\.\d+Z$/, 'Z');
    super(
      'skipped',
      provider,
      url,
      `${host} did not answer ${failures} times in a row; skipped until ${when}, when one request tries it again`,
    );
  }
}

/** A try that got no answer from the host (rather than an answer Liner refused). */
function unanswered(error: unknown): boolean {
  return error instanceof UpstreamError && (error.kind === 'timeout' || error.kind === 'network');
}

function closed(state: HostState) {
  state.failures = 0;
  state.openUntil = undefined;
}

export class HostBreakers {
  private readonly hosts = new Map<string, HostState>();
  constructor(private readonly options: BreakerOptions) {}

  /** Throws when `host` is skipped now; a request past the cool-down may go (the probe). */
  check(host: string, provider: string, url: string): void {
    const state = this.hosts.get(`${provider} ${host}`);
    if (state?.openUntil === undefined) return;
    const { now } = this.options;
    if (now() < state.openUntil || state.probing)
      throw new BreakerOpenError(
        provider,
        url,
        host,
        state.failures,
        Math.max(state.openUntil, now()),
      );
  }

  /** Wraps one try: counts it, and lets at most one probe through an open breaker. */
  guard(next: Transport): Transport {
    return async (exchange) => {
      const { host, request } = exchange;
      this.check(host, request.provider, request.url);
      const key = `${request.provider} ${host}`;
      const state = this.hosts.get(key) ?? { failures: 0, probing: false };
      this.hosts.set(key, state);
      const probe = state.openUntil !== undefined;
      if (probe) state.probing = true;
      try {
        const answer: Answer = await next(exchange);
        closed(state);
        return answer;
      } catch (error) {
        if (unanswered(error)) this.failed(state, probe);
        // Any other failure came with an answer (a status, a body Liner refused): it is there.
        else if (!(error instanceof BreakerOpenError)) closed(state);
        throw error;
      } finally {
        if (probe) state.probing = false;
      }
    };
  }

  private failed(state: HostState, probe: boolean) {
    state.failures += 1;
    if (probe || state.failures >= this.options.failures)
      state.openUntil = this.options.now() + this.options.coolDownMs;
  }
}
