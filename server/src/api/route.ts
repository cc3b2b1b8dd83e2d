/** What the edge's guards and routes are given, and the one way a guard refuses in JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';

export interface RouteContext {
  app: App;
  requestId: string;
  client: string;
  url: URL;
  /** When the request arrived (the edge's first hook): a look-up's deadline counts from it. */
  arrivedAt: Date;
  /** For a /trpc/ request, the procedure paths it calls (trpcCalls), read once for every guard. */
  calls?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set first thing on every request (the edge's onRequest hook). */
    liner: RouteContext;
  }
}

/** Handlers on the raw request (the pages, tests' extras); return false to fall through. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => Promise<boolean> | boolean;

/**
 * Middleware run on every request before routing (an onRequest hook): it may refuse (and return
 * false) to stop the request: host check, CORS, token auth, the per-client limit.
 */
export type Guard = (
  request: Pick<FastifyRequest, 'headers' | 'method' | 'socket'>,
  reply: FastifyReply,
  ctx: RouteContext,
) => Promise<boolean> | boolean;

/** Answers `body` as JSON with `status` and returns false, the value a refusing guard returns. */
export function refuse(
  reply: FastifyReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): false {
  void reply.code(status).headers(headers).send(body);
  return false;
}
