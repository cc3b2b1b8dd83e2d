/**
 * What makes a panel a dialog the keyboard reaches: focus moves to its title when it opens (it
 * sits at the end of the document, past every link of the page), and the user's own Escape
 * closes it (the opener then gives focus back to its button).
 */
import { useEffect, useRef } from 'preact/hooks';

export function useDialog(onClose: () => void) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    event.stopPropagation();
    onClose();
  };
  return { title, onKeyDown };
}
