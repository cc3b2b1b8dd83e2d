/** The API: one router per domain. The extension imports only the AppRouter type. */
import { discographyRouter } from './routers/discography.ts';
import { lookupRouter, musicbrainzRouter } from './routers/lookup.ts';
import { providersRouter } from './routers/providers.ts';
import { seedsRouter } from './routers/seeds.ts';
import { systemRouter } from './routers/system.ts';
import { router } from './trpc.ts';

const domains = {
  system: systemRouter,
  providers: providersRouter,
  lookup: lookupRouter,
  musicbrainz: musicbrainzRouter,
  seeds: seedsRouter,
  discography: discographyRouter,
};

export const appRouter = router(domains);

export type AppRouter = typeof appRouter;

/** Every procedure the API has, by dotted path ("lookup.release"), read from the plain routers. */
export const PROCEDURE_PATHS: ReadonlySet<string> = new Set(
  Object.entries(domains).flatMap(([domain, procedures]) =>
    Object.keys(procedures).map((name) => `${domain}.${name}`),
  ),
);
