/**
 * An in-memory stand-in for fetch: answers URLs from a table and records what was asked, for
 * provider tests whose requests cannot be laid out as replay files (paging beside the item).
 */
export interface FakeReply {
  status?: number;
  body: string | object;
  headers?: Record<string, string>;
}

export interface FakeFetch {
  fetch: typeof fetch;
  requests: string[];
}

export function fakeFetch(routes: Record<string, FakeReply | string | object>): FakeFetch {
  const requests: string[] = [];
  const fetchImpl = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    const route = routes[url];
    if (route === undefined) return new Response(`no stand-in for ${url}`, { status: 404 });
    const reply: FakeReply =
      typeof route === 'object' && route !== null && 'body' in route
        ? (route as FakeReply)
        : { body: route as string | object };
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(body, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}
