/**
 * axe-core in the page under test: the serious and critical accessibility violations of the
 * page, or of Liner's parts of it. Liner's shadow roots are closed, which hides them from axe as
 * from any page script; for the scan (and only in the test's page) Element.prototype.shadowRoot
 * is taught the roots the DevTools protocol found, so axe walks into them like open ones.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { session, shadowRoots } from './shadow.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function exposeShadowRoots(page: Page, hosts: readonly string[]): Promise<void> {
  const cdp = await session(page);
  for (const host of hosts)
    for (const objectId of await shadowRoots(page, host))
      await cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: `function () {
          const roots = (window.__linerRoots ??= new WeakMap());
          roots.set(this.host, this);
          if (window.__linerRootsPatched) return;
          const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
          Object.defineProperty(Element.prototype, 'shadowRoot', {
            configurable: true,
            get() { return roots.get(this) ?? own.get.call(this); },
          });
          window.__linerRootsPatched = true;
        }`,
      });
}

/**
 * The serious and critical violations on the page; with `hosts`, only in those elements of
 * Liner's (a store's own page is not Liner's to judge).
 */
export async function seriousViolations(
  page: Page,
  hosts?: readonly string[],
): Promise<Violation[]> {
  if (hosts) await exposeShadowRoots(page, hosts);
  // Through the DevTools protocol: a page's CSP (the server pages allow no script) does not apply.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(include ? { include: include.map((h) => [h]) } : document, {
      resultTypes: ['violations'],
    })) as {
      violations: {
        id: string;
        impact: string;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, hosts ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface LowContrast {
  text: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Text in Liner's shadow roots below WCAG AA contrast (4.5:1, 3:1 for large text), measured
 * from the computed colours. axe leaves the colour contrast of text in a fixed layer inside a
 * shadow root undetermined ("needs review"); Liner's own surfaces use solid colours only, so the
 * nearest ancestor with a background is what the text stands on.
 */
export async function lowContrast(page: Page, hosts: readonly string[]): Promise<LowContrast[]> {
  const cdp = await session(page);
  const found: LowContrast[] = [];
  for (const host of hosts)
    for (const objectId of await shadowRoots(page, host)) {
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const rgba = (text) => { const m = text.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m[3] ?? 1]; };
          const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
          const background = (element) => {
            for (let e = element; e; e = e.parentElement ?? e.getRootNode().host) {
              const bg = rgba(getComputedStyle(e).backgroundColor);
              if (bg[3] > 0) return bg;
            }
            return [255, 255, 255, 1];
          };
          const out = [];
          for (const element of this.querySelectorAll('*')) {
            const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            if (!own || element.closest('details:not([open]) > :not(summary)')) continue;
            const style = getComputedStyle(element);
            if (style.visibility === 'hidden' || style.display === 'none' || element.getClientRects().length === 0) continue;
            const fg = rgba(style.color);
            const bg = background(element);
            const mixed = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
            const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
            const ratio = (a + 0.05) / (b + 0.05);
            const size = parseFloat(style.fontSize);
            const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
            const disabled = element.closest('button:disabled, [aria-disabled="true"]');
            if (!disabled && ratio < (large ? 3 : 4.5))
              out.push({ text: element.textContent.trim().slice(0, 40), color: style.color,
                background: 'rgb(' + bg.slice(0, 3).join(', ') + ')', ratio: Math.round(ratio * 100) / 100 });
          }
          return out;
        }`,
      });
      found.push(...(result.value as LowContrast[]));
    }
  return found;
}
