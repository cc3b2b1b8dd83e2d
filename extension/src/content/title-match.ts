/**
 * Finding a release page's title on markup no anchor knows (a store's redesign, a store whose
 * real pages differ from what the anchors expect): the page's `h1` and `itemprop="name"` elements,
 * matched against what the page and MusicBrainz say the title is. The page says it in its
 * `og:title`, usually with the artist after a separator ("Discovery - Daft Punk",
 * "Discovery by Daft Punk | Store"); MusicBrainz and the look-up say it exactly. Nothing here is
 * store data Liner uses: only where to put the button.
 */

/** Case, accents' forms, punctuation and spacing aside: the words of a title. */
export function titleWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What may follow a title in og:title: the artist, the store's name or a type. */
const AFTER_TITLE = /^\s*(?:[-–—|·:•/(,[]|by\s|von\s|de\s|par\s|di\s|av\s)/i;

/** Whether `element` text is the title the page's og:title starts with. */
function startsPageTitle(text: string, pageTitle: string): boolean {
  const title = pageTitle.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const candidate = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!candidate || candidate.length > title.length) return false;
  if (title.slice(0, candidate.length).toLocaleLowerCase() !== candidate.toLocaleLowerCase())
    return false;
  const rest = title.slice(candidate.length);
  return rest === '' || AFTER_TITLE.test(rest);
}

/**
 * Whether an element's text names a known release title: the same words, or the title with an
 * edition note after it on the page ("Discovery (Remastered)").
 */
function namesTitle(text: string, title: string): boolean {
  const a = titleWords(text);
  const b = titleWords(title);
  return a !== '' && b !== '' && (a === b || a.startsWith(`${b} `));
}

const CANDIDATES = 'h1, [itemprop="name"]';
const HIDDEN = '[hidden], [aria-hidden="true"], template, noscript, head, script, style';
/** A track's name in the tracklist's microdata is not the release's, even on a single. */
const TRACK = '[itemprop="track"], [itemtype*="MusicRecording"]';

export interface TitleSources {
  /** Titles known for certain (MusicBrainz's, the look-up's). */
  known: readonly string[];
}

/**
 * The element that holds the release title, if the page has one: `h1` first, then
 * `itemprop="name"`, each matched against the known titles and then the page's og:title.
 * `skip` leaves out Liner's own elements.
 */
export function findTitleElement(
  doc: Document,
  sources: TitleSources,
  skip: (element: Element) => boolean = () => false,
): Element | undefined {
  const pageTitle =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ?? '';
  const candidates = [...doc.querySelectorAll(CANDIDATES)]
    .filter((element) => !element.closest(HIDDEN) && !element.closest(TRACK) && !skip(element))
    // Headings before microdata names: the visible title is usually the h1.
    .sort((a, b) => Number(a.localName !== 'h1') - Number(b.localName !== 'h1'));
  const text = (element: Element) => element.textContent ?? '';
  for (const title of sources.known) {
    const found = candidates.find((element) => namesTitle(text(element), title));
    if (found) return found;
  }
  if (!pageTitle) return undefined;
  return candidates.find((element) => startsPageTitle(text(element), pageTitle));
}
