/**
 * Racing work against a deadline without leaving a rejection nobody handles: the listener goes
 * when the work settles, and the work's late outcome is dropped.
 */

/** `run`'s outcome, or `timedOut()` as soon as `signal` aborts, whichever comes first. */
export function withDeadline<T>(
  run: Promise<T>,
  signal: AbortSignal,
  timedOut: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timedOut());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** 60000 -> "60 s", 1500 -> "1.5 s". */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Waits `ms`: the default of every injectable `sleep` option. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits `ms` (through `wait`, injectable), or less: until `signal` aborts. */
export function sleepUnless(
  ms: number,
  signal: AbortSignal | undefined,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  if (!signal) return wait(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    wait(ms).then(done, done);
  });
}
