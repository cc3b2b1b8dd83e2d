/**
 * Starts the server: app, HTTP listener, and a graceful stop (no new connections, in-flight
 * requests finished, database closed).
 */

import type { AddressInfo } from 'node:net';
import { defaultGuards } from './api/guards.ts';
import { hasApiToken, isLoopback } from './api/host-guard.ts';
import { createLinerServer, type HttpServerOptions, type LinerServer } from './api/http-server.ts';
import { type App, type AppOptions, createApp } from './app.ts';
import type { Config } from './config/schema.ts';
import { harmonyRoutes } from './pages/harmony-routes.ts';
import { pageRoutes } from './pages/routes.ts';
import { serverInstanceId } from './services/instance.ts';

export class UnsafeListenError extends Error {
  override readonly name = 'UnsafeListenError';
}

/** An API reachable from other machines must be protected, unless the operator says otherwise. */
export function checkListenSafety(config: Config): void {
  const { host, allowRemote } = config.server;
  if (!isLoopback(host) && !hasApiToken(config) && !allowRemote) {
    throw new UnsafeListenError(
      `refusing to listen on ${host} without an API token: set LINER_API_TOKEN (or server.apiTokens), or set server.allowRemote: true to expose the API unprotected`,
    );
  }
}

export interface RunningServer {
  url: string;
  app: App;
  http: LinerServer;
  stop(): Promise<void>;
}

export async function startServer(
  appOptions: AppOptions,
  httpOptions: (app: App) => HttpServerOptions = () => ({}),
): Promise<RunningServer> {
  const { config } = appOptions;
  checkListenSafety(config);
  // The lasting ID is taken only once this server holds its address: one that failed to
  // listen must not free the leases of the server that does.
  const app = await createApp({
    instanceId: serverInstanceId(config),
    ...appOptions,
    joinNow: false,
  });
  const extra = httpOptions(app);
  const linerServer = createLinerServer(app, {
    guards: [...defaultGuards(config), ...(extra.guards ?? [])],
    routes: [...(extra.routes ?? []), harmonyRoutes, pageRoutes],
  });
  try {
    await linerServer.fastify.listen({ port: config.server.port, host: config.server.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  try {
    await app.instance.join();
  } catch (error) {
    await linerServer.fastify.close();
    await app.close();
    throw error;
  }
  const { port } = linerServer.server.address() as AddressInfo;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  const url = `http://${host}:${port}`;
  app.baseUrl.set(url);
  let stopping: Promise<void> | undefined;
  return {
    url,
    app,
    http: linerServer,
    stop() {
      stopping ??= (async () => {
        await linerServer.shutdown(config.server.shutdownTimeout);
        await app.close();
      })();
      return stopping;
    },
  };
}
