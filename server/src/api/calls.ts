/**
 * What a /trpc/ request asks for, read the way tRPC reads it: the procedure paths it calls (one,
 * or a comma-separated batch with ?batch=1), the most calls a batch may hold, and errors in tRPC's
 * own response envelope for the answers given before tRPC's handler sees the request.
 */

import {
  getTRPCErrorShape,
  type TRPC_ERROR_CODE_KEY,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyReply } from 'fastify';
import { trpcConfig } from './trpc.ts';

/**
 * The most calls one batched request may hold. Each call is charged to the client's request rate
 * on its own. The extension makes a new client (so a new batch) for every call it sends, so its
 * batches hold one call; this leaves room for scripts batching a few calls at once.
 */
export const MAX_BATCH_CALLS = 10;

/** The procedure paths a /trpc/ URL calls: decoded, and split on commas when batched. */
export function trpcCalls(url: URL): string[] {
  const raw = url.pathname.replace(/^\/trpc\/?/, '').replace(/\/$/, '');
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // tRPC refuses the malformed encoding itself; it is still one call.
  }
  return url.searchParams.get('batch') === '1' ? path.split(',') : [path];
}

/**
 * Answers with `message` in the shape tRPC's handler uses for `code`: one error object, or, when
 * `calls` is given for a batch, one error per call (each naming its path, as tRPC does).
 */
export function sendTrpcError(
  reply: FastifyReply,
  code: TRPC_ERROR_CODE_KEY,
  message: string,
  calls?: { paths: readonly string[]; batch: boolean },
): void {
  const error = new TRPCError({ code, message });
  const config = trpcConfig;
  const envelope = (path: string | undefined) => ({
    error: getTRPCErrorShape({
      config,
      error,
      type: 'unknown',
      path,
      input: undefined,
      ctx: undefined,
    }),
  });
  const body = !calls
    ? envelope(undefined)
    : calls.batch
      ? calls.paths.map(envelope)
      : envelope(calls.paths[0]);
  reply
    .code(getHTTPStatusCodeFromError(error))
    .header('content-type', 'application/json')
    .send(JSON.stringify(transformTRPCResponse(config, body)));
}
