/**
 * An artist's releases at Bandcamp: the band's /music page lists them all, the first ones as
 * grid items (`li[data-item-id]` with the release link and title) and, on long pages, the rest
 * as JSON in the grid's `data-client-items`. Bandcamp's types are its own: album or track.
 */
import { canonicalUrl } from '@liner/shared';
import { z } from 'zod';
import { decodeHtmlEntities, findTags } from '../common/html.ts';
import { readListing } from '../common/listing.ts';
import type { ArtistListing, ListedAtStore, ListingOptions } from '../types.ts';

const clientItem = z.looseObject({
  type: z.string().optional(),
  title: z.string(),
  artist: z.string().nullish(),
  page_url: z.string(),
});

/** Text of the first `<p class="title">` after `from`, its artist override apart. */
function titleAfter(html: string, from: number): { title: string; artist?: string } | undefined {
  const match = /<p class="title">([\s\S]*?)<\/p>/.exec(html.slice(from, from + 4000));
  if (!match) return undefined;
  const override = /<span class="artist-override">([\s\S]*?)<\/span>/.exec(match[1]!);
  const strip = (s: string) =>
    decodeHtmlEntities(s.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  const title = strip(match[1]!.replace(override?.[0] ?? '', ''));
  return { title, ...(override ? { artist: strip(override[1]!) } : {}) };
}

/** The releases of a /music page, in its order. */
export function bandcampMusicItems(html: string, band: string): ListedAtStore[] {
  const items: ListedAtStore[] = [];
  const add = (path: string, title: string, artist?: string | null) => {
    const match = /^\/(album|track)\/([\w-]+)/.exec(path);
    if (!match || !title) return;
    items.push({
      url: canonicalUrl({
        store: 'bandcamp',
        type: 'release',
        id: `${band}/${match[1]}/${match[2]!.toLowerCase()}`,
      }),
      title,
      type: match[1]!,
      ...(artist ? { artist } : {}),
    });
  };
  for (const li of findTags(html, 'li')) {
    if (!li.attributes['data-item-id']) continue;
    const link = /<a href="([^"]+)"/.exec(html.slice(li.end, li.end + 2000));
    const found = titleAfter(html, li.end);
    if (link && found) add(decodeHtmlEntities(link[1]!), found.title, found.artist);
  }
  for (const grid of findTags(html, 'ol')) {
    const json = grid.attributes['data-client-items'];
    if (!json) continue;
    const parsed = z.array(clientItem).safeParse(JSON.parse(json));
    if (parsed.success) for (const item of parsed.data) add(item.page_url, item.title, item.artist);
  }
  return items;
}

export function listBandcampArtist(
  page: (url: string) => Promise<string>,
  base: string,
  band: string,
  options: ListingOptions,
): Promise<ArtistListing> {
  return readListing(
    'bandcamp',
    `${base}/music`,
    async (url) => {
      const html = await page(url);
      const name = /<meta property="og:site_name" content="([^"]*)"/.exec(html)?.[1];
      return {
        name: name ? decodeHtmlEntities(name) : undefined,
        items: bandcampMusicItems(html, band),
      };
    },
    options,
  );
}
