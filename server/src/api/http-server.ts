/**
 * The one Node HTTP server: tRPC under /trpc, liveness and readiness probes, and the pages the
 * server renders. Tracks in-flight requests so shutdown can finish them before closing.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { App } from '../app.ts';
import { runInRequest } from '../util/request-context.ts';
import { MAX_BATCH_CALLS, PROCEDURE_PATHS, sendTrpcError, trpcCalls } from './calls.ts';
import { FAST_PATH, fastLookup } from './fast-lookup.ts';
import { requestBase } from './host-guard.ts';
import { type Guard, type RouteContext, type RouteHandler, sendJson } from './route.ts';
import { appRouter } from './router.ts';
import type { Context } from './trpc.ts';

export interface HttpServerOptions {
  guards?: Guard[];
  routes?: RouteHandler[];
}

/** Requests slower than this are logged at info even when they succeed. */
const SLOW_REQUEST_SECONDS = 0.25;

/**
 * A bounded label for metrics: the tRPC procedure (or "batch", or "unknown" for a path that names
 * no procedure, so made-up paths cannot grow /metrics), or the page kind.
 */
function routeLabel(url: URL, calls: readonly string[] | undefined): string {
  const path = url.pathname;
  if (calls) {
    if (calls.length > 1) return '/trpc/batch';
    return PROCEDURE_PATHS.has(calls[0]!) ? `/trpc/${calls[0]}` : '/trpc/unknown';
  }
  if (path.startsWith('/release/'))
    return path.endsWith('/imported') ? '/release/imported' : '/release';
  return ['/health', '/ready', '/metrics'].includes(path) ? path : 'other';
}

export interface LinerServer {
  server: Server;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Stops accepting, waits for in-flight requests (up to `timeoutMs`), then drops the rest. */
  shutdown(timeoutMs: number): Promise<void>;
}

export function createLinerServer(app: App, options: HttpServerOptions = {}): LinerServer {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: app.config.server.maxBodyBytes,
    // Refused with a clearer message below; this holds should a request get past that.
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ req }): Context => {
      const extra = req as IncomingMessage & { linerContext?: RouteContext };
      const base = requestBase(req.headers.host);
      return {
        app,
        requestId: extra.linerContext?.requestId ?? randomUUID(),
        client: extra.linerContext?.client ?? 'anonymous',
        ...(base ? { base } : {}),
      };
    },
    onError: ({ error, path, req }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        const requestId = (req as IncomingMessage & { linerContext?: RouteContext }).linerContext
          ?.requestId;
        app.logger.error({ requestId, path, err: error.cause ?? error }, 'API error');
      }
    },
  });
  let active = 0;
  let draining = false;
  const idle: (() => void)[] = [];

  const server = createServer((req, res) => {
    const requestId = /^[\w.-]{1,64}$/.test(String(req.headers['x-request-id'] ?? ''))
      ? String(req.headers['x-request-id'])
      : randomUUID();
    void runInRequest({ requestId }, () => handle(req, res, requestId));
  });

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ): Promise<void> {
    active++;
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://liner.invalid');
    const ctx: RouteContext = {
      app,
      requestId,
      client: 'anonymous',
      url,
      ...(url.pathname.startsWith('/trpc/') ? { calls: trpcCalls(url) } : {}),
    };
    res.on('close', () => {
      active--;
      const seconds = (performance.now() - started) / 1000;
      const route = routeLabel(url, ctx.calls);
      app.metrics.httpRequest({
        route,
        method: req.method ?? 'GET',
        status: res.statusCode,
        seconds,
      });
      if (route !== '/health' && route !== '/metrics') {
        // Quick successful answers are the bulk of traffic: they go to the debug access log
        // (LINER_LOG_LEVEL=debug), so info keeps what needs attention: slow or failed requests.
        const fields = {
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          client: ctx.client,
          // The debug access log shows what the client sent; credentials are redacted (log.ts).
          ...(app.logger.isLevelEnabled('debug') ? { headers: req.headers } : {}),
        };
        const level =
          res.statusCode >= 500
            ? 'error'
            : res.statusCode >= 400
              ? 'warn'
              : seconds >= SLOW_REQUEST_SECONDS
                ? 'info'
                : 'debug';
        app.logger[level](fields, 'request');
      }
      if (active === 0) for (const resolve of idle.splice(0)) resolve();
    });
    res.setHeader('x-request-id', requestId);
    if (draining) res.setHeader('connection', 'close');
    try {
      for (const guard of options.guards ?? []) if (!(await guard(req, res, ctx))) return;
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics') {
        res
          .writeHead(200, { 'content-type': app.metrics.registry.contentType })
          .end(await app.metrics.registry.metrics());
        return;
      }
      if (url.pathname === '/ready') {
        const readiness = await app.database.readiness();
        return sendJson(res, readiness.ready ? 200 : 503, readiness);
      }
      if (ctx.calls) {
        (req as IncomingMessage & { linerContext?: RouteContext }).linerContext = ctx;
        const batch = url.searchParams.get('batch') === '1';
        const calls = ctx.calls.length;
        if (calls > MAX_BATCH_CALLS) {
          return sendTrpcError(
            res,
            'BAD_REQUEST',
            `a batch may hold at most ${MAX_BATCH_CALLS} calls, and this one has ${calls}: send them in smaller batches`,
          );
        }
        if (url.pathname === FAST_PATH && (await fastLookup(req, res, app, batch))) return;
        return trpc(req, res);
      }
      for (const route of options.routes ?? []) if (await route(req, res, ctx)) return;
      sendJson(res, 404, { error: `no such endpoint: ${url.pathname}` });
    } catch (error) {
      app.logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId });
      else res.end();
    }
  }
  server.keepAliveTimeout = 5000;

  return {
    server,
    inFlight: () => active,
    async shutdown(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (active > 0) {
        const drained = new Promise<void>((resolve) => idle.push(resolve));
        const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
        await Promise.race([drained, timer]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
