import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/providers.ts';
import { hostGuard, hostName } from './host-guard.ts';
import type { RouteContext } from './route.ts';

/** Runs the guard on a request with this Host header; returns the status it answered, or 'pass'. */
function ask(env: Record<string, string>, host: string | undefined): number | 'pass' {
  let status: number | undefined;
  const reply = {
    code(code: number) {
      status = code;
      return this;
    },
    headers() {
      return this;
    },
    send() {
      return this;
    },
  } as unknown as FastifyReply;
  const req = { headers: host === undefined ? {} : { host } } as FastifyRequest;
  const passed = hostGuard(testConfig(env))(req, reply, {} as RouteContext);
  return passed ? 'pass' : status!;
}

describe('Host check (DNS rebinding)', () => {
  it('reads host names from Host headers, IPv6 and ports included', () => {
    expect(hostName('127.0.0.1:5733')).toBe('127.0.0.1');
    expect(hostName('[::1]:80')).toBe('::1');
    expect(hostName('Liner.Example')).toBe('liner.example');
  });

  it('answers loopback names, the public URL and allowed hosts when there is no token', () => {
    expect(ask({}, 'localhost:5733')).toBe('pass');
    expect(ask({}, 'rebound.attacker.example')).toBe(403);
    expect(ask({}, undefined)).toBe(403);
    const pub = { LINER_PUBLIC_URL: 'https://liner.example.org' };
    expect(ask(pub, 'liner.example.org')).toBe('pass');
    expect(ask({ LINER_SERVER__ALLOWED_HOSTS: 'nas.local,192.168.1.5' }, '192.168.1.5:5733')).toBe(
      'pass',
    );
  });

  it('checks names even on every interface without a token, and not at all with one', () => {
    const open = { LINER_HOST: '0.0.0.0', LINER_ALLOW_REMOTE: 'true' };
    expect(ask(open, '127.0.0.1:5733')).toBe('pass');
    expect(ask(open, 'rebound.attacker.example')).toBe(403);
    expect(ask({ LINER_API_TOKEN: 'a-token-of-sixteen-chars' }, 'anything.example')).toBe('pass');
  });
});
