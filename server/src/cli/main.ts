/**
 * The `liner` command. Each subcommand loads the configuration the same way the server does, so
 * `liner lookup` on a machine behaves like the server it sits beside.
 */
import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { registerConfig } from './config.ts';
import { registerDiscography } from './discography.ts';
import { registerLookup } from './lookup.ts';
import { registerMigrate } from './migrate.ts';
import { registerSeed } from './seed.ts';
import { registerServe } from './serve.ts';
import { CliError } from './shared.ts';

export function buildProgram(): Command {
  const program = new Command('liner')
    .description('Import releases from streaming and download stores into MusicBrainz')
    .version(VERSION)
    .option('-c, --config <file>', 'configuration file (default: $LINER_CONFIG or ./liner.yaml)')
    .showHelpAfterError();
  registerServe(program);
  registerMigrate(program);
  registerLookup(program);
  registerSeed(program);
  registerDiscography(program);
  registerConfig(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`liner: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
