/**
 * The frame of every server page, rendered with Preact on the server (preact-render-to-string):
 * every value is a text node or an attribute, escaped by the renderer, so store data can only
 * ever appear as text. Pages run no scripts; the stylesheet is inline (CSP default-src 'none').
 */
import { iconSvg } from '@liner/shared/icon';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { VERSION } from '../version.ts';
import { PAGE_CSS } from './page-css.ts';

const FAVICON = `data:image/svg+xml,${encodeURIComponent(iconSvg())}`;

/** Liner's icon inline (decorative: the word beside it says what it is). */
function Logo() {
  // Liner's own constant SVG, no input in it: nothing to escape.
  return <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: iconSvg() }} />;
}

/**
 * Only http(s) URLs and paths on this server become links; anything else (javascript:, data:,
 * protocol-relative "//host") is shown as text.
 */
export function SafeLink({
  href,
  children,
}: {
  href: string | undefined;
  children?: ComponentChildren;
}) {
  if (!href) return null;
  const label = children ?? href;
  if (!/^https?:\/\//i.test(href) && !/^\/(?![/\\])/.test(href)) return <>{label}</>;
  return (
    <a href={href} rel="noopener noreferrer">
      {label}
    </a>
  );
}

export interface PageProps {
  title: string;
  /** A line beside the brand: what this page is. */
  meta?: ComponentChildren;
  children: ComponentChildren;
}

function Page({ title, meta, children }: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · Liner`}</title>
        <link rel="icon" href={FAVICON} />
        {/* Liner's own constant CSS: text escaping would break its quotes. */}
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
      </head>
      <body>
        <header class="top">
          <span class="brand">
            <Logo />
            Liner
          </span>
          {meta && <span class="meta">{meta}</span>}
        </header>
        <main>{children}</main>
        <footer>Liner {VERSION}: releases from the stores, into MusicBrainz.</footer>
      </body>
    </html>
  );
}

/** A whole page as HTML text. */
export function renderPage(props: PageProps): string {
  return `<!DOCTYPE html>${renderToString(<Page {...props} />)}`;
}
