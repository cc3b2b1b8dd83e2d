/**
 * Which stored responses one provider look-up used. The look-up service runs a provider inside
 * a trace; the HTTP client adds every stored response's ID to it, so providers need no plumbing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<number[]>();

export function traceResponses<T>(
  run: () => Promise<T>,
): Promise<{ result: T; responseIds: number[] }> {
  const ids: number[] = [];
  return storage.run(ids, async () => ({ result: await run(), responseIds: ids }));
}

export function noteResponse(id: number): void {
  storage.getStore()?.push(id);
}
