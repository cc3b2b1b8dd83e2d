/**
 * Notices URL changes of single-page stores, which navigate with history.pushState: a content
 * script cannot see the page's own calls, so it listens to the Navigation API where the browser
 * has it and polls the location as well (cheap: one string comparison).
 */
export function watchLocation(
  win: Window,
  onChange: (href: string) => void,
  pollMs = 300,
): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const timer = win.setInterval(check, pollMs);
  win.addEventListener('popstate', check);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check);
  return () => {
    win.clearInterval(timer);
    win.removeEventListener('popstate', check);
    navigation?.removeEventListener('navigatesuccess', check);
  };
}
