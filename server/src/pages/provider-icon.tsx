/**
 * Small drawn marks for the providers, so a value's source reads at a glance: each store's colour
 * with a short monogram (Liner's own drawings, not the stores' logos), named for screen readers.
 */
import { describeSource, isGuess, type ProviderName, type ValueSource } from '@liner/shared';
import { displayNameOf } from '../http/failure.ts';

const MARKS: Record<ProviderName, { color: string; text: string; ink?: string }> = {
  spotify: { color: '#1db954', text: 'Sp', ink: '#000000' },
  deezer: { color: '#a238ff', text: 'Dz' },
  itunes: { color: '#fa2d48', text: 'Am' },
  bandcamp: { color: '#1c7d99', text: 'Bc' },
  tidal: { color: '#000000', text: 'Ti' },
  beatport: { color: '#01ff95', text: 'Bp', ink: '#000000' },
  qobuz: { color: '#0d6efd', text: 'Qz' },
  discogs: { color: '#333333', text: 'Dc' },
  musicbrainz: { color: '#ba478f', text: 'MB' },
  mora: { color: '#0b5fa5', text: 'mo' },
  ototoy: { color: '#d81b3c', text: 'OT' },
};

/** The provider's mark; `decorative` when its name is written beside it. */
export function ProviderIcon({ name, decorative = false }: { name: string; decorative?: boolean }) {
  const mark = MARKS[name as ProviderName] ?? { color: '#6b6b6b', text: name.slice(0, 2) };
  const drawn = (
    <>
      {/* A grey edge keeps a black or white mark visible on either background. */}
      <rect x=".5" y=".5" width="19" height="19" rx="4" fill={mark.color} stroke="#8c8c8c" />
      <text
        x="10"
        y="14"
        text-anchor="middle"
        font-size="9"
        font-weight="700"
        font-family="system-ui, sans-serif"
        fill={mark.ink ?? '#ffffff'}
      >
        {mark.text}
      </text>
    </>
  );
  if (decorative)
    return (
      <svg class="picon" viewBox="0 0 20 20" aria-hidden="true">
        {drawn}
      </svg>
    );
  const title = displayNameOf(name);
  return (
    <svg class="picon" viewBox="0 0 20 20" role="img" aria-label={title}>
      <title>{title}</title>
      {drawn}
    </svg>
  );
}

/** "from <icon> Deezer" after a value, or "guessed: <reason>" for a value Liner guessed. */
export function Source({ source }: { source: ValueSource | undefined }) {
  if (!source) return null;
  if (isGuess(source)) return <span class="src guess">{describeSource(source)}</span>;
  return (
    <span class="src">
      from <ProviderIcon name={source} decorative /> {displayNameOf(source)}
    </span>
  );
}
