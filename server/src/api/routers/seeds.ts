import { builtSeedSchema, followUpActionsSchema } from '@liner/shared';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../trpc.ts';
import { publicProcedure } from '../trpc.ts';

const permalink = z.string().max(64);
// MusicBrainz writes MBIDs in lower case; compared and posted as such.
const mbid = z
  .uuid({ error: 'a MusicBrainz release ID (a UUID)' })
  .transform((id) => id.toLowerCase());

async function stored(ctx: Context, id: string) {
  const result = await ctx.app.services.lookup.get(id);
  if (!result)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no look-up with permalink "${id}"` });
  if (!result.release)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'this look-up found no release to seed',
    });
  return result;
}

export const seedsRouter = {
  /** The release-editor seed for a look-up: a new release, or missing links for an existing one. */
  build: publicProcedure
    .input(
      z.object({ id: permalink, existing: mbid.optional(), makeVotable: z.boolean().optional() }),
    )
    .output(builtSeedSchema)
    .query(async ({ ctx, input }) => {
      const result = await stored(ctx, input.id);
      return ctx.app.services.seeds.seed(result, {
        ...(ctx.base ? { base: ctx.base } : {}),
        ...(input.existing ? { existing: input.existing } : {}),
        ...(input.makeVotable ? { makeVotable: true } : {}),
      });
    }),
  /** MagicISRC, artist/label link seeds and cover art for a release made from this look-up. */
  followUps: publicProcedure
    .input(z.object({ id: permalink, releaseMbid: mbid }))
    .output(followUpActionsSchema)
    .query(async ({ ctx, input }) => {
      return ctx.app.services.seeds.followUps(
        await stored(ctx, input.id),
        input.releaseMbid,
        ctx.base,
      );
    }),
} satisfies TRPCRouterRecord;
