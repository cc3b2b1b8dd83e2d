import {
  checkUrlsInputSchema,
  comparisonSchema,
  lookupInputSchema,
  lookupResultSchema,
  queueStatusSchema,
  urlCheckSchema,
} from '@liner/shared';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { publicProcedure } from '../trpc.ts';

export const lookupRouter = {
  /** Looks a release up at every provider by store URL(s) and/or GTIN; stored under a permalink. */
  release: publicProcedure
    .input(lookupInputSchema)
    .output(lookupResultSchema)
    .mutation(({ ctx, input }) =>
      ctx.app.services.lookup.lookup(input, ctx.arrivedAt ? { arrivedAt: ctx.arrivedAt } : {}),
    ),
  /** What look-ups wait for now (MusicBrainz's queue and its estimate): the panel's progress. */
  queue: publicProcedure
    .output(queueStatusSchema)
    .query(({ ctx }) => ctx.app.services.lookup.queue()),
  /** A stored look-up, exactly as it was first returned. */
  get: publicProcedure
    .input(z.object({ id: z.string().max(64) }))
    .output(lookupResultSchema)
    .query(async ({ ctx, input }) => {
      const result = await ctx.app.services.lookup.get(input.id);
      if (!result)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `no look-up with permalink "${input.id}"`,
        });
      return result;
    }),
} satisfies TRPCRouterRecord;

export const musicbrainzRouter = {
  /** A release in MusicBrainz beside what the stores say: missing links, ISRCs, barcode, covers. */
  compare: publicProcedure
    .input(
      z.object({
        mbid: z.uuid({ error: 'a MusicBrainz release ID (a UUID)' }),
        refresh: z.boolean().default(false),
      }),
    )
    .output(comparisonSchema)
    .query(({ ctx, input }) =>
      ctx.app.services.compare.compare(input.mbid.toLowerCase(), {
        refresh: input.refresh,
        base: ctx.base,
        arrivedAt: ctx.arrivedAt,
      }),
    ),
  /** Which of these store URLs MusicBrainz already links (up to 100 at once). */
  checkUrls: publicProcedure
    .input(checkUrlsInputSchema)
    .output(z.array(urlCheckSchema))
    .query(({ ctx, input }) => ctx.app.services.urlCheck.check(input.urls, input.refresh)),
} satisfies TRPCRouterRecord;
