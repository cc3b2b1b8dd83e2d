/**
 * Store pages around stored JSON, for the providers that scrape: the corpus keeps what the
 * provider extracts from a page (each provider's extract.ts), and a live provider fetches the page
 * itself, so the stand-in puts the JSON back where the store's page has it. Each scraping
 * provider says how, per endpoint, in its folder's stand-in.ts (`standInPages`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type PageBuilders = Record<string, (data: Record<string, unknown>) => string>;

const PROVIDERS = new URL('../../../server/src/providers/', import.meta.url);
const builders = new Map<string, PageBuilders | undefined>();

async function buildersOf(provider: string): Promise<PageBuilders | undefined> {
  if (!builders.has(provider)) {
    const file = new URL(`${provider}/stand-in.ts`, PROVIDERS);
    builders.set(
      provider,
      existsSync(fileURLToPath(file))
        ? ((await import(file.href)) as { standInPages: PageBuilders }).standInPages
        : undefined,
    );
  }
  return builders.get(provider);
}

/** Loads every scraping provider's page builders, so that scrapedPage can answer at once. */
export async function loadScrapedPages(providers: Iterable<string>): Promise<void> {
  for (const provider of providers) await buildersOf(provider);
}

/** The HTML page for a stored file of a scraping provider's endpoint; undefined for APIs. */
export function scrapedPage(provider: string, endpoint: string, file: string): string | undefined {
  const page = builders.get(provider)?.[endpoint];
  return page ? page(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}
