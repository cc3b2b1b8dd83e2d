/**
 * The HTTP edge, on Fastify: every request gets its ID and its context, passes the guards
 * (host, CORS, token, per-client limit: middleware in one onRequest hook), and reaches the
 * probes, tRPC under /trpc (trpc-routes.ts), the pages, or a 404. Each request is counted and
 * logged when its connection is done with it; shutdown finishes in-flight requests first.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { runInRequest } from '../util/request-context.ts';
import { trpcCalls } from './calls.ts';
import { HARMONY_ENTRY } from './guards.ts';
import type { Guard, RouteContext, RouteHandler } from './route.ts';
import { PROCEDURE_PATHS } from './router.ts';
import { trpcRoutes } from './trpc-routes.ts';

export interface HttpServerOptions {
  guards?: Guard[];
  /** Handlers on the raw request, asked in order for what no route answers (the pages). */
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
  if (HARMONY_ENTRY.test(path))
    return path.includes('/actions') ? '/release/actions' : '/release/entry';
  if (path.startsWith('/release/'))
    return path.endsWith('/imported') ? '/release/imported' : '/release';
  return ['/health', '/ready', '/metrics'].includes(path) ? path : 'other';
}

export interface LinerServer {
  server: Server;
  fastify: FastifyInstance;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Stops accepting, waits for in-flight requests (up to `timeoutMs`), then drops the rest. */
  shutdown(timeoutMs: number): Promise<void>;
}

function requestIdOf(request: { headers: Record<string, unknown> }): string {
  const given = String(request.headers['x-request-id'] ?? '');
  return /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The access log and the request metrics, once the response is done. */
function account(app: App, request: FastifyRequest, reply: FastifyReply, started: number) {
  const ctx = request.liner;
  const res = reply.raw;
  const seconds = (performance.now() - started) / 1000;
  const route = routeLabel(ctx.url, ctx.calls);
  app.metrics.httpRequest({ route, method: request.method, status: res.statusCode, seconds });
  if (route === '/health' || route === '/metrics') return;
  // Quick successful answers are the bulk of traffic: they go to the debug access log
  // (LINER_LOG_LEVEL=debug), so info keeps what needs attention: slow or failed requests.
  const fields = {
    method: request.method,
    path: ctx.url.pathname,
    status: res.statusCode,
    ms: Math.round(seconds * 1000),
    client: ctx.client,
    // The debug access log shows what the client sent; credentials are redacted (log.ts).
    ...(app.logger.isLevelEnabled('debug') ? { headers: request.headers } : {}),
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

/** The probes: liveness, readiness (the database answers) and Prometheus metrics. */
function probes(app: App, fastify: FastifyInstance): void {
  fastify.get('/health', async () => ({ status: 'ok' }));
  fastify.get('/ready', async (_request, reply) => {
    const readiness = await app.database.readiness();
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
  fastify.get('/metrics', async (_request, reply) =>
    reply
      .header('content-type', app.metrics.registry.contentType)
      .send(await app.metrics.registry.metrics()),
  );
}

/** What no route answers: the raw handlers in order (pages, tests' extras), then a 404. */
function fallback(app: App, fastify: FastifyInstance, routes: readonly RouteHandler[]): void {
  fastify.setNotFoundHandler(async (request, reply) => {
    reply.hijack();
    for (const route of routes) if (await route(request.raw, reply.raw, request.liner)) return;
    const body = JSON.stringify({ error: `no such endpoint: ${request.liner.url.pathname}` });
    reply.raw.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  });
  fastify.setErrorHandler((error, request, reply) => {
    if ((error as { statusCode?: number }).statusCode === 413) {
      // A body over the limit sent where nothing reads it (a page, no route): said as /trpc
      // says it, and the rest of the body is read and dropped so the client gets to read this.
      request.raw.resume();
      const limit = app.config.server.maxBodyBytes;
      return reply
        .code(413)
        .send({ error: `the request body is larger than the ${limit} bytes this server takes` });
    }
    app.logger.error({ err: error }, 'request failed');
    if (reply.raw.headersSent) return reply.raw.end();
    return reply.code(500).send({ error: 'internal error', requestId: request.liner.requestId });
  });
}

export function createLinerServer(app: App, options: HttpServerOptions = {}): LinerServer {
  const fastify = Fastify({
    keepAliveTimeout: 5000,
    bodyLimit: app.config.server.maxBodyBytes,
    // Draining answers the requests that are already in; new connections are refused.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    genReqId: requestIdOf,
    // A tRPC batch names its procedures in one path segment ("a.b,c.d"); tRPC and the batch
    // cap judge it, not the router.
    routerOptions: { maxParamLength: 4096 },
  });
  let active = 0;
  let draining = false;
  const idle: (() => void)[] = [];
  fastify.decorateRequest('liner', null as unknown as RouteContext);
  fastify.addHook('onRequest', (request, reply, done) => {
    active++;
    const started = performance.now();
    const url = new URL(request.url, 'http://liner.invalid');
    const { id: requestId } = request;
    request.liner = {
      app,
      arrivedAt: app.now(),
      requestId,
      client: 'anonymous',
      url,
      ...(url.pathname.startsWith('/trpc/') ? { calls: trpcCalls(url) } : {}),
    };
    reply.raw.on('close', () => {
      active--;
      account(app, request, reply, started);
      if (active === 0) for (const resolve of idle.splice(0)) resolve();
    });
    // On the raw response, so answers written there (pages, 404s) carry them too.
    reply.raw.setHeader('x-request-id', requestId);
    if (draining) reply.raw.setHeader('connection', 'close');
    // Log lines written anywhere while the request is handled carry its ID.
    runInRequest({ requestId }, done);
  });
  const guards = options.guards ?? [];
  fastify.addHook('onRequest', async (request, reply) => {
    for (const guard of guards) if (!(await guard(request, reply, request.liner))) return reply;
  });
  probes(app, fastify);
  void fastify.register(trpcRoutes(app));
  fallback(app, fastify, options.routes ?? []);
  return {
    server: fastify.server,
    fastify,
    inFlight: () => active,
    async shutdown(timeoutMs) {
      draining = true;
      const closed = fastify.close();
      if (active > 0) {
        const drained = new Promise<void>((resolve) => idle.push(resolve));
        const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
        await Promise.race([drained, timer]);
      }
      fastify.server.closeAllConnections();
      await closed;
    },
  };
}
