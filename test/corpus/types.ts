import type { LinkType, ProviderName, ReleaseDate } from '@liner/shared';

/** What a recorded case must harmonize to. Omitted fields are not checked. */
export interface CorpusExpectation {
  title: string;
  /** [name, joinPhrase] per credited artist; joinPhrase '' when none. */
  artists: [string, string][];
  gtin?: string | null;
  /** Track count per medium. */
  media: number[];
  /** Every track title, per medium. */
  trackTitles?: string[][];
  /** Track lengths in ms, per medium (null where the store gives none). */
  lengths?: (number | null)[][];
  /** ISRCs per medium (null where the store gives none). */
  isrcs?: (string | null)[][];
  /** Track-level credits where they differ from the release's: [medium, track, [[name, join]]]. */
  trackArtists?: [number, number, [string, string][]][];
  /** Track types per medium, where videos are present. */
  trackTypes?: ('audio' | 'video')[][];
  labels?: [string, string | null][];
  releaseDate?: ReleaseDate;
  links?: [string, LinkType[]][];
  types?: string[];
  /** Format per medium (null where none). */
  formats?: (string | null)[];
  /** Title per medium (null where none). */
  mediumTitles?: (string | null)[];
  availableIn?: { includes?: string[]; excludes?: string[] };
}

export interface CorpusCase {
  /** A case on hand-written fixtures says so in its name ("hand-written: ..."). */
  name: string;
  /**
   * Where its answers are: the recorded corpus unless given. Stores the recorded corpus lacks
   * replay their provider's own hand-written fixtures (`fixtureDir(import.meta.url)`).
   */
  replayDir?: string;
  /** Settings the provider needs (an application ID). */
  env?: Record<string, string>;
  provider: ProviderName;
  lookup: { url: string } | { gtin: string };
  regions?: string[];
  expect: CorpusExpectation;
}
