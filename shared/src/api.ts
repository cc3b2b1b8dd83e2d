/** Inputs of the API procedures, shared so the extension and the CLI validate before sending. */
import { z } from 'zod';
import { mbidSchema, providerNameSchema } from './model.ts';

export const MAX_URLS_TO_CHECK = 100;

export const regionSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z]{2}$/, { error: 'a region is an ISO 3166-1 alpha-2 code such as GB' }),
  );

/**
 * A submitted URL without the user name and password it may carry ("https://user:pw@host/"):
 * no store URL needs them, and a look-up is stored and served back to anyone with its
 * permalink. Nothing else of the URL is changed.
 */
export function withoutCredentials(url: string): string {
  // Up to the last "@" before the path: a password may hold an unescaped "@" of its own.
  return url.replace(/^(\s*[a-z][a-z\d+.-]*:\/\/)[^/?#\\]*@/i, '$1');
}

const submittedUrl = z
  .string()
  .max(2048, { error: 'a URL of at most 2048 characters' })
  .transform(withoutCredentials);

export const lookupInputSchema = z
  .object({
    urls: z.array(submittedUrl).max(100).default([]),
    gtin: z.string().trim().max(32).optional(),
    regions: z.array(regionSchema).max(30).optional(),
    providers: z.array(providerNameSchema).max(20).optional(),
    /** When providers found different releases, merge the one this provider found (and those matching it). */
    prefer: providerNameSchema.optional(),
    /** Ask the providers again even when the database holds a fresh answer. */
    refresh: z.boolean().default(false),
  })
  .refine((input) => input.urls.length > 0 || Boolean(input.gtin), {
    error: 'a look-up needs at least one store URL or a GTIN',
  });
export type LookupInput = z.input<typeof lookupInputSchema>;
export type ParsedLookupInput = z.output<typeof lookupInputSchema>;

export const checkUrlsInputSchema = z.object({
  urls: z
    .array(submittedUrl)
    .min(1)
    .max(MAX_URLS_TO_CHECK, { error: `at most ${MAX_URLS_TO_CHECK} URLs per request` }),
  refresh: z.boolean().default(false),
});

/** One URL's answer to "is this already in MusicBrainz?". */
export const urlCheckSchema = z.object({
  url: z.string(),
  /** "unknown" when MusicBrainz could not be asked just now (the error says why). */
  status: z.enum(['linked', 'not-linked', 'invalid', 'unknown']),
  canonicalUrl: z.string().optional(),
  entityType: z.string().optional(),
  /** MusicBrainz entities of the page's type the URL is linked to. */
  // Checked: clients build MusicBrainz links from these.
  mbids: z.array(mbidSchema).default([]),
  /** What MusicBrainz calls each of them (a release's title, an artist's name), by MBID. */
  titles: z.record(z.string(), z.string().max(1000)).optional(),
  error: z.string().optional(),
});
export type UrlCheck = z.infer<typeof urlCheckSchema>;
