/** Example Store's API answers, only the fields the parser reads; optional where it may omit them. */
import { z } from 'zod';

export const exampleAlbum = z.object({
  id: z.number(),
  title: z.string(),
  artist: z.object({ id: z.number(), name: z.string() }),
  upc: z.string().optional(),
  release_date: z.string().optional(),
  label: z.string().optional(),
  tracks: z.array(
    z.object({
      title: z.string(),
      disc: z.number().int().positive().default(1),
      number: z.number().int().positive(),
      duration_ms: z.number().int().nonnegative().optional(),
      isrc: z.string().optional(),
    }),
  ),
});
export type ExampleAlbum = z.infer<typeof exampleAlbum>;
