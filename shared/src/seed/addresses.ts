/**
 * Where a seed points back to the Liner server: the permalink page its edit note cites and the
 * page MusicBrainz sends the user to after saving. The server and the extension (building a
 * seed offline) both use this, from the address the extension reaches the server at, so one
 * permalink gives one seed either way.
 */

const PRIVATE_V4 = /^(10\.|127\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/;

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
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return !PRIVATE_V4.test(host);
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    return !(v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || v6.startsWith('fe80'));
  }
  // "nas" or "liner": a name only the local network resolves.
  return host.includes('.');
}

export interface SeedAddresses {
  permalinkUrl?: string;
  redirectUri: string;
}

/** The addresses of look-up `id` on the server at `base` ("https://liner.example.org"). */
export function seedAddresses(base: string, id: string): SeedAddresses {
  const page = `${base.replace(/\/+$/, '')}/release/${id}`;
  return {
    ...(citableAddress(page) ? { permalinkUrl: page } : {}),
    redirectUri: `${page}/imported`,
  };
}
