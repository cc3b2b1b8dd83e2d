/**
 * The permalink page (/release/<permalink>), for editors without the extension and for anyone
 * the look-up is shared with: the cover art and the release's facts with each value's source,
 * the import forms, the tracklist with the providers side by side, the disagreements, the store
 * links, and how each provider's part went.
 */
import {
  creditText,
  describeTypes,
  type Image,
  type LookupResult,
  type Release,
} from '@liner/shared';
import { Fragment } from 'preact';
import { displayNameOf } from '../http/failure.ts';
import { renderPage } from './layout.tsx';
import { ProviderIcon, Source } from './provider-icon.tsx';
import { ReleaseGroupFact } from './recordings.tsx';
import {
  type CheckedSeed,
  Disagreements,
  ImportSection,
  Links,
  Messages,
  Providers,
} from './sections.tsx';
import { Tracklist } from './tracklist.tsx';
import { dateInWords, instantInWords, labelsInWords, tracksInWords } from './values.ts';

/** The front cover to show: the largest https image marked front (the page loads https only). */
function coverOf(release: Release): Image | undefined {
  const area = (i: Image) => (i.width ?? 0) * (i.height ?? 0);
  return release.images
    .filter((i) => i.url.startsWith('https://') && i.types.includes('front'))
    .sort((a, b) => area(b) - area(a))[0];
}

function Cover({ release }: { release: Release }) {
  const cover = coverOf(release);
  if (!cover) return <div class="cover no-cover">No cover art</div>;
  const shown = cover.thumbUrl?.startsWith('https://') ? cover.thumbUrl : cover.url;
  return (
    <a href={cover.url} rel="noopener noreferrer">
      <img
        class="cover"
        src={shown}
        width={260}
        height={260}
        alt={`Cover art${cover.width ? `, ${cover.width}×${cover.height ?? '?'}` : ''}`}
        referrerpolicy="no-referrer"
      />
    </a>
  );
}

function Facts({ result, release }: { result: LookupResult; release: Release }) {
  const available = release.availableIn?.length;
  const rows: [string, string, string][] = [
    ['Barcode', release.gtin ?? '', 'gtin'],
    ['Released', dateInWords(release.releaseDate), 'releaseDate'],
    ['Labels', labelsInWords(release.labels), 'labels'],
    // A guessed type names its reason in the value itself.
    ['Types', describeTypes(release.types, result.sources, displayNameOf), 'types'],
    ['Language', release.language ?? '', 'language'],
    ['Script', release.script ?? '', 'script'],
    ['Tracks', tracksInWords(release), 'media'],
    ['Status', release.status ?? '', 'status'],
    ['Packaging', release.packaging ?? '', 'packaging'],
    ['Copyright', release.copyright ?? '', 'copyright'],
    ['Available in', available ? `${available} countries` : '', 'availableIn'],
  ];
  return (
    <dl class="facts">
      {rows
        .filter(([, value]) => value)
        .map(([name, value, field]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>
              {field === 'gtin' ? <code>{value}</code> : <span class="pre">{value}</span>}
              {field !== 'types' && <Source source={result.sources[field]} />}
            </dd>
          </Fragment>
        ))}
    </dl>
  );
}

function Hero(props: { result: LookupResult; release: Release; editorUrl: string }) {
  const { result, release } = props;
  const found = result.providers.filter((p) => !p.error && p.url);
  const kind = [...new Set(release.media.map((m) => m.format).filter(Boolean))];
  return (
    <section class="hero" aria-labelledby="title">
      <Cover release={release} />
      <div>
        {kind.length > 0 && <p class="kind">{kind.join(' · ')}</p>}
        <h1 id="title">{release.title}</h1>
        <p class="artist">
          {creditText(release.artists, ', ')}
          <Source source={result.sources.artists} />
        </p>
        {found.length > 0 && (
          <p class="found">
            Found at:{' '}
            {found.map((p) => (
              <a key={p.name} href={p.url} rel="noopener noreferrer">
                <ProviderIcon name={p.name} />
              </a>
            ))}
          </p>
        )}
        <Facts result={result} release={release} />
        {result.releaseGroup && (
          <dl class="facts">
            <ReleaseGroupFact result={result} editorUrl={props.editorUrl} />
          </dl>
        )}
      </div>
    </section>
  );
}

export interface ReleaseSeeds {
  add?: CheckedSeed;
  edits: (CheckedSeed & { mbid: string })[];
}

export function releasePage(result: LookupResult, seeds: ReleaseSeeds, editorUrl: string): string {
  const release = result.release;
  return renderPage({
    title: release?.title ?? 'Look-up',
    meta: `Look-up ${result.id}, ${instantInWords(result.createdAt)}`,
    children: (
      <>
        {release ? (
          <Hero result={result} release={release} editorUrl={editorUrl} />
        ) : (
          <h1>No release found</h1>
        )}
        <ImportSection result={result} add={seeds.add} edits={seeds.edits} editorUrl={editorUrl} />
        {release && <Tracklist result={result} release={release} editorUrl={editorUrl} />}
        <Disagreements result={result} />
        {release && <Links release={release} />}
        <Providers result={result} />
        <Messages result={result} />
      </>
    ),
  });
}
