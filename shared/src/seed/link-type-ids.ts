/** MusicBrainz's release -> URL relationship types. Imports nothing (store declarations read it). */
export const RELEASE_LINK_TYPE_IDS = {
  'paid download': 74,
  'free download': 75,
  discogs: 76,
  'mail order': 79,
  'free streaming': 85,
  'discography entry': 288,
  license: 301,
  'paid streaming': 980,
} as const;

export type ReleaseLinkTypeId = (typeof RELEASE_LINK_TYPE_IDS)[keyof typeof RELEASE_LINK_TYPE_IDS];
