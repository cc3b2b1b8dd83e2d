/**
 * Access to the companion server's host, asked for on the options page's Save and Test, and
 * given back when the server changes: the old server's host permission would otherwise stay
 * granted for good, to a host Liner no longer talks to.
 */

/** Match patterns carry no port: access to the host covers the server on any port. */
export function serverOriginPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

interface Permissions {
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * After the server changed from `previous` to `next`: gives back the previous server's host,
 * unless the new server is on the same one. A host the manifest requires (a store's) cannot be
 * given back; the browser's refusal is not an error here.
 */
export async function releaseOldServer(
  permissions: Permissions,
  previous: string,
  next: string,
): Promise<boolean> {
  const old = serverOriginPattern(previous);
  if (old === serverOriginPattern(next)) return false;
  return permissions.remove({ origins: [old] }).catch(() => false);
}
