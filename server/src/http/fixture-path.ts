/**
 * The on-disk layout of recorded responses, shared with ../shared/fixtures/recorded: one file per
 * request URL, host reversed, pieces sanitized, long pieces cut and suffixed with a hash.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

const MAX_PIECE = 64;
const KEPT = 56;

function sanitize(piece: string): string {
  let decoded = piece;
  try {
    decoded = decodeURIComponent(piece);
  } catch {
    // Keep malformed escapes as they are.
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are illegal in file names
  return decoded.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '!');
}

function shorten(piece: string): string {
  if (piece.length <= MAX_PIECE) return piece;
  const digest = createHash('sha1').update(piece).digest('hex').slice(0, 7);
  return `${piece.slice(0, KEPT)}#${digest}`;
}

/** Relative path of the file that holds the response for `url` (kept exactly as requested). */
export function fixturePath(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]+)(.*)$/i.exec(url);
  if (!match) throw new Error(`not an absolute URL: ${url}`);
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const [, host = '', port] = /^([^:]*)(?::(\d+))?$/.exec(authority.toLowerCase()) ?? [];
  const reversed = isIP(host) === 4 ? host : host.split('.').reverse().join('.');
  const reversedHost = port ? `${reversed}:${port}` : reversed;
  const pieces = [scheme, reversedHost, ...rest.split('/')]
    .filter((piece) => piece !== '')
    .map((piece) => shorten(sanitize(piece)));
  return pieces.join('/');
}

export interface PieceQuery {
  base: string;
  params: [string, string][];
  /** The piece was cut, so its last visible parameter may be incomplete. */
  truncated: boolean;
}

/** Splits a final file name piece ("lookup!id=1&country=gb") into its path part and parameters. */
export function parsePiece(piece: string): PieceQuery {
  const truncated = /#[0-9a-f]{7}$/.test(piece) && piece.length === KEPT + 8;
  const visible = truncated ? piece.slice(0, KEPT) : piece;
  const bang = visible.indexOf('!');
  if (bang < 0) return { base: visible, params: [], truncated };
  const params = visible
    .slice(bang + 1)
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
  if (truncated) params.pop();
  return { base: visible.slice(0, bang), params, truncated };
}

/** Query keys that name what is asked for; others (limit, include, locale) only shape the answer. */
const IDENTIFYING =
  /^(id|ids|upc|ean|gtin|barcode|isrc|q|query|country|countrycode|market|region|offset|page|cursor|album_id|release_id|resource|type|filter!.*!)$/i;

export function isIdentifyingParam(key: string): boolean {
  return IDENTIFYING.test(key);
}

/**
 * Whether a recorded piece answers a requested piece that differs only in parameters that do
 * not identify the item (order, limits, includes). Truncated names are compared on what shows.
 */
export function pieceMatches(recorded: PieceQuery, requested: PieceQuery): boolean {
  if (recorded.base !== requested.base) return false;
  const want = new Map(requested.params.filter(([k]) => isIdentifyingParam(k)));
  const have = new Map(recorded.params.filter(([k]) => isIdentifyingParam(k)));
  for (const [key, value] of have) if (want.get(key) !== value) return false;
  if (!recorded.truncated) for (const key of want.keys()) if (!have.has(key)) return false;
  return true;
}
