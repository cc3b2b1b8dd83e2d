/**
 * Liner's colours and shared rules (theme.css) as a string, for the shadow roots of the widget,
 * the panels and the MusicBrainz boxes, where a page's stylesheet cannot reach. The extension's
 * own pages link the same file as a stylesheet.
 */
import THEME_CSS from './theme.css?raw';

export { THEME_CSS };
