import {
  discographyInputSchema,
  discographyProgressInputSchema,
  discographyProgressSchema,
  discographySchema,
} from '@liner/shared';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';

export const discographyRouter = {
  /** An artist's releases at a store (every page), each with its state in MusicBrainz. */
  artist: publicProcedure
    .input(discographyInputSchema)
    .output(discographySchema)
    .query(({ ctx, input }) => ctx.app.services.discography.artist(input)),
  /** How far the listing started with this progress ID is; null when none is known. */
  progress: publicProcedure
    .input(discographyProgressInputSchema)
    .output(discographyProgressSchema.nullable())
    .query(({ ctx, input }) => ctx.app.services.discography.progress(input.progressId)),
} satisfies TRPCRouterRecord;
