/**
 * The e2e's way into Liner's closed shadow roots, which a page's scripts (and Playwright's
 * selectors, which run as page scripts) cannot enter. The DevTools protocol can: DOM.describeNode
 * with `pierce` names every shadow root, closed ones too, and the elements found there are read
 * in place. Clicks and typing go through Playwright's mouse and keyboard at the element's place,
 * so they are the user's own (trusted) input, the only kind Liner's buttons act on. The built
 * extension is tested as it ships: no test build, no hook in the extension.
 */
import type { CDPSession, Page } from 'playwright-core';
import { WAIT } from './timing.ts';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** The shadow roots of every `host` element on the page, as remote objects. */
export async function shadowRoots(page: Page, host: string): Promise<string[]> {
  const cdp = await session(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(host)})]`,
  });
  const { result: items } = await cdp.send('Runtime.getProperties', {
    objectId: result.objectId!,
    ownProperties: true,
  });
  const roots: string[] = [];
  for (const item of items.filter((p) => /^\d+$/.test(p.name))) {
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: item.value!.objectId!,
      depth: 1,
      pierce: true,
    });
    const root = node.shadowRoots?.[0];
    if (!root) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    roots.push(object.objectId!);
  }
  return roots;
}

/**
 * Runs `body` in the page on the elements matching `selector` (and `hasText`) in every root,
 * with the list as `elements` and `arg`; returns what it returns, per root, concatenated.
 */
async function inRoots<R>(part: ShadowPart, body: string, arg: unknown = null): Promise<R[]> {
  const cdp = await session(part.page);
  const out: R[] = [];
  for (const objectId of await shadowRoots(part.page, part.host)) {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (selector, text, arg) {
        const elements = [...this.querySelectorAll(selector)].filter(
          (e) => text === null || new RegExp(text).test(e.textContent));
        ${body}
      }`,
      arguments: [{ value: part.selector }, { value: part.hasText }, { value: arg }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'failed');
    out.push(...(result.value as R[]));
  }
  return out;
}

export interface ShadowPart {
  page: Page;
  host: string;
  selector: string;
  /** A regular expression's source the element's text must match, or null. */
  hasText: string | null;
}

/** Polls `read` until it gives something, as Playwright's locators wait for their element. */
async function first<R>(read: () => Promise<R[]>, what: string): Promise<R> {
  const until = Date.now() + WAIT.timeout;
  for (;;) {
    const [found] = await read();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`nothing matches ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function inShadow(page: Page, host: string, selector: string, hasText?: string | RegExp) {
  const part: ShadowPart = {
    page,
    host,
    selector,
    hasText:
      hasText === undefined
        ? null
        : hasText instanceof RegExp
          ? hasText.source
          : escapeRegExp(hasText),
  };
  const what = `${host} ${selector}${hasText ? ` "${hasText}"` : ''}`;
  return {
    count: async () =>
      (await inRoots<number>(part, 'return [elements.length];')).reduce((a, b) => a + b, 0),
    texts: () => inRoots<string>(part, 'return elements.map((e) => e.textContent);'),
    text: () =>
      first(() => inRoots<string>(part, 'return elements.map((e) => e.textContent);'), what),
    attribute: (name: string) =>
      first(
        () =>
          inRoots<string | null>(part, 'return elements.map((e) => e.getAttribute(arg));', name),
        what,
      ),
    /** Runs `fn` in the page on the matching elements (its source is sent, not its closure). */
    evaluateAll: <R>(fn: (elements: Element[]) => R) =>
      inRoots<R>(part, `return [(${fn.toString()})(elements)];`).then((all) => all[0] as R),
    /**
     * A real mouse click at the middle of the first matching element, once it stands still: as
     * Playwright's own clicks wait for a stable element, since a panel whose parts arrive late
     * can move the button between reading its place and the click, which then lands elsewhere.
     */
    async click() {
      const place = () =>
        first(
          () =>
            inRoots<{ x: number; y: number }>(
              part,
              `return elements.slice(0, 1).flatMap((e) => {
              e.scrollIntoView({ block: 'center' });
              const r = e.getBoundingClientRect();
              return r.width > 0 && !e.disabled ? [{ x: r.x + r.width / 2, y: r.y + r.height / 2 }] : [];
            });`,
            ),
          what,
        );
      const until = Date.now() + WAIT.timeout;
      let point = await place();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await place();
        if ((again.x === point.x && again.y === point.y) || Date.now() > until) break;
        point = again;
      }
      await page.mouse.click(point.x, point.y);
    },
    /** Clicks into the field, selects what it holds and types `value` over it. */
    async fill(value: string) {
      await this.click();
      await first(
        () => inRoots<boolean>(part, 'return elements.slice(0, 1).map((e) => (e.select(), true));'),
        what,
      );
      await page.keyboard.insertText(value);
    },
  };
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type ShadowLocator = ReturnType<typeof inShadow>;
