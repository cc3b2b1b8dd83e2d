/**
 * The hot path of the API: a look-up asked again within the cache lifetime. It is answered here
 * with the stored JSON text in tRPC's response envelope, without tRPC's per-request Request
 * conversion or any re-serialization; the bytes are those the tRPC route would send. Everything
 * else (a miss, refresh, invalid input, streaming) goes on to tRPC with the body already read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookupInputSchema } from '@liner/shared';
import type { App } from '../app.ts';
import { sendTrpcError } from './calls.ts';

export const FAST_PATH = '/trpc/lookup.release';

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** True when answered; otherwise `req.body` holds the body for tRPC. */
export async function fastLookup(
  req: IncomingMessage,
  res: ServerResponse,
  app: App,
  batch: boolean,
): Promise<boolean> {
  if (req.method !== 'POST' || req.headers['trpc-accept']) return false;
  const body = await readBody(req, app.config.server.maxBodyBytes);
  if (body === undefined) {
    // In tRPC's envelope (per call when batched), so the client reads it like tRPC's own 413.
    sendTrpcError(
      res,
      'PAYLOAD_TOO_LARGE',
      `the request body is larger than the ${app.config.server.maxBodyBytes} bytes this server takes`,
      { paths: [FAST_PATH.slice('/trpc/'.length)], batch },
    );
    return true;
  }
  (req as IncomingMessage & { body?: string }).body = body;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return false;
  }
  const input = lookupInputSchema.safeParse(
    batch ? (raw as Record<string, unknown> | null)?.['0'] : raw,
  );
  if (!input.success) return false;
  let stored: string | undefined;
  try {
    stored = await app.services.lookup.storedAnswer(input.data);
  } catch {
    // tRPC's route will meet the same failure and report it in its own words and shape.
    return false;
  }
  if (!stored) return false;
  const envelope = `{"result":{"data":${stored}}}`;
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(batch ? `[${envelope}]` : envelope);
  return true;
}
