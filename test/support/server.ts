/** Starts the real server in-process on a test database and an ephemeral port. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { HttpServerOptions } from '../../server/src/api/http-server.ts';
import type { AppRouter } from '../../server/src/api/router.ts';
import type { App, AppOptions } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { type RunningServer, startServer } from '../../server/src/serve.ts';
import { testConfig } from './providers.ts';

export interface TestServerOptions extends Partial<AppOptions> {
  database: DatabaseHandle;
  env?: Record<string, string>;
  http?: (app: App) => HttpServerOptions;
}

export async function startTestServer(options: TestServerOptions): Promise<RunningServer> {
  const config = options.config ?? testConfig({ LINER_PORT: '0', ...options.env });
  return startServer({ logger: silentLogger(), ...options, config }, options.http);
}

export function apiClient(url: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, headers })] });
}
