/**
 * Just enough HTML reading for scraped stores (Bandcamp, Beatport): find a tag by attribute,
 * read its attributes with entities decoded, read a script's raw text. Regular expressions over
 * the page instead of a DOM: the data sits in a few well-known places, and a parser dependency
 * would buy nothing but weight.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function codePoint(value: number, original: string): string {
  // Invalid or surrogate code points are left as written rather than turned into garbage.
  if (!Number.isInteger(value) || value < 0 || value > 0x10ffff) return original;
  if (value >= 0xd800 && value <= 0xdfff) return original;
  return String.fromCodePoint(value);
}

/** Decodes character references: named (the common ones), decimal and hexadecimal. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec, hex, name) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10), whole);
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16), whole);
    return NAMED[name] ?? whole;
  });
}

export interface HtmlTag {
  /** Attribute names in lower case, values with entities decoded ('' for bare attributes). */
  attributes: Record<string, string>;
  /** Offset just after the tag's closing '>'. */
  end: number;
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (name in attributes) continue;
    attributes[name] = decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Every opening tag of a kind, in page order. Quoted values may contain '>'. */
export function* findTags(html: string, tagName: string): Generator<HtmlTag> {
  const pattern = new RegExp(`<${tagName}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  for (const match of html.matchAll(pattern)) {
    yield { attributes: parseAttributes(match[1]!), end: match.index + match[0].length };
  }
}

/**
 * The decoded value of the first quoted attribute with this name anywhere on the page. Meant for
 * distinctive names (data-tralbum) that appear nowhere but on their tag.
 */
export function attributeValue(html: string, attribute: string): string | undefined {
  const name = attribute.replace(/[^a-z0-9-]/gi, '');
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(html);
  return match ? decodeHtmlEntities(match[1] ?? match[2] ?? '') : undefined;
}

/** Content of a <meta> tag named by its property (Open Graph) or name attribute. */
export function metaContent(html: string, key: string): string | undefined {
  for (const { attributes } of findTags(html, 'meta')) {
    if ((attributes.property === key || attributes.name === key) && 'content' in attributes)
      return attributes.content;
  }
  return undefined;
}

/** Raw text of the <script> with this id; script text is not entity-encoded. */
export function scriptText(html: string, id: string): string | undefined {
  for (const tag of findTags(html, 'script')) {
    if (tag.attributes.id !== id) continue;
    const close = html.toLowerCase().indexOf('</script', tag.end);
    return close < 0 ? undefined : html.slice(tag.end, close);
  }
  return undefined;
}

/** href values of the page's links, in page order. */
export function linkTargets(html: string): { href: string; rel: string }[] {
  const links: { href: string; rel: string }[] = [];
  for (const { attributes } of findTags(html, 'a')) {
    if (attributes.href) links.push({ href: attributes.href, rel: attributes.rel ?? '' });
  }
  return links;
}

/** Text for an attribute value in double quotes (for stand-in pages built from kept data). */
export function htmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Text for an element's content. */
export function htmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
