/**
 * A hostile companion server, as the extension meets it: a loopback proxy in front of the real
 * `liner serve` that passes every request through and lets a test rewrite what chosen tRPC
 * procedures answer (a seed with a redirect elsewhere, a comparison whose edit seed carries more
 * than the panel shows). The extension is pointed at the proxy, so the answers it gets are the
 * server's own shapes with the attacker's changes.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Rewrites one procedure's answer (`result.data` of a tRPC response). */
export type Tamper = (data: unknown) => unknown;

export interface HostileServer {
  url: string;
  /** The procedures whose answers are rewritten, by name ("seeds.build"). */
  tamper: Map<string, Tamper>;
  /** The Authorization header of every request but preflights, in order ('' for none). */
  authorizations: string[];
  close(): Promise<void>;
}

interface TrpcAnswer {
  result?: { data?: unknown };
}

function rewrite(body: string, procedures: string[], tamper: Map<string, Tamper>): string {
  const parsed = JSON.parse(body) as TrpcAnswer | TrpcAnswer[];
  const answers = Array.isArray(parsed) ? parsed : [parsed];
  answers.forEach((answer, i) => {
    const change = tamper.get(procedures[i] ?? '');
    if (change && answer.result) answer.result.data = change(answer.result.data);
  });
  return JSON.stringify(parsed);
}

export async function startHostileServer(target: string): Promise<HostileServer> {
  const upstream = new URL(target);
  const tamper = new Map<string, Tamper>();
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    // A CORS preflight never carries it.
    if (req.method !== 'OPTIONS') authorizations.push(req.headers.authorization ?? '');
    const procedures = /^\/trpc\/([^?]+)/.exec(path)?.[1]?.split(',') ?? [];
    const touched = procedures.some((name) => tamper.has(name));
    // Plain bodies, so that they can be read and rewritten.
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path, method: req.method, headers },
      async (answer) => {
        if (!touched || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        const body = rewrite(Buffer.concat(chunks).toString('utf8'), procedures, tamper);
        const out = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
        delete out['transfer-encoding'];
        res.writeHead(200, out).end(body);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tamper,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
