/** Example Store album -> release: pure, no I/O, no clock. */
import {
  isValidGtin,
  type LookupMessage,
  parseIsrc,
  type ReleaseInput,
  type Track,
} from '@liner/shared';
import { parseDate } from '../common/dates.ts';
import type { ExampleAlbum } from './api.ts';

export function parseExampleRelease(
  album: ExampleAlbum,
  url: string,
): { release: ReleaseInput; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const artist = {
    name: album.artist.name,
    externalIds: [
      { provider: 'examplestore' as const, type: 'artist' as const, id: String(album.artist.id) },
    ],
  };
  const discs = new Map<number, Track[]>();
  for (const track of album.tracks) {
    const isrc = track.isrc ? parseIsrc(track.isrc) : undefined;
    discs.set(track.disc, [
      ...(discs.get(track.disc) ?? []),
      {
        number: String(track.number),
        title: track.title,
        ...(track.duration_ms !== undefined ? { lengthMs: track.duration_ms } : {}),
        ...(isrc ? { isrc } : {}),
      },
    ]);
  }
  const gtin = album.upc && isValidGtin(album.upc) ? album.upc : undefined;
  if (album.upc && !gtin)
    messages.push({
      level: 'warning',
      provider: 'examplestore',
      text: `Example Store gives the barcode "${album.upc}", which is not a valid GTIN`,
    });
  const date = album.release_date ? parseDate(album.release_date) : undefined;
  return {
    messages,
    release: {
      title: album.title,
      artists: [artist],
      ...(gtin ? { gtin } : {}),
      ...(date ? { releaseDate: date } : {}),
      labels: album.label ? [{ name: album.label }] : [],
      status: 'Official',
      packaging: 'None',
      media: [...discs.keys()]
        .sort((a, b) => a - b)
        .map((disc) => ({ format: 'Digital Media', tracks: discs.get(disc)! })),
      externalLinks: [{ url, types: ['paid download'], provider: 'examplestore' }],
      externalIds: [{ provider: 'examplestore', type: 'release', id: String(album.id) }],
    },
  };
}
