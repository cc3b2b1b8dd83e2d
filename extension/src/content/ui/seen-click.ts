/**
 * Clickjacking: a store page can make Liner's host transparent, hide it or shrink it, and put its
 * own decoy where the user clicks, so that a real click (isTrusted) lands on Liner's button
 * without the user knowing. Buttons that start a look-up or post a seed therefore act only on a
 * click the user could see: the button and every element around it, up through Liner's host and
 * the page, fully opaque (at least 0.9 in all) and visible, of a usable size inside the window,
 * and at the click's point the page's top element is Liner's host and the host's is the button.
 */
import { byUser } from './user-action.ts';

/** The element around `element`, crossing out of a shadow root to its host. */
function parentAcross(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

const MIN_SIZE = 8;
const MIN_OPACITY = 0.9;

/** An opacity() in a filter list ("opacity(0.1) blur(2px)"), as a number, or 1. */
function filterOpacity(filter: string): number {
  const match = /opacity\(\s*([\d.]+)(%?)\s*\)/.exec(filter);
  if (!match) return 1;
  return Number(match[1]) / (match[2] ? 100 : 1);
}

/** Why the user could not have seen `button` when `event` clicked it, or undefined. */
export function unseenReason(event: MouseEvent, button: Element): string | undefined {
  const root = button.getRootNode();
  const win = button.ownerDocument.defaultView;
  if (!win) return 'not in a window';
  const box = button.getBoundingClientRect();
  if (box.width < MIN_SIZE || box.height < MIN_SIZE) return 'too small to see';
  // A key press (Enter, Space) clicks at no point: the button's middle stands for it.
  const keyboard = event.detail === 0 && event.clientX === 0 && event.clientY === 0;
  const x = keyboard ? box.left + box.width / 2 : event.clientX;
  const y = keyboard ? box.top + box.height / 2 : event.clientY;
  if (x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) return 'outside the window';
  let opacity = 1;
  for (let element: Element | null = button; element; element = parentAcross(element)) {
    const style = win.getComputedStyle(element);
    // Browsers always compute these; a DOM without layout gives '' for "not set".
    opacity *= Number(style.opacity || 1) * filterOpacity(style.filter || '');
    if (style.visibility && style.visibility !== 'visible') return 'hidden';
    if (style.display === 'none') return 'hidden';
  }
  if (opacity < MIN_OPACITY) return 'transparent';
  const top = button.ownerDocument.elementFromPoint(x, y);
  // In Liner's closed shadow root (as every button is on a page), the page sees only the host.
  const inside =
    root instanceof ShadowRoot ? (top === root.host ? root.elementFromPoint(x, y) : null) : top;
  if (!inside || !(inside === button || button.contains(inside))) return 'covered';
  return undefined;
}

/** What a button says when a click it could not have been seen for did nothing. */
export function unseenClickMessage(reason: string): string {
  return `Liner's button was ${reason} when it was clicked, so nothing was done.`;
}

/**
 * A handler for a button that starts something: it runs on the user's own click (isTrusted) on
 * the button while the user could see it; any other click does nothing but say why (`refused`).
 */
export function bySeenClick<E extends MouseEvent>(
  handler: (event: E) => void,
  refused?: (reason: string) => void,
): (event: E) => void {
  return byUser((event) => {
    const reason = unseenReason(event, event.currentTarget as Element);
    if (reason) refused?.(reason);
    else handler(event);
  });
}
