/** The kinds of pages and entities a store or MusicBrainz has. Imports nothing (stores/ read it). */
export const ENTITY_TYPES = [
  'release',
  'release-group',
  'artist',
  'label',
  'track',
  'recording',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
