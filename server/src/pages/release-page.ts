/** The permalink page: the merged release with each value's source, and the import forms. */
import {
  creditText,
  describeSource,
  describeTypes,
  formatLength,
  type LookupResult,
  type Seed,
  type SeedProblem,
  type Track,
} from '@liner/shared';
import { html, link, page, type SafeHtml } from './html.ts';

/** A hidden-input form posting the seed, or the reasons it is not offered. */
export function seedForm(seed: Seed & { problems: SeedProblem[] }, label: string): SafeHtml {
  if (seed.problems.length) {
    return html`<p class="err">This seed is not offered because MusicBrainz would reject parts of it:</p>
<ul>${seed.problems.map((p) => html`<li><code>${p.field}</code>: ${p.message}</li>`)}</ul>`;
  }
  return html`<form method="post" action="${seed.url}" target="_blank">
${seed.fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit">${label}</button></form>`;
}

function trackRow(track: Track): SafeHtml {
  return html`<tr><td>${track.number}</td><td>${track.title}${track.type === 'video' ? ' (video)' : ''}</td>
<td>${creditText(track.artists)}</td><td>${formatLength(track.lengthMs)}</td><td><code>${track.isrc ?? ''}</code></td></tr>`;
}

export function releasePage(
  result: LookupResult,
  seeds: {
    add?: Seed & { problems: SeedProblem[] };
    edits: (Seed & { problems: SeedProblem[]; mbid: string })[];
  },
  editorUrl: string,
): string {
  const release = result.release;
  const src = (field: string) => {
    const source = result.sources[field];
    // Types name each guessed type's reason in the value itself.
    return source && field !== 'types'
      ? html` <span class="src">(${describeSource(source)})</span>`
      : html``;
  };
  const date = release?.releaseDate;
  const rows: [string, unknown, string][] = release
    ? [
        ['Artist', creditText(release.artists), 'artists'],
        ['Barcode', release.gtin, 'gtin'],
        [
          'Date',
          date && [date.year, date.month, date.day].filter(Boolean).join('-'),
          'releaseDate',
        ],
        [
          'Labels',
          release.labels
            .map((l) => l.name + (l.catalogNumber ? ` (${l.catalogNumber})` : ''))
            .join(', '),
          'labels',
        ],
        ['Types', describeTypes(release.types, result.sources), 'types'],
        ['Language', release.language, 'language'],
        ['Script', release.script, 'script'],
        ['Tracks', release.media.map((m) => m.tracks.length).join(' + '), 'media'],
        ['Copyright', release.copyright, 'copyright'],
      ]
    : [];
  const body = html`
<p class="src">Liner look-up ${result.id}, ${result.createdAt}</p>
<h1>${release?.title ?? 'No release found'}</h1>
${release ? html`<table>${rows.filter(([, v]) => v).map(([name, value, field]) => html`<tr><th>${name}</th><td>${String(value)}${src(field)}</td></tr>`)}</table>` : ''}
<h2>Import into MusicBrainz</h2>
${result.existing.length ? html`<p>Already in MusicBrainz: ${result.existing.map((e) => html`${link(`${editorUrl}/release/${e.mbid}`, e.mbid)} `)}</p>` : ''}
${seeds.edits.map((edit) => html`<div>Release ${edit.mbid}: ${seedForm(edit, 'Add missing links')}</div>`)}
${seeds.add ? seedForm(seeds.add, result.existing.length ? 'Import as a new release anyway' : 'Open in MusicBrainz') : ''}
${
  release
    ? html`<h2>Tracklist</h2>${release.media.map(
        (
          medium,
          i,
        ) => html`<h3>Medium ${i + 1}${medium.format ? ` · ${medium.format}` : ''}${medium.title ? ` · ${medium.title}` : ''}</h3>
<table><tr><th>#</th><th>Title</th><th>Artist</th><th>Length</th><th>ISRC</th></tr>${medium.tracks.map(trackRow)}</table>`,
      )}
<p class="src">Tracklist from ${String(result.sources.media ?? '?')}; ISRCs from ${String(result.sources['tracks.isrc'] ?? 'none')}; lengths from ${String(result.sources['tracks.length'] ?? 'none')}.</p>`
    : ''
}
<h2>Providers</h2>
<table>${result.providers.map(
    (p) => html`<tr><td>${p.displayName}</td><td>${p.lookup.method} ${p.lookup.value}</td>
<td>${p.error ? html`<span class="err">${p.error.message}</span>` : html`${link(p.url)}${p.cached ? ' (cached)' : ''}`}</td></tr>`,
  )}</table>
${result.incompatible.map((g) => html`<p class="warn">Not merged: ${g.providers.join(', ')} found “${g.title}” with ${g.reason}.</p>`)}
${result.conflicts.length ? html`<h2>Disagreements</h2><table>${result.conflicts.map((c) => html`<tr><td><code>${c.field}</code></td><td>${c.alternatives.map((a) => html`${JSON.stringify(a.value)} <span class="src">(${a.providers.join(', ')})</span><br>`)}</td></tr>`)}</table>` : ''}
${result.messages.length ? html`<h2>Messages</h2><ul>${result.messages.map((m) => html`<li class="${m.level === 'error' ? 'err' : m.level === 'warning' ? 'warn' : ''}">${m.text}</li>`)}</ul>` : ''}`;
  return page(release?.title ?? 'Look-up', body);
}
