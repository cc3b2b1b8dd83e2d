import { providerStatusSchema } from '@liner/shared';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { publicProcedure } from '../trpc.ts';

export const providersRouter = {
  /** Every registered provider with whether it runs, and why not when it does not. */
  list: publicProcedure
    .output(z.array(providerStatusSchema))
    .query(({ ctx }) => ctx.app.providers.statuses),
} satisfies TRPCRouterRecord;
