/** The values MusicBrainz's release editor accepts for its enumerated seed fields. */
import { PRIMARY_TYPES, RELEASE_STATUSES, SECONDARY_TYPES } from '../model.ts';

export const TOP_LEVEL_FIELDS = [
  'name',
  'release_group',
  'type',
  'comment',
  'annotation',
  'barcode',
  'language',
  'script',
  'status',
  'packaging',
  'events',
  'labels',
  'artist_credit',
  'mediums',
  'urls',
  'edit_note',
  'redirect_uri',
  'make_votable',
] as const;

export const SEED_STATUSES: readonly string[] = [...RELEASE_STATUSES, 'Withdrawn', 'Cancelled'];
export const SEED_PRIMARY_TYPES: readonly string[] = PRIMARY_TYPES;
export const SEED_SECONDARY_TYPES: readonly string[] = SECONDARY_TYPES;

export const PACKAGING_NAMES: readonly string[] = [
  'Jewel Case',
  'Slim Jewel Case',
  'Digipak',
  'Cardboard/Paper Sleeve',
  'Keep Case',
  'None',
  'Other',
  'Cassette Case',
  'Book',
  'Fatbox',
  'Snap Case',
  'Gatefold Cover',
  'Discbox Slider',
  'Super Jewel Box',
  'Digibook',
  'Plastic Sleeve',
  'Box',
  'Slidepack',
  'SnapPack',
  'Metal Tin',
  'Longbox',
  'Clamshell Case',
];
