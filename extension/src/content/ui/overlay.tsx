/**
 * Renders its children into another element (the panel's host above the page, mount.ts), like a
 * portal. Preact's own createPortal lives in preact/compat, which would add 8 kB to every
 * store's content script for this one use; the widget passes no context down, so a render
 * into the other element is all a portal would do here.
 */
import { type ComponentChildren, render } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';

export function Overlay({ into, children }: { into: HTMLElement; children: ComponentChildren }) {
  useLayoutEffect(() => {
    render(children, into);
  });
  useEffect(() => () => render(null, into), [into]);
  return null;
}
