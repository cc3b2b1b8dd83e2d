/**
 * The server's `musicbrainz.compare` answer as far as the extension reads it, checked where it
 * arrives, and the plain view the MusicBrainz page's panel renders: store names spelled out,
 * only the link types the edit seed can carry, only http(s) links.
 */
import { messageSchema, providerInfoSchema } from '@liner/shared/lookup';
import {
  type ExternalLink,
  imageSchema,
  type LinkType,
  linkTypeSchema,
  mbidSchema,
  type ProviderName,
  providerNameSchema,
} from '@liner/shared/model';
import { urlFields } from '@liner/shared/seed/build';
import { storeByName, tryRecognizeUrl } from '@liner/shared/stores/index';
import { z } from 'zod';
import type { ComparisonView } from '../messages.ts';
import { seedSchema } from './hand-over.ts';

const placedIsrc = z.object({
  medium: z.number().int().positive(),
  position: z.number().int().positive(),
  title: z.string(),
  isrc: z.string(),
  musicbrainz: z.string().optional(),
});

const httpUrl = z.url({ protocol: /^https?$/ });

export const comparisonSchema = z.object({
  mbid: mbidSchema,
  musicbrainz: z.object({ title: z.string() }),
  lookup: z.object({ id: z.string(), providers: z.array(providerInfoSchema) }).optional(),
  missingLinks: z.array(
    z.object({
      url: httpUrl,
      provider: providerNameSchema.optional(),
      types: z.array(linkTypeSchema),
    }),
  ),
  missingIsrcs: z.array(placedIsrc),
  differentIsrcs: z.array(placedIsrc),
  barcode: z.object({
    musicbrainz: z.string().optional(),
    stores: z.string().optional(),
    agrees: z.boolean().optional(),
  }),
  coverArt: z.array(imageSchema),
  editSeed: seedSchema.optional(),
  magicIsrcUrl: httpUrl
    .refine((url) => new URL(url).origin === 'https://magicisrc.kepstin.ca', {
      error: 'a MagicISRC link goes to magicisrc.kepstin.ca',
    })
    .optional(),
  messages: z.array(messageSchema),
});
export type Comparison = z.output<typeof comparisonSchema>;

const displayName = (name: ProviderName) => storeByName(name).displayName;

/**
 * The link types the edit seed gives this link, decided by the seed's own urlFields (one type
 * at a time), so the panel can never list a link or a type the posted seed leaves out.
 */
function seededTypes(link: ExternalLink): LinkType[] {
  return link.types.filter(
    (type) =>
      urlFields({
        title: link.url,
        artists: [],
        labels: [],
        types: [],
        media: [],
        externalLinks: [{ ...link, types: [type] }],
        images: [],
        externalIds: [],
      }).length > 0,
  );
}

export function comparisonView(comparison: Comparison, serverUrl: string): ComparisonView {
  const lookup = comparison.lookup;
  return {
    mbid: comparison.mbid,
    title: comparison.musicbrainz.title,
    providers: (lookup?.providers ?? []).map((p) => ({
      name: p.name,
      displayName: p.displayName,
      ...(p.error ? { error: p.error.message } : {}),
    })),
    // A link with no type the site allows is not in the seed, so it is not listed either.
    missingLinks: comparison.missingLinks.flatMap((link) => {
      const types = seededTypes(link);
      if (types.length === 0) return [];
      const store = link.provider ?? tryRecognizeUrl(link.url)?.entity.store;
      return [{ url: link.url, ...(store ? { store: displayName(store) } : {}), types }];
    }),
    missingIsrcs: comparison.missingIsrcs,
    differentIsrcs: comparison.differentIsrcs,
    barcode: comparison.barcode,
    coverArt: comparison.coverArt
      .filter((image) => /^https?:\/\//.test(image.url))
      .map((image) => ({
        url: image.url,
        types: image.types,
        ...(image.width ? { width: image.width } : {}),
        ...(image.height ? { height: image.height } : {}),
        ...(image.provider ? { provider: displayName(image.provider) } : {}),
      })),
    canAddLinks: comparison.editSeed?.fields.some(([name]) => name.startsWith('urls.')) === true,
    canAddBarcode: comparison.editSeed?.fields.some(([name]) => name === 'barcode') === true,
    ...(comparison.magicIsrcUrl ? { magicIsrcUrl: comparison.magicIsrcUrl } : {}),
    messages: comparison.messages.map(({ provider, ...message }) => ({
      ...message,
      ...(provider ? { provider: displayName(provider) } : {}),
    })),
    ...(lookup ? { lookupPage: `${serverUrl}/release/${lookup.id}` } : {}),
  };
}
