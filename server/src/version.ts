import { readFileSync } from 'node:fs';

/** The server package version, sent in the User-Agent and shown by `liner --version`. */
export const VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

export function userAgent(contact: string): string {
  return `Liner/${VERSION} ( ${contact} )`;
}
