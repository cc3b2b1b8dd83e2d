/**
 * Liner's icon, drawn from a few geometric shapes so that one description serves every use: the
 * extension's PNGs in each size the manifests and stores ask for (rasterized at build time,
 * extension/scripts/icons.ts) and the server pages' SVG favicon. Liner notes in MusicBrainz's
 * colours: lines of text on MusicBrainz purple, with an orange dot.
 */

/** The shapes' coordinate space: a square of this side. */
export const ICON_GRID = 128;

export type IconShape =
  | { kind: 'rect'; x0: number; y0: number; x1: number; y1: number; r: number; color: string }
  | { kind: 'bar'; x0: number; x1: number; y: number; r: number; color: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; color: string };

const PURPLE = '#ba478f';
const ORANGE = '#eb743b';
const WHITE = '#ffffff';

/** Painted in order, later shapes over earlier ones. */
export const ICON_SHAPES: readonly IconShape[] = [
  { kind: 'rect', x0: 4, y0: 4, x1: 124, y1: 124, r: 28, color: PURPLE },
  { kind: 'bar', x0: 30, x1: 98, y: 38, r: 8, color: WHITE },
  { kind: 'bar', x0: 30, x1: 98, y: 64, r: 8, color: WHITE },
  { kind: 'bar', x0: 30, x1: 66, y: 90, r: 8, color: WHITE },
  { kind: 'circle', cx: 92, cy: 90, r: 12, color: ORANGE },
];

function svgShape(shape: IconShape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${shape.x0}" y="${shape.y0}" width="${shape.x1 - shape.x0}" height="${shape.y1 - shape.y0}" rx="${shape.r}" fill="${shape.color}"/>`;
    case 'bar':
      return `<rect x="${shape.x0 - shape.r}" y="${shape.y - shape.r}" width="${shape.x1 - shape.x0 + 2 * shape.r}" height="${2 * shape.r}" rx="${shape.r}" fill="${shape.color}"/>`;
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.color}"/>`;
  }
}

/** The icon as an SVG document. */
export function iconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ICON_GRID} ${ICON_GRID}">${ICON_SHAPES.map(svgShape).join('')}</svg>`;
}
