/**
 * ws/2/url look-ups with up to 100 `resource` parameters per request. One URL answers the entity
 * itself (404 when unknown); several answer { urls: [...] } with the unknown ones left out.
 */
import { z } from 'zod';
import type { HttpClient } from '../http/client.ts';
import { UpstreamError } from '../http/errors.ts';
import { NO_LOOKUP } from '../http/lookup-context.ts';
import type { LookupContext, RequestSpan } from '../http/types.ts';
import { validate } from '../providers/common/fetch.ts';
import type { MbRelation } from '../repositories/types.ts';

export const MAX_URLS_PER_REQUEST = 100;
const INC = 'artist-rels+label-rels+release-rels+release-group-rels+recording-rels';

const relation = z
  .object({
    'target-type': z.string(),
    'type-id': z.string().optional(),
    ended: z.boolean().optional(),
  })
  .catchall(z.unknown());
const urlEntity = z.object({ resource: z.string(), relations: z.array(relation).default([]) });
const batchResponse = z.object({ urls: z.array(urlEntity) });

function toRelations(entity: z.infer<typeof urlEntity>): MbRelation[] {
  return entity.relations.flatMap((rel) => {
    const type = rel['target-type'];
    const target = rel[type] ?? rel[type.replace('-', '_')];
    const { id: mbid, title, name } = (target ?? {}) as Record<string, unknown>;
    if (typeof mbid !== 'string') return [];
    const shown = typeof title === 'string' ? title : typeof name === 'string' ? name : undefined;
    return [
      {
        targetType: type.replace('_', '-'),
        mbid,
        ended: rel.ended ?? false,
        typeId: rel['type-id'],
        ...(shown ? { title: shown } : {}),
      },
    ];
  });
}

export interface UrlLookupClient {
  /**
   * Relations of the URLs MusicBrainz knows; unknown URLs are absent from the map. `note` is
   * told of each request as it went on the network (sent to answered, after its budget slot).
   */
  lookup(
    urls: readonly string[],
    note?: (span: RequestSpan) => void,
  ): Promise<Map<string, MbRelation[]>>;
}

/** How long URLs are asked one by one after a batch was refused, before a batch is tried again. */
export const BATCH_RETRY_MS = 60 * 60 * 1000;

export function createUrlLookupClient(
  http: HttpClient,
  apiUrl: string,
  now: () => number = Date.now,
): UrlLookupClient {
  // Batches of up to 100 URLs exist since 2025; an older server or mirror answers a batch with
  // the first URL only or refuses it. Then URLs are asked alone for a while: one odd answer from
  // a server that does batch must not cost every later look-up a second per URL for good.
  let singleUntil = Number.NEGATIVE_INFINITY;
  const batching = () => now() >= singleUntil;

  async function request(
    urls: readonly string[],
    lookup: LookupContext,
  ): Promise<unknown | undefined> {
    const query = urls.map((url) => `resource=${encodeURIComponent(url)}`).join('&');
    const requestUrl = `${apiUrl}/ws/2/url?${query}&inc=${INC}&fmt=json`;
    try {
      const request = { provider: 'musicbrainz', url: requestUrl, expect: 'json' } as const;
      return (await http.request(request, lookup)).data;
    } catch (error) {
      // A batch of one behaves like a single look-up: 404 means "unknown URL", not a failure.
      if (urls.length === 1 && error instanceof UpstreamError && error.kind === 'not-found')
        return undefined;
      throw error;
    }
  }

  async function one(
    url: string,
    found: Map<string, MbRelation[]>,
    lookup: LookupContext,
  ): Promise<void> {
    const data = await request([url], lookup);
    if (data !== undefined) {
      const entity = validate(urlEntity, data, 'musicbrainz', url);
      found.set(entity.resource, toRelations(entity));
    }
  }

  async function batch(
    chunk: readonly string[],
    found: Map<string, MbRelation[]>,
    lookup: LookupContext,
  ): Promise<void> {
    let data: unknown;
    try {
      data = await request(chunk, lookup);
    } catch (error) {
      if (!(error instanceof UpstreamError && error.status === 400)) throw error;
      data = undefined;
    }
    const parsed = data === undefined ? undefined : batchResponse.safeParse(data);
    if (!parsed?.success) {
      singleUntil = now() + BATCH_RETRY_MS;
      for (const url of chunk) await one(url, found, lookup);
      return;
    }
    for (const entity of parsed.data.urls) found.set(entity.resource, toRelations(entity));
  }

  return {
    async lookup(urls, note) {
      const lookup = note ? { ...NO_LOOKUP, noteRequest: note } : NO_LOOKUP;
      const found = new Map<string, MbRelation[]>();
      for (let i = 0; i < urls.length; ) {
        const size = batching() ? MAX_URLS_PER_REQUEST : 1;
        const chunk = urls.slice(i, i + size);
        i += chunk.length;
        if (chunk.length === 1) await one(chunk[0]!, found, lookup);
        else await batch(chunk, found, lookup);
      }
      return found;
    },
  };
}
