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

/**
 * MusicBrainz's recording -> URL relationship types: their own IDs, not the release's (a
 * release's 85 "free streaming" is a recording's 268). From musicbrainz-server's URLCleanup
 * (`LINK_TYPES.downloadpurchase.recording` and its neighbours) and its link_type table.
 */
export const RECORDING_LINK_TYPE_IDS = {
  'paid download': 254,
  'free download': 255,
  'free streaming': 268,
  'paid streaming': 979,
} as const;

export type RecordingLinkTypeId =
  (typeof RECORDING_LINK_TYPE_IDS)[keyof typeof RECORDING_LINK_TYPE_IDS];
