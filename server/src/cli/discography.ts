/**
 * `liner discography <artist url> [--missing] [--json]`: an artist's releases at a store, each
 * with its state in MusicBrainz; `--missing` keeps those MusicBrainz lacks.
 */
import { type Discography, type ListedRelease, recognizeUrlOfType } from '@liner/shared';
import type { Command } from 'commander';
import { withCliApp } from './lookup.ts';
import { asCliError } from './shared.ts';

interface DiscographyFlags {
  missing?: boolean;
  json?: boolean;
  refresh?: boolean;
  replay?: string;
  record?: string;
}

const STATE_WORDS: Record<ListedRelease['state'], string> = {
  linked: 'in MusicBrainz',
  'release-group': 'release group only',
  missing: 'not in MusicBrainz',
  unknown: 'not checked',
};

/** The listing as text: one line a release, its state first, then what MusicBrainz said. */
export function formatDiscography(listing: Discography, missingOnly: boolean): string {
  const rows = listing.releases.filter((r) => !missingOnly || r.state === 'missing');
  const who = listing.artist.name ?? listing.artist.url;
  const counts = (['linked', 'release-group', 'missing', 'unknown'] as const)
    .map((state) => [state, listing.releases.filter((r) => r.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${STATE_WORDS[state]}`);
  const lines = [
    `${who} at ${listing.store}: ${listing.releases.length} releases (${counts.join(', ') || 'none'}), ${listing.pages} pages, ${listing.musicbrainzRequests} MusicBrainz requests`,
  ];
  if (listing.artist.mbid) lines.push(`MusicBrainz artist: ${listing.artist.mbid}`);
  for (const r of rows) {
    const about = [r.type, r.date, r.artist && r.artist !== listing.artist.name ? r.artist : '']
      .filter(Boolean)
      .join(', ');
    const mb = r.mbids.length
      ? ` → ${r.musicbrainzTitle ?? ''} ${r.mbids.join(' ')}`.trimEnd()
      : '';
    lines.push(`[${STATE_WORDS[r.state]}] ${r.title}${about ? ` (${about})` : ''}`);
    lines.push(`    ${r.url}${mb}`);
  }
  for (const m of listing.messages) lines.push(`${m.level}: ${m.text}`);
  return `${lines.join('\n')}\n`;
}

export function registerDiscography(program: Command): void {
  program
    .command('discography')
    .description("list an artist's releases at a store, with whether MusicBrainz has each")
    .argument('<artist-url>', "a store's artist page")
    .option('--missing', 'only the releases MusicBrainz lacks')
    .option('--json', 'print JSON instead of text')
    .option('--refresh', 'ask MusicBrainz again even for URLs it answered recently')
    .option('--replay <dir>', 'answer every upstream request from <dir> (offline)')
    .option('--record <dir>', 'save every upstream response under <dir>')
    .action(async (url: string, flags: DiscographyFlags, command: Command) => {
      try {
        recognizeUrlOfType(url, ['artist']);
      } catch (error) {
        throw asCliError(error);
      }
      await withCliApp(command, flags, async (app) => {
        const listing = await app.services.discography.artist({
          url,
          refresh: Boolean(flags.refresh),
        });
        const shown = flags.missing
          ? { ...listing, releases: listing.releases.filter((r) => r.state === 'missing') }
          : listing;
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(shown, null, 2)}\n`
            : formatDiscography(listing, Boolean(flags.missing)),
        );
      });
    });
}
