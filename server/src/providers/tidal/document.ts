/**
 * Reads Tidal v2 JSON:API documents into the one album shape: joins the primary resource with
 * what it includes. Pure. A document may reference tracks or artists it does not include (the
 * recorded corpus has one): those become warnings, the rest of the release is kept.
 */
import type { LookupMessage } from '@liner/shared';
import type { z } from 'zod';
import type { CreditedArtist } from '../common/credits.ts';
import { validate } from '../common/fetch.ts';
import {
  albumAttributes,
  artworkAttributes,
  itemAttributes,
  nameAttributes,
  type TidalIdentifier,
  type TidalImage,
  type TidalResource,
} from './api.ts';
import { parseIsoDuration } from './duration.ts';
import { type TidalAlbum, type TidalItem, titleWithVersion } from './parse.ts';

const NAME = 'tidal';

/** Attributes of one resource, checked for what the reader needs; a bad field is named. */
function attributes<T extends z.ZodType>(
  resource: TidalResource,
  schema: T,
  url: string,
): z.output<T> {
  return validate(
    schema,
    resource.attributes,
    NAME,
    url,
    `${resource.type} ${resource.id} attributes`,
  );
}

function copyrightText(value: string | { text: string } | null | undefined): string | undefined {
  return (typeof value === 'string' ? value : value?.text)?.trim() || undefined;
}

function largest(images: readonly TidalImage[] | undefined): TidalAlbum['cover'] {
  const best = [...(images ?? [])].sort((a, b) => (b.meta?.width ?? 0) - (a.meta?.width ?? 0))[0];
  if (!best) return undefined;
  const { width, height } = best.meta ?? {};
  return { url: best.href, ...(width && height ? { width, height } : {}) };
}

/** Included resources by "type/id", and the warnings about references that are not there. */
export class Included {
  private readonly byKey = new Map<string, TidalResource>();
  private readonly reported = new Set<string>();
  readonly messages: LookupMessage[] = [];

  constructor(
    resources: Iterable<TidalResource>,
    private readonly url: string,
  ) {
    for (const resource of resources) this.byKey.set(`${resource.type}/${resource.id}`, resource);
  }

  get(ref: TidalIdentifier, what: string): TidalResource | undefined {
    const found = this.byKey.get(`${ref.type}/${ref.id}`);
    if (!found && !this.reported.has(`${ref.type}/${ref.id}`)) {
      this.reported.add(`${ref.type}/${ref.id}`);
      this.messages.push({
        level: 'warning',
        provider: NAME,
        text: `Tidal's answer lacks ${what} ${ref.id}; it is left out`,
      });
    }
    return found;
  }

  artists(resource: TidalResource): CreditedArtist[] {
    return (resource.relationships.artists?.data ?? []).flatMap((ref) => {
      const artist = this.get(ref, 'artist');
      if (!artist) return [];
      const { name } = attributes(artist, nameAttributes, this.url);
      return [{ name, externalIds: [{ provider: NAME, type: 'artist' as const, id: artist.id }] }];
    });
  }

  names(resource: TidalResource, relationship: string): string[] {
    return (resource.relationships[relationship]?.data ?? []).flatMap((ref) => {
      const found = this.get(ref, ref.type.replace(/s$/, ''));
      return found ? [attributes(found, nameAttributes, this.url).name] : [];
    });
  }

  cover(resource: TidalResource): TidalAlbum['cover'] {
    const ref = resource.relationships.coverArt?.data?.[0];
    const artwork = ref ? this.get(ref, 'artwork') : undefined;
    return artwork ? largest(attributes(artwork, artworkAttributes, this.url).files) : undefined;
  }
}

function readItem(resource: TidalResource, ref: TidalIdentifier, included: Included, url: string) {
  const item = attributes(resource, itemAttributes, url);
  const lengthMs = parseIsoDuration(item.duration);
  const result: TidalItem = {
    id: resource.id,
    kind: resource.type === 'videos' ? 'video' : 'track',
    volume: ref.meta?.volumeNumber ?? 1,
    position: ref.meta?.trackNumber ?? 1,
    title: item.title,
    artists: included.artists(resource),
  };
  if (item.version) result.version = item.version;
  if (item.isrc) result.isrc = item.isrc;
  if (lengthMs !== undefined) result.lengthMs = lengthMs;
  return result;
}

export interface AlbumParts {
  album: TidalResource;
  /** The items relationship of every page, in order. */
  items: readonly TidalIdentifier[];
  included: Included;
  region: string;
  url: string;
}

export function readTidalAlbum({ album, items, included, region, url }: AlbumParts): TidalAlbum {
  const attrs = attributes(album, albumAttributes, url);
  const read = items.flatMap((ref) => {
    const resource = included.get(ref, ref.type === 'videos' ? 'video' : 'track');
    return resource ? [readItem(resource, ref, included, url)] : [];
  });
  const copyright = copyrightText(attrs.copyright);
  const cover = largest(attrs.imageLinks) ?? included.cover(album);
  return {
    id: album.id,
    title: attrs.title,
    ...(attrs.barcodeId ? { barcode: attrs.barcodeId } : {}),
    ...(attrs.releaseDate ? { releaseDate: attrs.releaseDate } : {}),
    ...(copyright ? { copyright } : {}),
    ...(attrs.albumType || attrs.type ? { type: attrs.albumType ?? attrs.type } : {}),
    artists: included.artists(album),
    labels: included.names(album, 'providers'),
    ...(cover ? { cover } : {}),
    items: read,
    ...(attrs.numberOfItems !== undefined ? { itemCount: attrs.numberOfItems } : {}),
    region,
  };
}

/** A standalone video as a release of one video track. Its 16:9 thumbnail is no cover. */
export function readTidalVideo(
  video: TidalResource,
  included: Included,
  region: string,
  url: string,
): TidalAlbum {
  const item = readItem(video, { id: video.id, type: video.type }, included, url);
  const attrs = attributes(video, itemAttributes, url);
  const copyright = copyrightText(attrs.copyright);
  return {
    id: `video/${video.id}`,
    title: titleWithVersion(item.title, item.version),
    ...(attrs.releaseDate ? { releaseDate: attrs.releaseDate } : {}),
    ...(copyright ? { copyright } : {}),
    artists: item.artists,
    labels: included.names(video, 'providers'),
    items: [{ ...item, artists: [] }],
    itemCount: 1,
    region,
  };
}
