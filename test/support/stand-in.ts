/**
 * A local HTTP server on 127.0.0.1 that plays an upstream (a store API, MusicBrainz) in tests:
 * routes answer with set statuses, bodies, headers and delays, and every request is logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type StandInHandler = (request: StandInRequest, response: ServerResponse) => unknown;

export interface StandIn {
  url: string;
  host: string;
  requests: StandInRequest[];
  route(path: string, handler: StandInHandler): void;
  close(): Promise<void>;
}

export async function startStandIn(routes: Record<string, StandInHandler> = {}): Promise<StandIn> {
  const table = new Map(Object.entries(routes));
  const requests: StandInRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: StandInRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    requests.push(request);
    const handler =
      table.get(request.path) ?? table.get(request.path.split('?')[0]!) ?? table.get('*');
    if (!handler) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`no stand-in route for ${request.path}`);
      return;
    }
    try {
      await handler(request, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): StandInHandler =>
  (_req, res) => {
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));
  };

export const text =
  (body: string, status = 200, contentType = 'text/html'): StandInHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType }).end(body);
  };
