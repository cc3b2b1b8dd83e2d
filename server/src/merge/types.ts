import type {
  Conflict,
  Incompatibility,
  LookupMessage,
  MergedField,
  ProviderName,
  Release,
} from '@liner/shared';
import type { ProviderFeatures } from '../providers/types.ts';

/** One provider's release as the merge sees it. */
export interface MergeInput {
  provider: ProviderName;
  release: Release;
  features: ProviderFeatures;
  category: 'streaming' | 'download' | 'database';
  /** The user named this provider's URL (its data is what they are importing). */
  requested: boolean;
}

export interface MergeOptions {
  /** Per-field provider order from the configuration; it comes before declared qualities. */
  preferences?: Readonly<Record<string, readonly ProviderName[]>>;
  /** When providers found different releases, use the group containing this provider. */
  prefer?: ProviderName;
}

export interface MergeResult {
  release: Release | undefined;
  sources: Record<string, ProviderName>;
  conflicts: Conflict[];
  incompatible: Incompatibility[];
  messages: LookupMessage[];
  /** Providers whose data went into the release. */
  merged: ProviderName[];
}

/** Fields with a preference order, and the declared feature that ranks providers for each. */
export const FIELD_FEATURES = {
  title: undefined,
  artists: 'artistCredits',
  gtin: 'gtin',
  releaseDate: 'releaseDate',
  labels: 'labels',
  types: 'releaseTypes',
  status: undefined,
  packaging: undefined,
  language: undefined,
  script: undefined,
  copyright: 'copyright',
  media: undefined,
  'tracks.isrc': 'isrc',
  'tracks.length': 'durations',
  images: 'coverSize',
  availability: 'availability',
} as const satisfies Record<MergedField, keyof ProviderFeatures | undefined>;

export type MergeField = MergedField;
