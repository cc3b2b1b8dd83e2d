import { isMbid, messagesBesideFailures, NOTHING_TO_ADD, seedAddsNothing } from '@liner/shared';
import type { Command } from 'commander';
import type { App } from '../app.ts';
import { isPermalinkId } from '../services/permalink.ts';
import type { SeedRequest } from '../services/seeds.ts';
import { shortenUrls } from './format.ts';
import { addLookupOptions, type LookupFlags, lookupInput, withCliApp } from './lookup.ts';
import { CliError, throwawayNote } from './shared.ts';

/**
 * What the existing release holds, read from MusicBrainz like the compare panel does, so the
 * edit seed adds every field it lacks; unreadable, the seed adds the links it lacks only.
 */
async function heldBy(app: App, mbid: string): Promise<SeedRequest> {
  try {
    const held = await app.services.compare.held(mbid);
    return {
      linkedUrls: held.mb.externalLinks.map((link) => link.url),
      musicBrainz: { gtin: held.barcode, noBarcode: held.noBarcode, release: held.mb },
    };
  } catch (error) {
    process.stderr.write(
      `MusicBrainz release ${mbid} could not be read (${error instanceof Error ? error.message : String(error)}): the seed adds the missing links only.\n`,
    );
    return {};
  }
}

interface SeedFlags extends LookupFlags {
  existing?: string;
  votable?: boolean;
}

const JSON_HELP = `
With --json, one object:
  action        the URL the form is posted to: <editor>/release/add?skip_confirmation=1 for
                a new release, <editor>/release/<mbid>/edit with --existing
  fields        the form's fields in order, as [name, value] pairs (post them all, as given)
  permalink     the look-up's page on this server, which holds the same form
  nothingToAdd  true when --existing finds MusicBrainz already has all of this (the fields
                are then only the edit note and redirect: nothing to post)
  problems      only when the seed fails validation: [{field, message}, ...] (exit status 1)
  replayed      true under --replay: the look-up was made on a throwaway database, so the
                permalink (and the redirect_uri field, which leads to it) will not open
`;

/**
 * Barcode, store URLs or one permalink. A barcode's digits can all be in the permalink alphabet
 * (886445567892), so digits are always a barcode.
 */
function isPermalink(args: readonly string[]): boolean {
  return args.length === 1 && !/^[\d\s-]+$/.test(args[0]!) && isPermalinkId(args[0]!);
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
      .option(
        '--existing <mbid>',
        'seed what this existing MusicBrainz release lacks (links, barcode, events, labels, status, packaging, language, script)',
      )
      .option('--votable', 'ask MusicBrainz to put the edit to a vote')
      .addHelpText('after', JSON_HELP),
  ).action(async (args: string[], flags: SeedFlags, command: Command) => {
    // Input that can't be a look-up is refused before the database and providers start.
    const existing = flags.existing?.trim().toLowerCase();
    if (existing !== undefined && !isMbid(existing))
      throw new CliError(
        `--existing: "${flags.existing}" is not a MusicBrainz release ID (an MBID: 32 hexadecimal digits as 8-4-4-4-12)`,
        2,
      );
    const permalink = isPermalink(args);
    const input = permalink ? undefined : lookupInput(args, flags);
    await withCliApp(command, flags, async (app) => {
      const result = input
        ? await app.services.lookup.lookup(input)
        : await app.services.lookup.get(args[0]!);
      if (!result) throw new CliError(`no look-up with permalink "${args[0]}"`, 2);
      if (!result.release) {
        // The terminal's reader wants what happened: each failed provider's technical detail.
        const failures = result.providers.flatMap((p) =>
          p.error ? [`${p.displayName}: ${p.error.detail ?? p.error.message}`] : [],
        );
        const reasons = [
          ...failures,
          ...messagesBesideFailures(result)
            .filter((m) => m.level === 'error')
            .map((m) => m.text),
        ].map((text) => shortenUrls(text));
        throw new CliError(
          `no release to seed: ${reasons.join('; ') || 'no provider found it'}`,
          1,
        );
      }
      const seed = await app.services.seeds.seed(result, {
        ...(existing ? { existing, ...(await heldBy(app, existing)) } : {}),
        ...(flags.votable ? { makeVotable: true } : {}),
      });
      const page = `${app.baseUrl.get()}/release/${result.id}`;
      // A replayed look-up's page is in a database thrown away at exit: it is said so.
      const permalinkLine = `Permalink: ${page}${flags.replay ? throwawayNote('the permalink and the redirect_uri') : ''}\n`;
      const nothingToAdd = seedAddsNothing(seed);
      // Nothing to add is not a broken seed: it is said instead of listed as a problem.
      const problems = seed.problems.filter((p) => p.message !== NOTHING_TO_ADD);
      if (flags.json) {
        const out = {
          action: seed.url,
          fields: seed.fields,
          permalink: page,
          ...(nothingToAdd ? { nothingToAdd: true } : {}),
          ...(problems.length ? { problems } : {}),
          ...(flags.replay ? { replayed: true } : {}),
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else if (nothingToAdd) {
        process.stdout.write(
          `MusicBrainz already has all of this: nothing to add to release ${existing}.\n`,
        );
        process.stdout.write(permalinkLine);
      } else {
        const width = Math.min(48, Math.max(...seed.fields.map(([name]) => name.length)));
        process.stdout.write(`POST ${seed.url}\n`);
        for (const [name, value] of seed.fields)
          process.stdout.write(
            `${name.padEnd(width)}  ${value.replace(/\n/g, '\n'.padEnd(width + 3))}\n`,
          );
        process.stdout.write(permalinkLine);
      }
      if (problems.length) {
        for (const p of problems)
          process.stderr.write(`liner: invalid seed field ${p.field}: ${p.message}\n`);
        process.exitCode = 1;
      }
    });
  });
}
