import type { Release } from '../model.ts';

/** A release-editor seed: where to post it and the ordered (name, value) pairs of the form. */
export type SeedField = readonly [name: string, value: string];

export interface Seed {
  /** "add" posts to /release/add; "edit" to /release/<mbid>/edit. */
  action: 'add' | 'edit';
  /** The full URL the form posts to. */
  url: string;
  fields: SeedField[];
}

export interface SeedOptions {
  /** MusicBrainz site the editor opens on: musicbrainz.org, beta or test. */
  editorUrl: string;
  /** This look-up's page on the Liner server, named in the edit note. */
  permalinkUrl?: string;
  /**
   * Where MusicBrainz sends the user after saving (it appends ?release_mbid=<mbid>): kept only
   * on `serverUrl`'s origin.
   */
  redirectUri?: string;
  /** The Liner server the seed points back to; without it no redirect_uri is emitted. */
  serverUrl?: string;
  /** Liner's version, for the edit note. */
  version?: string;
  makeVotable?: boolean;
}

export interface EditSeedOptions extends SeedOptions {
  /** The URLs MusicBrainz already links to the release, in any of their forms. */
  linkedUrls: readonly string[];
  /**
   * What the MusicBrainz release holds, when the caller read it. Only then is a barcode added,
   * and only when MusicBrainz has none: without it nothing is known about MusicBrainz's barcode.
   */
  musicBrainz?: {
    gtin?: string | undefined;
    /** MusicBrainz says the release has no barcode (an editor's statement, not a gap). */
    noBarcode?: boolean | undefined;
    /** The release as MusicBrainz holds it: then the other fields it lacks are added too. */
    release?: Release | undefined;
  };
}
