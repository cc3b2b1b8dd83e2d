/**
 * Button handlers that act on the user's own input only. The shadow roots are closed, so a page
 * script has no handle on Liner's buttons; this is the second line: a click a script made
 * (element.click(), dispatchEvent) is not trusted and does nothing, so no page can start
 * look-ups or open MusicBrainz tabs that post seeds without the user asking.
 */
export function byUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

/**
 * For a form's submit button: a script's click would still submit the form (browsers fire a
 * trusted submit event for it), so it is cancelled here. The Enter key in a field submits
 * through a trusted click of this button, so it keeps working.
 */
export function cancelUnlessUser(event: Event): void {
  if (!event.isTrusted) event.preventDefault();
}
