/** What the edge's guards and routes are given, and the one way they answer in JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app.ts';

export interface RouteContext {
  app: App;
  requestId: string;
  client: string;
  url: URL;
  /** For a /trpc/ request, the procedure paths it calls (trpcCalls), read once for every guard. */
  calls?: readonly string[];
}

/** Extra handlers mounted by path prefix (pages, metrics); return false to fall through. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => Promise<boolean> | boolean;

/** Runs before routing; may answer (and return false) to stop the request, e.g. auth or limits. */
export type Guard = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => Promise<boolean> | boolean;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(body));
}
