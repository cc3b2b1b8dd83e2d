import { systemInfoSchema } from '@liner/shared';
import type { TRPCRouterRecord } from '@trpc/server';
import { VERSION } from '../../version.ts';
import { publicProcedure } from '../trpc.ts';

export const systemRouter = {
  /** Version, database kind and MusicBrainz target, for the extension's "test connection". */
  info: publicProcedure.output(systemInfoSchema).query(({ ctx }) => ({
    name: 'liner' as const,
    version: VERSION,
    database: ctx.app.database.kind,
    musicbrainz: ctx.app.config.musicbrainz.editorUrl,
    client: ctx.client,
  })),
} satisfies TRPCRouterRecord;
