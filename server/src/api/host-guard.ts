/**
 * DNS-rebinding protection. A web page can point a name it controls at 127.0.0.1 and then talk
 * to a loopback server as its own origin, with no Origin header and no CORS in the way. The
 * Host header still carries the page's name, so an unprotected server answers only requests
 * addressed to a loopback name or to the address the operator configured.
 */
import { isIP } from 'node:net';
import type { Config } from '../config/schema.ts';
import { type Guard, refuse } from './route.ts';

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/** Whether the API asks for a bearer token (server.apiToken or server.apiTokens). */
export function hasApiToken(config: Config): boolean {
  const { apiToken, apiTokens } = config.server;
  return Boolean(apiToken) || Object.keys(apiTokens).length > 0;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a Host header value ("127.0.0.1:5733", "[::1]:80", "liner.example"). */
export function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

const bare = (name: string) => name.toLowerCase().replace(/^\[|\]$/g, '');

export function hostGuard(config: Config): Guard {
  const { host, publicUrl, allowedHosts } = config.server;
  // A token protects the API wherever the request comes from. Without one, even a server on
  // every interface (a container publishing its port on 127.0.0.1) answers only known names.
  if (hasApiToken(config)) return () => true;
  const allowed = new Set(allowedHosts.map(bare));
  if (!WILDCARDS.has(host)) allowed.add(bare(host));
  if (publicUrl) allowed.add(bare(new URL(publicUrl).hostname));
  return (req, reply) => {
    const name = hostName(req.headers.host ?? '');
    if (isLoopback(name) || allowed.has(name)) return true;
    return refuse(reply, 403, {
      error: `requests for host "${name || '(none)'}" are not accepted; set server.publicUrl (or server.allowedHosts) to the address this server is reached at, or give it an API token`,
    });
  };
}

/**
 * The address the client reached this server at, from its Host header: where links back to this
 * server (a seed's redirect, the permalink it cites) should point for that client. Without a
 * token the host guard has checked the name; with one it has not, and need not: the Host only
 * shapes the answer to whoever sent it (pages are sent with no-store, so no shared cache keeps
 * one client's answer for another). Behind a proxy, server.publicUrl is what is used instead.
 */
export function requestBase(hostHeader: string | undefined): string | undefined {
  return hostHeader ? `http://${hostHeader}` : undefined;
}
