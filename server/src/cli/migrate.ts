import type { Command } from 'commander';
import { openConfiguredDatabase } from '../app.ts';
import { asCliError, cliLogger, loadCliConfig } from './shared.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async (_options: unknown, command: Command) => {
      const loaded = loadCliConfig(command);
      const logger = cliLogger(loaded);
      try {
        const database = await openConfiguredDatabase(loaded.config);
        try {
          await database.migrate();
          const readiness = await database.readiness();
          logger.info({ database: database.kind, ...readiness }, 'migrations applied');
        } finally {
          await database.close();
        }
      } catch (error) {
        throw asCliError(error);
      }
    });
}
