/**
 * A circuit breaker per provider and host: after `failures` tries in a row that got no answer (timed out,
 * cut off, or still running when their look-up's time was up), the host is skipped for
 * `coolDownMs`, at once, with an error saying so and when it will be asked again. Then one
 * request goes as a probe while the others are still skipped: an answer closes the breaker, no
 * answer opens it for another cool-down. With `shared` (instances on one PostgreSQL database),
 * the open breakers are in the database too: one instance's breaker opening makes the others
 * skip the host (within a second: a closed breaker is asked again at most once a second per
 * host), and past the cool-down one probe across all of them decides.
 */
import type { BreakerRepository } from '../repositories/types.ts';
import { UpstreamError } from './errors.ts';
import type { Answer, SharedBreakers, Transport } from './types.ts';

export interface BreakerOptions {
  /** Tries in a row without an answer that open the breaker. */
  failures: number;
  coolDownMs: number;
  now: () => number;
  shared?: SharedBreakers | undefined;
}

/** How long a breaker found closed in the database is taken as closed without asking again. */
const SHARED_CLOSED_MS = 1000;

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
  /** When each host's breaker was last found closed in the database. */
  private readonly sharedClosedAt = new Map<string, number>();
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
      const probe = this.options.shared
        ? await this.sharedProbe(this.options.shared, key, state, request)
        : state.openUntil !== undefined;
      if (probe) state.probing = true;
      try {
        const answer: Answer = await next(exchange);
        await this.answered(key, state, probe);
        return answer;
      } catch (error) {
        if (unanswered(error)) await this.failed(key, state, probe);
        // Any other failure came with an answer (a status, a body Liner refused): it is there.
        else if (!(error instanceof BreakerOpenError)) await this.answered(key, state, probe);
        throw error;
      } finally {
        if (probe) state.probing = false;
      }
    };
  }

  /**
   * The database's word on the host: closed (go, not as a probe); open (skipped, and known
   * here until then); or past its cool-down, when the one instance that claims the probe goes.
   */
  private async sharedProbe(
    shared: SharedBreakers,
    key: string,
    state: HostState,
    request: { provider: string; url: string },
  ): Promise<boolean> {
    const now = this.options.now();
    const host = key.slice(request.provider.length + 1);
    const closedAt = this.sharedClosedAt.get(key);
    if (
      state.openUntil === undefined &&
      closedAt !== undefined &&
      now - closedAt < SHARED_CLOSED_MS
    )
      return false;
    try {
      const found = await shared.store.state(key);
      if (!found) {
        // Closed by another instance's probe, or never opened.
        closed(state);
        this.sharedClosedAt.set(key, now);
        return false;
      }
      this.sharedClosedAt.delete(key);
      state.failures = Math.max(state.failures, found.failures);
      if (found.waitMs > 0 || found.probing) {
        state.openUntil = now + found.waitMs;
        throw new BreakerOpenError(
          request.provider,
          request.url,
          host,
          state.failures,
          now + found.waitMs,
        );
      }
      if (await shared.store.claimProbe(key, shared.probeWindowMs)) {
        state.openUntil ??= now;
        return true;
      }
      throw new BreakerOpenError(request.provider, request.url, host, state.failures, now);
    } catch (error) {
      if (error instanceof BreakerOpenError) throw error;
      shared.onError?.(error);
      return state.openUntil !== undefined;
    }
  }

  private async answered(key: string, state: HostState, probe: boolean) {
    closed(state);
    if (probe) await this.shared(key, (store) => store.close(key));
  }

  private async failed(key: string, state: HostState, probe: boolean) {
    state.failures += 1;
    if (!probe && state.failures < this.options.failures) return;
    state.openUntil = this.options.now() + this.options.coolDownMs;
    const { failures } = state;
    await this.shared(key, (store) => store.open(key, failures, this.options.coolDownMs));
  }

  /** A write to the shared breakers; when the database cannot be asked, this process's word. */
  private async shared(key: string, write: (store: BreakerRepository) => Promise<void>) {
    const { shared } = this.options;
    if (!shared) return;
    this.sharedClosedAt.delete(key);
    try {
      await write(shared.store);
    } catch (error) {
      shared.onError?.(error);
    }
  }
}
