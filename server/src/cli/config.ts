import type { Command } from 'commander';
import { stringify } from 'yaml';
import { printableConfig } from '../config/reference.ts';
import { providerStatuses } from '../providers/setup.ts';
import { loadCliConfig } from './shared.ts';

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description(
      'print the effective configuration (secrets redacted), where each set value came from, and the providers',
    )
    .action((_options: unknown, command: Command) => {
      const loaded = loadCliConfig(command);
      process.stdout.write(`# configuration file: ${loaded.file ?? '(none)'}\n`);
      process.stdout.write(stringify(printableConfig(loaded.config)));
      if (loaded.sources.size) {
        process.stdout.write('\n# set explicitly:\n');
        for (const [path, source] of [...loaded.sources].sort())
          process.stdout.write(`#   ${path}: ${source}\n`);
      }
      process.stdout.write('\n# providers:\n');
      for (const status of providerStatuses(loaded.config)) {
        process.stdout.write(
          `#   ${status.name}: ${status.enabled ? 'enabled' : `disabled (${status.reason})`}\n`,
        );
      }
    });
}
