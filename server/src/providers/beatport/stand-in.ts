/** For stand-in servers (the e2e): a Beatport page with the kept JSON as its Next.js data. */
export const standInPages = {
  api(data: Record<string, unknown>): string {
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    return `<!DOCTYPE html><html><head></head><body><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
  },
};
