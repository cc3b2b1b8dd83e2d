/** The popup's recent list and the options page's connection test. */
import { type QueueStatus, queueStatusSchema, systemInfoSchema } from '@liner/shared/contracts';
import type { Problem, RecentResponse, ServerTestResponse } from '../messages.ts';
import type { Settings } from '../settings/schema.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { problemFrom } from './problems.ts';

async function serverInfo(deps: BackgroundDeps, settings: Pick<Settings, 'serverUrl' | 'token'>) {
  return systemInfoSchema.parse(await deps.client(settings, TIMEOUTS.status).system.info.query());
}

export async function recent(deps: BackgroundDeps): Promise<RecentResponse> {
  const settings = await deps.settings();
  const [rows, server] = await Promise.all([
    deps.cache.recent(),
    serverInfo(deps, settings).then(
      (info) => ({ up: true as const, version: info.version }),
      (error) => ({
        up: false as const,
        problem: problemFrom(error, { serverUrl: settings.serverUrl }),
      }),
    ),
  ]);
  const entries = rows.map(({ id: _id, at, ...entry }) => ({
    ...entry,
    at: new Date(at).toISOString(),
  }));
  return { ok: true, entries, serverUrl: settings.serverUrl, server };
}

export async function testServer(
  deps: BackgroundDeps,
  serverUrl: string,
  token: string | undefined,
): Promise<ServerTestResponse> {
  const url = serverUrl.replace(/\/+$/, '');
  try {
    const info = await serverInfo(deps, { serverUrl: url, token });
    return {
      ok: true,
      version: info.version,
      musicbrainz: info.musicbrainz,
      database: info.database,
    };
  } catch (error) {
    return { ok: false, problem: problemFrom(error, { serverUrl: url }) };
  }
}

/** What a running look-up waits for at the server, for the panel's progress line. */
export async function queueStatus(
  deps: BackgroundDeps,
): Promise<{ ok: true; status: QueueStatus } | { ok: false; problem: Problem }> {
  const settings = await deps.settings();
  try {
    const answer = await deps.client(settings, TIMEOUTS.status).lookup.queue.query();
    return { ok: true, status: queueStatusSchema.parse(answer) };
  } catch (error) {
    return { ok: false, problem: problemFrom(error) };
  }
}
