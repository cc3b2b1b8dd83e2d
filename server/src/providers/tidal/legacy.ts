/**
 * Tidal's first OpenAPI (v1, `/albums/{id}` and `/albums/{id}/items`), which v2 replaced. It is
 * kept as a fallback because its answers are simple to read and responses recorded from it
 * still replay. Schemas and the pure reader into the one album shape.
 */
import type { LookupMessage } from '@liner/shared';
import { z } from 'zod';
import type { CreditedArtist } from '../common/credits.ts';
import type { TidalAlbum, TidalItem } from './parse.ts';

const NAME = 'tidal';
const id = z.union([z.string(), z.number()]).transform(String);

const artist = z.object({ id, name: z.string().min(1), main: z.boolean().optional() });
const image = z.object({
  url: z.string(),
  width: z.number().optional(),
  height: z.number().optional(),
});

export const legacyAlbum = z.object({
  resource: z.object({
    id,
    title: z.string().min(1),
    barcodeId: z.string().nullish(),
    artists: z.array(artist).default([]),
    releaseDate: z.string().nullish(),
    imageCover: z.array(image).default([]),
    numberOfTracks: z.number().int().optional(),
    numberOfVideos: z.number().int().optional(),
    type: z.string().optional(),
    copyright: z.string().nullish(),
  }),
});
export type LegacyAlbum = z.infer<typeof legacyAlbum>['resource'];

const item = z.object({
  artifactType: z.string(),
  id,
  title: z.string(),
  version: z.string().nullish(),
  artists: z.array(artist).default([]),
  /** Whole seconds. */
  duration: z.number().nonnegative().optional(),
  trackNumber: z.number().int().positive(),
  volumeNumber: z.number().int().positive().default(1),
  isrc: z.string().nullish(),
});

/** One page of items; an item Tidal could not serve has a status and no resource. */
export const legacyItems = z.object({
  data: z.array(
    z.object({
      id,
      resource: item.optional(),
      status: z.number().optional(),
      message: z.string().optional(),
    }),
  ),
  metadata: z.object({ total: z.number().int().nonnegative() }),
});
export type LegacyItemEntry = z.infer<typeof legacyItems>['data'][number];

/** v1 marks featured artists with `main: false`. */
function credited(artists: z.infer<typeof artist>[]): CreditedArtist[] {
  return artists.map((a) => ({
    name: a.name,
    role: a.main === false ? ('featured' as const) : ('main' as const),
    externalIds: [{ provider: NAME, type: 'artist' as const, id: a.id }],
  }));
}

export function readLegacyAlbum(
  album: LegacyAlbum,
  entries: readonly LegacyItemEntry[],
  region: string,
): { album: TidalAlbum; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const items: TidalItem[] = [];
  for (const entry of entries) {
    const resource = entry.resource;
    if (!resource) {
      messages.push({
        level: 'warning',
        provider: NAME,
        text: `Tidal could not serve item ${entry.id} (${entry.status ?? '?'} ${entry.message ?? ''}); it is left out`.trim(),
      });
      continue;
    }
    items.push({
      id: resource.id,
      kind: resource.artifactType === 'video' ? 'video' : 'track',
      volume: resource.volumeNumber,
      position: resource.trackNumber,
      title: resource.title,
      ...(resource.version ? { version: resource.version } : {}),
      ...(resource.isrc ? { isrc: resource.isrc } : {}),
      ...(resource.duration !== undefined ? { lengthMs: resource.duration * 1000 } : {}),
      artists: credited(resource.artists),
    });
  }
  const cover = [...album.imageCover].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  const count =
    album.numberOfTracks !== undefined || album.numberOfVideos !== undefined
      ? (album.numberOfTracks ?? 0) + (album.numberOfVideos ?? 0)
      : undefined;
  return {
    album: {
      id: album.id,
      title: album.title,
      ...(album.barcodeId ? { barcode: album.barcodeId } : {}),
      ...(album.releaseDate ? { releaseDate: album.releaseDate } : {}),
      ...(album.copyright ? { copyright: album.copyright } : {}),
      ...(album.type ? { type: album.type } : {}),
      artists: credited(album.artists),
      labels: [],
      ...(cover
        ? {
            cover: {
              url: cover.url,
              ...(cover.width && cover.height ? { width: cover.width, height: cover.height } : {}),
            },
          }
        : {}),
      items,
      ...(count !== undefined ? { itemCount: count } : {}),
      region,
    },
    messages,
  };
}
