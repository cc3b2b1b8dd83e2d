/**
 * tRPC under /trpc on Fastify: one body reader with the server's size limit (an oversized body
 * and a batch over the cap are refused in tRPC's envelope), tRPC's Fastify adapter for every
 * procedure, and the warm look-up as a route of its own: a repeated look-up is answered with the
 * stored JSON text (LookupService.storedAnswer) in tRPC's envelope, byte for byte what tRPC would
 * send, without tRPC's per-request Request conversion; anything else goes on to tRPC.
 */
import type { IncomingMessage } from 'node:http';
import { lookupInputSchema } from '@liner/shared';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { MAX_BATCH_CALLS, sendTrpcError } from './calls.ts';
import { requestBase } from './host-guard.ts';
import './route.ts';
import { appRouter } from './router.ts';
import type { Context } from './trpc.ts';

const LOOKUP = 'lookup.release';

class BodyTooLargeError extends Error {}

interface OnErrorOptions {
  error: { code: string; cause?: unknown };
  path?: string | undefined;
  req: FastifyRequest;
}

/** Reads a body as text, up to `limit` bytes; past it the rest is drained and the body refused. */
function readBody(payload: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    payload.on('end', () =>
      size > limit
        ? reject(new BodyTooLargeError())
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    payload.on('error', reject);
  });
}

function batchOf(request: FastifyRequest): boolean {
  return (request.query as Record<string, unknown>)?.batch === '1';
}

/** The stored answer's bytes in tRPC's envelope, or undefined when tRPC must answer. */
async function storedAnswer(app: App, request: FastifyRequest): Promise<string | undefined> {
  if (request.headers['trpc-accept'] || typeof request.body !== 'string') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch {
    return undefined;
  }
  const batch = batchOf(request);
  const input = lookupInputSchema.safeParse(
    batch ? (raw as Record<string, unknown> | null)?.['0'] : raw,
  );
  if (!input.success) return undefined;
  let stored: string | undefined;
  try {
    stored = await app.services.lookup.storedAnswer(input.data);
  } catch {
    // tRPC's route will meet the same failure and report it in its own words and shape.
    return undefined;
  }
  if (!stored) return undefined;
  const envelope = `{"result":{"data":${stored}}}`;
  return batch ? `[${envelope}]` : envelope;
}

export function trpcRoutes(app: App) {
  const trpcOptions = {
    router: appRouter,
    createContext: ({ req }: { req: FastifyRequest }): Context => {
      const ctx = req.liner;
      const base = requestBase(req.headers.host);
      return {
        app,
        requestId: ctx.requestId,
        client: ctx.client,
        arrivedAt: ctx.arrivedAt,
        ...(base ? { base } : {}),
      };
    },
    onError: ({ error, path, req }: OnErrorOptions) => {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      const { requestId } = req.liner;
      app.logger.error({ requestId, path, err: error.cause ?? error }, 'API error');
    },
  };
  const { maxBodyBytes } = app.config.server;

  return async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => {
      readBody(payload, maxBodyBytes).then((body) => done(null, body), done);
    });
    scope.setErrorHandler((error, request, reply) => {
      if (!(error instanceof BodyTooLargeError)) throw error;
      // In tRPC's envelope (per call when batched), so the client reads it like tRPC's own 413.
      const calls = request.liner.calls ?? [];
      sendTrpcError(
        reply,
        'PAYLOAD_TOO_LARGE',
        `the request body is larger than the ${maxBodyBytes} bytes this server takes`,
        { paths: calls, batch: batchOf(request) },
      );
    });
    scope.addHook('onRequest', async (request, reply) => {
      const calls = request.liner.calls ?? [];
      if (calls.length <= MAX_BATCH_CALLS) return;
      sendTrpcError(
        reply,
        'BAD_REQUEST',
        `a batch may hold at most ${MAX_BATCH_CALLS} calls, and this one has ${calls.length}: send them in smaller batches`,
      );
      return reply;
    });
    scope.post(`/trpc/${LOOKUP}`, async (request, reply: FastifyReply) => {
      const stored = await storedAnswer(app, request);
      if (stored === undefined)
        return fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path: LOOKUP });
      return reply.header('content-type', 'application/json').send(stored);
    });
    // What tRPC's own Fastify plugin mounts, without its body parser: ours holds the size limit.
    scope.all('/trpc/:path', (request, reply) =>
      fastifyRequestHandler({
        ...trpcOptions,
        req: request,
        res: reply,
        path: (request.params as { path: string }).path,
      }),
    );
  };
}
