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

/** Waits `ms` (through `sleep`, injectable), or less: until `signal` aborts. */
export function sleepUnless(
  ms: number,
  signal: AbortSignal | undefined,
  sleep: (ms: number) => Promise<void> = (wait) => new Promise((r) => setTimeout(r, wait)),
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    sleep(ms).then(done, done);
  });
}
