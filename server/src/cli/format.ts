/** The readable form of a look-up result for the terminal. */
import {
  creditText,
  describeSource,
  describeTypes,
  formatLength,
  formatReleaseDate,
  type LookupResult,
  messagesBesideFailures,
  type ProviderInfo,
  type Track,
} from '@liner/shared';
import { replaceUrlsIn } from '../log.ts';

/** How long a URL may be in text output before it is cut: the result's --json has it whole. */
export const URL_TEXT_LIMIT = 120;

/**
 * Every URL in the text longer than `limit` cut to `limit` characters, the last one "…": a
 * MusicBrainz look-up of every link of a release is a URL of kilobytes.
 */
/** A provider's failure for the terminal: the sentence, and the technical detail after it. */
function failureText(error: NonNullable<ProviderInfo['error']>): string {
  return error.detail ? `${error.message} (${error.detail})` : error.message;
}

export function shortenUrls(text: string, limit = URL_TEXT_LIMIT): string {
  return replaceUrlsIn(text, (url) => (url.length > limit ? `${url.slice(0, limit - 1)}…` : url));
}

function trackLine(track: Track, width: number): string {
  const artists = track.artists ? ` (${creditText(track.artists)})` : '';
  const kind = track.type === 'video' ? ' [video]' : '';
  const isrc = track.isrc ? `  ${track.isrc}` : '';
  return `    ${track.number.padStart(width)}. ${track.title}${artists}${kind}  ${formatLength(track.lengthMs, '?:??')}${isrc}`;
}

/** Each track's existing MusicBrainz recording (matched by ISRC) or why it is new. */
function recordingLines(result: LookupResult): string[] {
  const lines: string[] = [];
  const group = result.releaseGroup;
  if (group) lines.push(`  Release group: ${group.title} (${group.mbid}): ${group.reason}`);
  if (!result.recordings) return lines;
  const matched = result.recordings.filter((m) => m.matched).length;
  lines.push(`  Recordings: ${matched} of ${result.recordings.length} tracks exist in MusicBrainz`);
  for (const m of result.recordings)
    lines.push(
      `    ${m.medium}.${m.position} ${m.title}: ${m.matched ? `${m.mbid} (${m.reason})` : `new (${m.reason})`}`,
    );
  return lines;
}

export interface FormatOptions {
  /** The server's public URL: the permalink is printed as its page there. */
  permalinkBase?: string | undefined;
  /** Said after the permalink (a --replay run's permalink never opens). */
  permalinkNote?: string;
}

export function formatLookup(result: LookupResult, options: FormatOptions = {}): string {
  const { permalinkBase, permalinkNote = '' } = options;
  const lines: string[] = [];
  const source = (field: string) => {
    const from = result.sources[field];
    // Types name each guessed type's reason in the value itself.
    return from && field !== 'types' ? ` (${describeSource(from)})` : '';
  };
  const release = result.release;
  if (release) {
    lines.push(`${release.title} — ${creditText(release.artists)}${source('artists')}`);
    const fields: [string, string | undefined, string][] = [
      ['Barcode', release.gtin, 'gtin'],
      ['Date', formatReleaseDate(release.releaseDate), 'releaseDate'],
      [
        'Labels',
        release.labels
          .map((l) => l.name + (l.catalogNumber ? ` [${l.catalogNumber}]` : ''))
          .join(', '),
        'labels',
      ],
      ['Types', describeTypes(release.types, result.sources), 'types'],
      ['Language', release.language, 'language'],
      ['Script', release.script, 'script'],
      ['Copyright', release.copyright, 'copyright'],
    ];
    // Multi-line values (a copyright with © and ℗ lines) stay in their column.
    for (const [name, value, field] of fields)
      if (value)
        lines.push(
          `  ${name.padEnd(9)} ${value.replace(/\n/g, `\n${' '.repeat(12)}`)}${source(field)}`,
        );
    for (const [i, medium] of release.media.entries()) {
      lines.push(
        `  Medium ${i + 1}${medium.format ? ` (${medium.format})` : ''}${medium.title ? `: ${medium.title}` : ''}`,
      );
      const width = Math.max(...medium.tracks.map((t) => t.number.length), 1);
      for (const track of medium.tracks) lines.push(trackLine(track, width));
    }
    for (const link of release.externalLinks)
      lines.push(`  Link      ${link.url} (${link.types.join(', ')})`);
    for (const found of result.existing)
      lines.push(
        `  In MusicBrainz: https://musicbrainz.org/release/${found.mbid} (via ${found.url})`,
      );
    lines.push(...recordingLines(result));
  }
  lines.push('Providers');
  for (const p of result.providers) {
    const state = p.error
      ? `failed: ${failureText(p.error)}`
      : `${p.url ?? ''}${p.apiUrl ? ` (API ${p.apiUrl})` : ''}${p.cached ? ' [cached]' : ''}`;
    lines.push(
      shortenUrls(
        `  ${p.name.padEnd(11)} ${p.lookup.method}=${p.lookup.value}${p.region ? ` ${p.region}` : ''}  ${state}`,
      ),
    );
  }
  for (const group of result.incompatible)
    lines.push(`  Not merged: ${group.providers.join(', ')}: "${group.title}", ${group.reason}`);
  if (result.conflicts.length) lines.push('Disagreements');
  for (const c of result.conflicts) {
    const alternatives = c.alternatives
      .map((a) => `${JSON.stringify(a.value)} (${a.providers.join(', ')})`)
      .join(' | ');
    lines.push(`  ${c.field}: ${alternatives}`);
  }
  // A provider's failure is listed under Providers: its message is not said again.
  const messages = messagesBesideFailures(result);
  if (messages.length) lines.push('Messages');
  for (const m of messages) lines.push(shortenUrls(`  ${m.level}: ${m.text}`));
  lines.push(
    `Permalink: ${permalinkBase ? `${permalinkBase}/release/${result.id}` : result.id}${permalinkNote}`,
  );
  return `${lines.join('\n')}\n`;
}
