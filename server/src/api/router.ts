/** The API: one router per domain. The extension imports only the AppRouter type. */
import { lookupRouter, musicbrainzRouter } from './routers/lookup.ts';
import { providersRouter } from './routers/providers.ts';
import { seedsRouter } from './routers/seeds.ts';
import { systemRouter } from './routers/system.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  system: systemRouter,
  providers: providersRouter,
  lookup: lookupRouter,
  musicbrainz: musicbrainzRouter,
  seeds: seedsRouter,
});

export type AppRouter = typeof appRouter;
