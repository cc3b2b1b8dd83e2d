/**
 * OTOTOY release page -> the object Liner keeps of it (api.ts; the shape of the recorded
 * corpus). OTOTOY embeds no data, so the page itself is read, through a DOM: the cover in
 * `.album-artwork`, title, artists, dates, label and catalog number in `.album-meta-data`, and
 * the `#tracklist` table, whose "DISC n" rows start each disc. Dates and the catalog number are
 * read by their form, so the page's English and Japanese labels both do. Pure: the HTTP layer
 * applies it to the fetched page and stores only the result. The DOM (linkedom) is loaded at the
 * first OTOTOY look-up, not when the server starts.
 */
type ParseHtml = (html: string) => { document: unknown };

const ORIGIN = 'https://ototoy.jp';
const DATE = /(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})/;
const LENGTH = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

type Node = { textContent: string | null; getAttribute(name: string): string | null };
type Root = {
  querySelector(selector: string): (Node & Root) | null;
  querySelectorAll(
    selector: string,
  ): Iterable<Node & Root & { classList: { contains(c: string): boolean } }>;
};

/** An element's text, trimmed; the markup's line breaks become spaces, spaces written are kept. */
const text = (node: Node | null | undefined) =>
  node?.textContent?.replace(/\s*\n\s*/g, ' ').trim() ?? '';

function linked(anchor: Node | null, name = text(anchor)) {
  const href = anchor?.getAttribute('href');
  return href && name ? { name, url: new URL(href, ORIGIN).href } : undefined;
}

function isoDate(value: string): string | undefined {
  const match = DATE.exec(value);
  return match
    ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`
    : undefined;
}

function seconds(value: string): number | undefined {
  const match = LENGTH.exec(value);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function albumMeta(meta: Root) {
  const title = text(meta.querySelector('h1.album-title, h1'));
  if (!title) throw new Error('the page has no album title (.album-meta-data h1)');
  const artists = [...meta.querySelectorAll('.album-artist span.album-artist, span.album-artist')]
    .map((span) => linked(span.querySelector('a'), text(span)))
    .filter((artist) => artist !== undefined);
  const dates: { releaseDate?: string; originalReleaseDate?: string } = {};
  for (const line of meta.querySelectorAll('.release-day')) {
    const date = isoDate(text(line));
    if (!date) continue;
    if (/original|オリジナル|発売/i.test(text(line))) dates.originalReleaseDate = date;
    else dates.releaseDate = date;
  }
  const label = linked(meta.querySelector('.label-name a'));
  const catalogNumber = text(meta.querySelector('.catalog-id'))
    .split(/[:：]/)
    .slice(1)
    .join(':')
    .trim();
  return {
    title,
    artists,
    ...dates,
    ...(label ? { label: { ...label, ...(catalogNumber ? { catalogNumber } : {}) } } : {}),
  };
}

function trackList(document: Root) {
  const tracks = [];
  let disc: number | undefined;
  for (const row of document.querySelectorAll('#tracklist tr')) {
    if (row.classList.contains('disc-row')) {
      const number = /\d+/.exec(text(row))?.[0];
      if (number) disc = Number(number);
      continue;
    }
    const trackNumber = Number.parseInt(text(row.querySelector('.num')), 10);
    const title = text(row.querySelector('span[id^="title-"]'));
    if (!Number.isInteger(trackNumber) || !title) continue;
    const artists = [...row.querySelectorAll('a.artist')]
      .map((anchor) => linked(anchor))
      .filter((artist) => artist !== undefined);
    const duration = [...row.querySelectorAll('td')]
      .map((cell) => seconds(text(cell)))
      .find((s) => s !== undefined);
    tracks.push({
      title,
      ...(artists.length ? { artists } : {}),
      ...(disc !== undefined ? { discNumber: disc } : {}),
      trackNumber,
      ...(duration !== undefined ? { duration } : {}),
    });
  }
  return tracks;
}

function readPage(parseHtml: ParseHtml, html: string): unknown {
  const { document } = parseHtml(html) as unknown as { document: Root };
  const meta = document.querySelector('.album-meta-data');
  if (!meta) throw new Error('the page has no album data (.album-meta-data): not a release page?');
  const thumbUrl = document.querySelector('.album-artwork img')?.getAttribute('src');
  return {
    ...(thumbUrl ? { thumbUrl: new URL(thumbUrl, ORIGIN).href } : {}),
    albumMeta: albumMeta(meta),
    trackList: trackList(document),
  };
}

let reader: Promise<(html: string) => unknown> | undefined;

/** The page reader, its DOM loaded once on first use. */
export function ototoyPageReader(): Promise<(html: string) => unknown> {
  reader ??= import('linkedom').then(
    ({ parseHTML }) =>
      (html: string) =>
        readPage(parseHTML as ParseHtml, html),
  );
  return reader;
}
