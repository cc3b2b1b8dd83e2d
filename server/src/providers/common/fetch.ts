import type { z } from 'zod';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/client.ts';
import { ProviderDataError } from '../../http/errors.ts';

/**
 * Checks upstream data against the shape the parser relies on, naming the first bad field;
 * `at` says where in the answer `data` sits ("tracks 12 attributes").
 */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  provider: string,
  url: string,
  at?: string,
): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.join('.');
  const where = at ? (path ? `${at}.${path}` : at) : path || 'the body';
  throw new ProviderDataError(provider, url, `unexpected response (${where}: ${issue.message})`);
}

/** GETs JSON and validates it; returns the response too, for its URL and time. */
export async function getJson<T extends z.ZodType>(
  http: HttpClient,
  provider: string,
  url: string,
  schema: T,
  init: Partial<HttpRequest> = {},
): Promise<{ data: z.output<T>; response: HttpResponse }> {
  const response = await http.request({ provider, url, expect: 'json', ...init });
  return { data: validate(schema, response.data, provider, url), response };
}
