/**
 * What one provider look-up carries through the HTTP layer without plumbing: the IDs of the
 * stored responses it used (the look-up service keeps them with the result), and the signal of
 * its overall deadline, which cancels its requests, its retries and its waits for a budget.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Trace {
  ids: number[];
  signal?: AbortSignal;
}

const storage = new AsyncLocalStorage<Trace>();

export function traceResponses<T>(
  run: () => Promise<T>,
  options: { signal?: AbortSignal } = {},
): Promise<{ result: T; responseIds: number[] }> {
  const trace: Trace = { ids: [], ...(options.signal ? { signal: options.signal } : {}) };
  return storage.run(trace, async () => ({ result: await run(), responseIds: trace.ids }));
}

export function noteResponse(id: number): void {
  storage.getStore()?.ids.push(id);
}

/** The deadline of the provider look-up this request belongs to, if it has one. */
export function taskSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}
