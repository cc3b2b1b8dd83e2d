/**
 * This process as one of the instances on its database: registered at start (freeing what a
 * crashed process of the same ID held), a heartbeat while it runs, and gone at a graceful stop.
 * Others take over the leases of an instance whose heartbeat stopped (repositories/instances.ts).
 */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../log.ts';
import type { InstanceRepository } from '../repositories/types.ts';

/**
 * A server's lasting name: its host and listening address, which no two running servers share,
 * so a restart on the same port is the same instance and reclaims its own leases at once.
 */
export function serverInstanceId(config: Config): string {
  if (config.server.instanceId) return config.server.instanceId;
  if (config.server.port === 0) return randomUUID();
  return `${hostname()}/${config.server.host}:${config.server.port}`;
}

export interface InstanceHeartbeat {
  readonly id: string;
  join(): Promise<void>;
  leave(): Promise<void>;
}

export function instanceHeartbeat(
  repository: InstanceRepository,
  id: string,
  intervalMs: number,
  logger: Logger,
): InstanceHeartbeat {
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  let joined = false;
  const beat = async () => {
    try {
      await repository.beat(id);
      failing = false;
    } catch (error) {
      // The database is away; the beat resumes when it is back. Said once, not every beat.
      if (!failing) logger.warn({ err: error }, 'instance heartbeat failed');
      failing = true;
    }
  };
  return {
    id,
    async join() {
      await repository.register(id);
      joined = true;
      timer ??= setInterval(() => void beat(), intervalMs);
      timer.unref();
    },
    async leave() {
      if (timer) clearInterval(timer);
      timer = undefined;
      // Never joined (its address was taken): the ID is another running server's.
      if (!joined) return;
      joined = false;
      await repository.leave(id).catch((error: unknown) => {
        logger.warn({ err: error }, "could not free this instance's leases at stop");
      });
    },
  };
}
