/**
 * The permalink page's sections beside the release itself: the import forms, where the
 * providers disagree, the store links, how each provider's part went, and what they said.
 */
import {
  type Conflict,
  type LookupResult,
  messagesBesideFailures,
  type Release,
  type Seed,
  type SeedProblem,
} from '@liner/shared';
import { SafeLink } from './layout.tsx';
import { ProviderIcon } from './provider-icon.tsx';
import { fieldInWords, valueInWords } from './values.ts';

export type CheckedSeed = Seed & { problems: SeedProblem[] };

/** A hidden-input form posting the seed, or the reasons it is not offered. */
export function SeedForm({
  seed,
  label,
  secondary,
}: {
  seed: CheckedSeed;
  label: string;
  secondary?: boolean;
}) {
  if (seed.problems.length) {
    return (
      <div>
        <p class="error">This seed is not offered because MusicBrainz would reject parts of it:</p>
        <ul>
          {seed.problems.map((p) => (
            <li key={p.field}>
              <code>{p.field}</code>: {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form method="post" action={seed.url} target="_blank" rel="noopener">
      {seed.fields.map(([name, value], i) => (
        <input key={i} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

export interface ImportProps {
  result: LookupResult;
  add?: CheckedSeed | undefined;
  edits: (CheckedSeed & { mbid: string })[];
  editorUrl: string;
}

export function ImportSection({ result, add, edits, editorUrl }: ImportProps) {
  return (
    <section aria-labelledby="import">
      <h2 id="import">Import into MusicBrainz</h2>
      {!result.release && (
        <p>
          Nothing to import: no provider found a release for this look-up (below, what each one
          said).
        </p>
      )}
      {result.existing.length > 0 && (
        <p>
          Already in MusicBrainz:{' '}
          {result.existing.map((e, i) => (
            <span key={e.mbid}>
              {i > 0 && ', '}
              <SafeLink href={`${editorUrl}/release/${e.mbid}`}>
                <code>{e.mbid}</code>
              </SafeLink>
            </span>
          ))}
        </p>
      )}
      <div class="actions">
        {add && (
          <SeedForm
            seed={add}
            label={
              result.existing.length ? 'Import as a new release anyway' : 'Open in MusicBrainz'
            }
            secondary={result.existing.length > 0}
          />
        )}
        {edits.map((edit) => (
          <SeedForm
            key={edit.mbid}
            seed={edit}
            label={
              edits.length > 1
                ? `Add missing links to ${edit.mbid.slice(0, 8)}`
                : 'Add missing links'
            }
          />
        ))}
      </div>
      {add && !add.problems.length && (
        <p class="note">The release editor opens in a new tab, filled in: check it and submit.</p>
      )}
    </section>
  );
}

function Alternative({
  conflict,
  alt,
}: {
  conflict: Conflict;
  alt: Conflict['alternatives'][number];
}) {
  return (
    <li>
      {alt.providers.map((p) => (
        <ProviderIcon key={p} name={p} />
      ))}{' '}
      {valueInWords(conflict.field, alt.value)}
    </li>
  );
}

/** The release-level disagreements as a table; the tracks' are in the tracklist. */
export function Disagreements({ result }: { result: LookupResult }) {
  const release = result.conflicts.filter((c) => !c.field.startsWith('media.'));
  if (release.length === 0) return null;
  return (
    <section aria-labelledby="disagreements">
      <h2 id="disagreements">Where the providers disagree</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Used</th>
            <th scope="col">Other values</th>
          </tr>
        </thead>
        <tbody>
          {release.map((conflict) => {
            const used = conflict.alternatives.filter((a) => a.providers.includes(conflict.chosen));
            const others = conflict.alternatives.filter(
              (a) => !a.providers.includes(conflict.chosen),
            );
            return (
              <tr key={conflict.field}>
                <th scope="row">{fieldInWords(conflict.field)}</th>
                <td>
                  <ul class="plain">
                    {used.map((alt, i) => (
                      <Alternative key={i} conflict={conflict} alt={alt} />
                    ))}
                  </ul>
                </td>
                <td>
                  <ul class="plain">
                    {others.map((alt, i) => (
                      <Alternative key={i} conflict={conflict} alt={alt} />
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function Links({ release }: { release: Release }) {
  if (release.externalLinks.length === 0) return null;
  return (
    <section aria-labelledby="links">
      <h2 id="links">Store links</h2>
      <ul class="plain">
        {release.externalLinks.map((link) => (
          <li key={link.url}>
            {link.provider && <ProviderIcon name={link.provider} />} <SafeLink href={link.url} />{' '}
            <span class="note">({link.types.join(', ') || 'no link type'})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Providers({ result }: { result: LookupResult }) {
  return (
    <section aria-labelledby="providers">
      <h2 id="providers">Providers</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Asked by</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {result.providers.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <ProviderIcon name={p.name} decorative /> {p.displayName}
              </th>
              <td>
                {p.lookup.method === 'gtin' ? 'barcode' : 'ID'} <code>{p.lookup.value}</code>
                {p.region ? ` in ${p.region}` : ''}
              </td>
              <td>
                {p.error ? (
                  <>
                    <span class="error">{p.error.message}</span>
                    {p.error.detail && (
                      <details>
                        <summary>Details</summary>
                        <p class="mono">{p.error.detail}</p>
                      </details>
                    )}
                  </>
                ) : (
                  <>
                    <SafeLink href={p.url}>the release at {p.displayName}</SafeLink>
                    {p.apiUrl && (
                      <>
                        {' · '}
                        <SafeLink href={p.apiUrl}>API answer</SafeLink>
                      </>
                    )}
                    {p.cached && <span class="note"> (from Liner's cache)</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.incompatible.map((g) => (
        <p key={g.providers.join()} class="warning">
          Not merged: {g.providers.join(', ')} found “{g.title}” with {g.reason}.
        </p>
      ))}
    </section>
  );
}

export function Messages({ result }: { result: LookupResult }) {
  const messages = messagesBesideFailures(result);
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">Messages</h2>
      <ul class="plain">
        {messages.map((m, i) => (
          <li
            key={i}
            class={m.level === 'error' ? 'error' : m.level === 'warning' ? 'warning' : undefined}
          >
            {m.provider && <ProviderIcon name={m.provider} />} {m.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
