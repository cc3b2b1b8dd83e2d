import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';

export const providersRouter = {
  /** Every registered provider with whether it runs, and why not when it does not. */
  list: publicProcedure.query(({ ctx }) => ctx.app.providers.statuses),
} satisfies TRPCRouterRecord;
