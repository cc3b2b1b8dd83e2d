/** For stand-in servers (the e2e): a mora package page with the kept arguments in its meta tag. */
import { htmlAttribute } from '../common/html.ts';

export const standInPages = {
  page: (data: Record<string, unknown>): string =>
    `<!DOCTYPE html><html><head><meta name="msApplication-Arguments" content="${htmlAttribute(JSON.stringify(data))}"></head><body></body></html>`,
};
