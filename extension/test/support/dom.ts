/**
 * The happy-dom tests' ways into a page: its URL, Liner's closed shadow roots, and clicks as a
 * user makes them. happy-dom's element.click() is a script's click (no isTrusted), exactly what
 * a store page's own script could do, so Liner's buttons ignore it; userClick is the user's.
 */
import { act } from 'preact/test-utils';

/** Puts the window at a URL (a store's page, a MusicBrainz page). */
export function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;

/**
 * Keeps every shadow root the code under test attaches, closed ones too, for the test to look
 * into; the page itself (element.shadowRoot) still sees none.
 */
export function recordShadowRoots(): void {
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
}

export function shadowOf(host: Element | null | undefined): ShadowRoot | undefined {
  return host ? roots.get(host) : undefined;
}

/**
 * happy-dom lays nothing out: for the click, the element gets a button's size and is what the
 * page and its shadow root find at the click's point, as on a page that hides nothing of it.
 */
function layOutForClick(element: Element): void {
  element.getBoundingClientRect = () => new DOMRect(10, 10, 120, 32);
  const root = element.getRootNode();
  const doc = element.ownerDocument as Document & { elementFromPoint(): Element | null };
  doc.elementFromPoint = () => (root instanceof ShadowRoot ? root.host : element);
  if (!(root instanceof ShadowRoot)) return;
  (root as ShadowRoot & { elementFromPoint(): Element | null }).elementFromPoint = () => element;
}

/** A click with isTrusted set, as the browser gives it for the user's own. */
export function userClick(element: Element): void {
  layOutForClick(element);
  const event = new MouseEvent('click', {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX: 20,
    clientY: 20,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

/** A key press with isTrusted set, as the browser gives it for the user's own. */
export function userKey(element: Element, key: string): void {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

/** The button in `root` whose text is `text`. */
export function buttonNamed(root: ParentNode | undefined, text: string): HTMLButtonElement {
  const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

/**
 * Runs `start` inside act(), so that what it renders has run its effects (a widget's first
 * request) when the promise resolves, instead of on a frame a loaded machine may deliver late.
 */
export async function inAct<T>(start: () => T): Promise<T> {
  let value: T | undefined;
  await act(() => {
    value = start();
  });
  return value as T;
}

/**
 * happy-dom lays nothing out and its IntersectionObserver never reports (the real one is
 * exercised in the e2e): this one reports, a tick after `observe` and after each `scroll()`,
 * every observed element that `inView` says the window shows, as the browser reports an
 * element entering the viewport.
 */
export function viewport(inView: (element: Element) => boolean = () => true): {
  /** The window moved: reports again what `inView` now says it shows. */
  scroll(): void;
  restore(): void;
} {
  const observers = new Set<FakeIntersectionObserver>();
  class FakeIntersectionObserver {
    readonly targets = new Set<Element>();
    constructor(readonly callback: IntersectionObserverCallback) {
      observers.add(this);
    }
    observe(target: Element) {
      this.targets.add(target);
      setTimeout(() => this.report(), 0);
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    disconnect() {
      this.targets.clear();
      observers.delete(this);
    }
    report() {
      const shown = [...this.targets].filter(inView);
      if (shown.length === 0) return;
      const entries = shown.map((target) => ({ target, isIntersecting: true }));
      this.callback(entries as unknown as IntersectionObserverEntry[], this as never);
    }
  }
  const original = window.IntersectionObserver;
  window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  return {
    scroll: () => {
      setTimeout(() => {
        for (const observer of observers) observer.report();
      }, 0);
    },
    restore: () => {
      window.IntersectionObserver = original;
    },
  };
}
