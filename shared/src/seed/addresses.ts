/**
 * Where a seed points back to the Liner server: the permalink page its edit note cites and the
 * page MusicBrainz sends the user to after saving. The server and the extension (building a
 * seed offline) both use this, from the address the extension reaches the server at, so one
 * permalink gives one seed either way.
 */

// Loopback, private, link-local, "this network" and carrier-grade NAT (100.64.0.0/10, where
// Tailscale addresses live).
const PRIVATE_V4 =
  /^(10\.|127\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/;
/** Names only a local network resolves (RFC 6762, RFC 8375, common router defaults). */
const LOCAL_SUFFIXES = [
  '.localhost',
  '.local',
  '.lan',
  '.home',
  '.home.arpa',
  '.internal',
  '.localdomain',
  '.intranet',
  '.corp',
];

/**
 * Whether voters on MusicBrainz could open a page at this address: not loopback, not a private
 * or link-local network, not a bare machine name. An address they cannot open is noise in an
 * edit note (the note lists the store URLs either way).
 */
export function citableAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return citableHost(host);
}

/** A lower-case host name as URL gives it: IPv4 dotted, IPv6 bracketed and in hex pieces. */
function citableHost(host: string): boolean {
  if (host === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return !PRIVATE_V4.test(host);
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    // An IPv4 address written as IPv6: URL writes ::ffff:192.168.1.5 as ::ffff:c0a8:105.
    const mapped = /^::ffff:(.+)$/.exec(v6)?.[1];
    if (mapped) return citableHost(mappedV4(mapped));
    return !(v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || v6.startsWith('fe80'));
  }
  // "nas" or "liner": a name only the local network resolves.
  return host.includes('.');
}

/** The hex tail of an IPv4-mapped address ("c0a8:105") as dotted IPv4 ("192.168.1.5"). */
function mappedV4(tail: string): string {
  const [high = '0', low = '0'] = tail.split(':');
  const hi = Number.parseInt(high, 16);
  const lo = Number.parseInt(low, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export interface SeedAddresses {
  permalinkUrl?: string;
  redirectUri: string;
  /** The server itself: the builder keeps a redirect only on its origin. */
  serverUrl: string;
}

/** The addresses of look-up `id` on the server at `base` ("https://liner.example.org"). */
export function seedAddresses(base: string, id: string): SeedAddresses {
  const serverUrl = base.replace(/\/+$/, '');
  const page = `${serverUrl}/release/${id}`;
  return {
    ...(citableAddress(page) ? { permalinkUrl: page } : {}),
    redirectUri: `${page}/imported`,
    serverUrl,
  };
}

/**
 * Whether `url` is an http(s) address on the origin of the Liner server at `serverUrl`, without
 * credentials: the only place a seed's redirect_uri may send the editor, since MusicBrainz
 * appends the new release's MBID to it.
 */
export function leadsBackTo(url: string, serverUrl: string): boolean {
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url) || !URL.canParse(serverUrl))
    return false;
  const target = new URL(url);
  return !target.username && !target.password && target.origin === new URL(serverUrl).origin;
}
