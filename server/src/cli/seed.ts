import type { Command } from 'commander';
import { isPermalinkId } from '../services/permalink.ts';
import { addLookupOptions, type LookupFlags, lookupInput, withCliApp } from './lookup.ts';
import { CliError } from './shared.ts';

interface SeedFlags extends LookupFlags {
  existing?: string;
  votable?: boolean;
}

export function registerSeed(program: Command): void {
  addLookupOptions(
    program
      .command('seed')
      .description(
        'print the MusicBrainz release-editor seed for store URL(s), a barcode or a permalink',
      )
      .argument(
        '<url-gtin-or-permalink...>',
        'store release URLs and/or one barcode, or one permalink ID',
      )
      .option('--existing <mbid>', 'seed the missing links of this existing MusicBrainz release')
      .option('--votable', 'ask MusicBrainz to put the edit to a vote'),
  ).action(async (args: string[], flags: SeedFlags, command: Command) => {
    await withCliApp(command, flags, async (app) => {
      const permalink = args.length === 1 && isPermalinkId(args[0]!);
      const result = permalink
        ? await app.services.lookup.get(args[0]!)
        : await app.services.lookup.lookup(lookupInput(args, flags));
      if (!result) throw new CliError(`no look-up with permalink "${args[0]}"`, 2);
      if (!result.release) {
        const reasons = result.messages.filter((m) => m.level === 'error').map((m) => m.text);
        throw new CliError(
          `no release to seed: ${reasons.join('; ') || 'no provider found it'}`,
          1,
        );
      }
      const seed = await app.services.seeds.seed(result, {
        ...(flags.existing ? { existing: flags.existing } : {}),
        ...(flags.votable ? { makeVotable: true } : {}),
      });
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ action: seed.url, fields: seed.fields, ...(seed.problems.length ? { problems: seed.problems } : {}) }, null, 2)}\n`,
        );
      } else {
        const width = Math.min(48, Math.max(...seed.fields.map(([name]) => name.length)));
        process.stdout.write(`POST ${seed.url}\n`);
        for (const [name, value] of seed.fields)
          process.stdout.write(
            `${name.padEnd(width)}  ${value.replace(/\n/g, '\n'.padEnd(width + 3))}\n`,
          );
        process.stdout.write(`Permalink: ${app.baseUrl.get()}/release/${result.id}\n`);
      }
      if (seed.problems.length) {
        for (const p of seed.problems)
          process.stderr.write(`liner: invalid seed field ${p.field}: ${p.message}\n`);
        process.exitCode = 1;
      }
    });
  });
}
