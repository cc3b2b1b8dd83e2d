import {
  ISO_COUNTRY_CODES,
  type LookupInput,
  parseGtin,
  providerNameSchema,
  recognizeUrl,
} from '@liner/shared';
import { type Command, InvalidArgumentError } from 'commander';
import { type App, createApp } from '../app.ts';
import { formatLookup } from './format.ts';
import {
  asCliError,
  CliError,
  cliLogger,
  loadCliConfig,
  openThrowawayDatabase,
  replayDirs,
  throwawayNote,
} from './shared.ts';

export interface LookupFlags {
  region?: string[];
  providers?: string[];
  prefer?: string;
  refresh?: boolean;
  json?: boolean;
  replay?: string;
  record?: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The options `liner lookup` and `liner seed` share. */
export function addLookupOptions(command: Command): Command {
  return command
    .option('-r, --region <codes>', 'preferred storefront regions, e.g. GB,US', list)
    .option('-p, --providers <names>', 'providers to ask, e.g. deezer,itunes', (value) => {
      const names = list(value);
      for (const name of names) {
        if (!providerNameSchema.safeParse(name).success) {
          throw new InvalidArgumentError(
            `"${name}" is not a provider (${providerNameSchema.options.join(', ')})`,
          );
        }
      }
      return names;
    })
    .option(
      '--prefer <provider>',
      'when providers found different releases, merge the one this provider found (and those matching it); does not pick fields within one release',
    )
    .option('--refresh', 'ask the providers again even if the database has a fresh answer')
    .option('--json', 'print JSON instead of text')
    .option(
      '--replay <dir>',
      'answer every upstream request from <dir> (several: a,b; offline, on a throwaway database)',
    )
    .option('--record <dir>', 'save every upstream response under <dir>');
}

/**
 * The --region codes, upper-cased, each an ISO 3166-1 alpha-2 code: a storefront region that is
 * not one would be asked for as it is (country=xx) and find nothing.
 */
export function checkRegions(regions: readonly string[]): string[] {
  return regions.map((region) => {
    const code = region.toUpperCase();
    if (!ISO_COUNTRY_CODES.includes(code)) {
      const hint = code === 'UK' ? ' (the United Kingdom is GB)' : '';
      throw new CliError(
        `--region: "${region}" is not an ISO 3166-1 alpha-2 country code such as GB or US${hint}`,
        2,
      );
    }
    return code;
  });
}

/** Splits arguments into store URLs and at most one barcode. */
export function lookupInput(args: readonly string[], flags: LookupFlags): LookupInput {
  const regions = flags.region ? checkRegions(flags.region) : undefined;
  const urls: string[] = [];
  let gtin: string | undefined;
  for (const arg of args) {
    if (/^[\d\s-]+$/.test(arg)) {
      if (gtin) throw new CliError(`only one barcode per look-up (got ${gtin} and ${arg})`, 2);
      gtin = arg;
    } else urls.push(arg);
  }
  // Input that can't be a look-up is refused before the database and providers start.
  try {
    for (const url of urls) recognizeUrl(url);
    if (gtin) parseGtin(gtin);
  } catch (error) {
    throw asCliError(error);
  }
  return {
    urls,
    ...(gtin ? { gtin } : {}),
    ...(regions ? { regions } : {}),
    ...(flags.providers ? { providers: flags.providers as LookupInput['providers'] } : {}),
    ...(flags.prefer ? { prefer: flags.prefer as LookupInput['prefer'] } : {}),
    refresh: Boolean(flags.refresh),
  };
}

/** Opens the app as the CLI uses it: replay runs on a throwaway in-memory database. */
export async function withCliApp<T>(
  command: Command,
  flags: LookupFlags,
  run: (app: App) => Promise<T>,
): Promise<T> {
  const replay = flags.replay ? replayDirs(flags.replay) : undefined;
  const loaded = loadCliConfig(command);
  const logger = cliLogger(loaded, { quiet: true, stderr: true });
  let app: App;
  try {
    const database = replay ? await openThrowawayDatabase() : undefined;
    app = await createApp({
      config: loaded.config,
      logger,
      ...(database ? { database } : {}),
      ...(replay ? { replayDir: replay } : {}),
      ...(flags.record ? { recordDir: flags.record } : {}),
    });
    if (database) {
      const close = app.close;
      app.close = async () => {
        await close();
        await database.close();
      };
    }
  } catch (error) {
    throw asCliError(error);
  }
  try {
    return await run(app);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await app.close();
  }
}

export function registerLookup(program: Command): void {
  addLookupOptions(
    program
      .command('lookup')
      .description('look a release up at every provider by store URL(s) and/or barcode')
      .argument('<url-or-gtin...>', 'store release URLs and/or one barcode'),
  ).action(async (args: string[], flags: LookupFlags, command: Command) => {
    const input = lookupInput(args, flags);
    await withCliApp(command, flags, async (app) => {
      const result = await app.services.lookup.lookup(input);
      // A replayed look-up's permalink is in a database thrown away at exit: it is said so.
      const out = flags.json
        ? `${JSON.stringify(flags.replay ? { ...result, replayed: true } : result, null, 2)}\n`
        : formatLookup(result, {
            permalinkBase: app.config.server.publicUrl,
            ...(flags.replay ? { permalinkNote: throwawayNote() } : {}),
          });
      process.stdout.write(out);
      if (!result.release) process.exitCode = 1;
    });
  });
}
