import type { Command } from 'commander';
import type { DatabaseHandle } from '../db/connect.ts';
import { startServer } from '../serve.ts';
import { extensionHint } from './extension-hint.ts';
import {
  asCliError,
  cliLogger,
  loadCliConfig,
  openThrowawayDatabase,
  parsePort,
  replayDirs,
} from './shared.ts';

/**
 * Resolves with the first SIGTERM or SIGINT. Installed before the server starts: a signal that
 * arrives before Node has a listener kills the process outright, skipping the graceful stop.
 */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the companion server')
    .option('-p, --port <port>', 'port to listen on', parsePort)
    .option('--host <address>', 'address to listen on')
    .option('--record <dir>', 'save every upstream response body under <dir>')
    .option(
      '--replay <dir>',
      'answer every upstream request from <dir> (several: a,b), never the network, on a throwaway in-memory database',
    )
    .action(
      async (
        options: { port?: number; host?: string; record?: string; replay?: string },
        command: Command,
      ) => {
        const replay = options.replay ? replayDirs(options.replay) : undefined;
        const stopSignal = nextStopSignal();
        const loaded = loadCliConfig(command, {
          server: { port: options.port, host: options.host },
        });
        const logger = cliLogger(loaded);
        let database: DatabaseHandle | undefined;
        let running: Awaited<ReturnType<typeof startServer>>;
        try {
          if (replay) {
            // Replayed answers must not land in the configured database's cache.
            logger.info(
              { replay },
              `replaying upstream answers from ${replay.join(', ')} on a throwaway in-memory database (nothing is kept)`,
            );
            database = await openThrowawayDatabase();
          }
          running = await startServer({
            config: loaded.config,
            logger,
            ...(database ? { database } : {}),
            ...(options.record ? { recordDir: options.record } : {}),
            ...(replay ? { replayDir: replay } : {}),
          });
        } catch (error) {
          await database?.close();
          throw asCliError(error);
        }
        const { config } = loaded;
        const where = database
          ? 'throwaway in-memory database'
          : config.database.url
            ? 'PostgreSQL'
            : `embedded database in ${config.database.dataDir}`;
        logger.info(
          { url: running.url, database: running.app.database.kind },
          `Liner is listening on ${running.url} (${where})`,
        );
        const hint = extensionHint();
        if (hint) for (const line of hint.split('\n')) logger.info(line);
        const signal = await stopSignal;
        logger.info({ signal }, 'shutting down: finishing in-flight requests');
        try {
          await running.stop();
          await database?.close();
          logger.info('stopped');
        } catch (error) {
          logger.error({ err: error }, 'shutdown failed');
          process.exitCode = 1;
        }
      },
    );
}
