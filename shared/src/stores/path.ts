import type { EntityType } from '../entity.ts';

/** Maps a store's path keyword ("album", "interpreter") to the entity type it names. */
export type TypeKeywords = Readonly<Record<string, EntityType>>;

export interface TypedPath {
  type: EntityType;
  id: string;
  /** The segment before the type keyword when it was a locale or storefront ("fr", "us-en"). */
  locale?: string;
  /** The segment between the keyword and the ID, where the store puts a slug there. */
  slug?: string;
}

export interface TypedPathOptions {
  keywords: TypeKeywords;
  id: RegExp;
  /** Prefix segments that may stand before the keyword (locales, "browse", "intl-de"). */
  prefix?: RegExp;
  /** Whether a slug segment stands between the keyword and the ID ("/release/<slug>/<id>"). */
  slugBeforeId?: boolean | 'optional';
}

/**
 * Reads "[prefix/]<keyword>/[slug/]<id>[/anything]" paths, the shape most stores share. Extra
 * trailing segments ("/tracks", "/u") are tolerated so that sub-pages still resolve to the entity.
 */
export function matchTypedPath(
  segments: readonly string[],
  options: TypedPathOptions,
): TypedPath | undefined {
  let index = 0;
  let locale: string | undefined;
  while (index < segments.length && options.prefix?.test(segments[index]!)) {
    locale = segments[index];
    index++;
  }
  const keyword = segments[index]?.toLowerCase();
  if (keyword === undefined || !Object.hasOwn(options.keywords, keyword)) return undefined;
  const type = options.keywords[keyword]!;
  const rest = segments.slice(index + 1);
  const candidates: { slug?: string; id: string | undefined }[] = [];
  if (options.slugBeforeId === true) candidates.push({ slug: rest[0], id: rest[1] });
  else if (options.slugBeforeId === 'optional') {
    candidates.push({ id: rest[0] }, { slug: rest[0], id: rest[1] });
  } else candidates.push({ id: rest[0] });
  for (const candidate of candidates) {
    if (candidate.id !== undefined && options.id.test(candidate.id)) {
      const path: TypedPath = { type, id: candidate.id };
      if (locale !== undefined) path.locale = locale;
      if (candidate.slug !== undefined) path.slug = candidate.slug;
      return path;
    }
  }
  return undefined;
}

/** Upper-case region from a locale segment such as "us", "gb-en" or "intl-de". */
export function regionFromLocale(locale: string | undefined, pattern: RegExp): string | undefined {
  const match = locale ? pattern.exec(locale) : null;
  return match?.[1]?.toUpperCase();
}
