/**
 * Rasterizes Liner's icon (shared/src/icon.ts) into PNGs at build time, in every size the
 * manifests and the stores ask for. Each shape is a signed distance field, so a pixel's coverage
 * is its distance to the edge: crisp at 16 px without a renderer to install. Only IEEE-exact
 * arithmetic (+, -, *, /, sqrt) and a pure-JS deflate are used, so every machine writes the same
 * bytes and the build stays reproducible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ICON_GRID, ICON_SHAPES, type IconShape } from '@liner/shared/icon';
import { zlibSync } from 'fflate';
import { ICON_SIZES, iconPath } from '../src/manifest.ts';

function distance(shape: IconShape, x: number, y: number): number {
  switch (shape.kind) {
    case 'rect': {
      const hx = (shape.x1 - shape.x0) / 2;
      const hy = (shape.y1 - shape.y0) / 2;
      const qx = Math.abs(x - (shape.x0 + hx)) - (hx - shape.r);
      const qy = Math.abs(y - (shape.y0 + hy)) - (hy - shape.r);
      const outside = Math.sqrt(Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2);
      return outside + Math.min(Math.max(qx, qy), 0) - shape.r;
    }
    case 'bar': {
      const nearest = Math.min(Math.max(x, shape.x0), shape.x1);
      return Math.sqrt((x - nearest) ** 2 + (y - shape.y) ** 2) - shape.r;
    }
    case 'circle':
      return Math.sqrt((x - shape.cx) ** 2 + (y - shape.cy) ** 2) - shape.r;
  }
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The icon's RGBA pixels at `size` x `size`. */
export function rasterize(size: number): Uint8Array {
  const scale = size / ICON_GRID;
  const pixels = new Uint8Array(size * size * 4);
  const colors = ICON_SHAPES.map((shape) => rgb(shape.color));
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      // Premultiplied colour and alpha, painted shape over shape.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      ICON_SHAPES.forEach((shape, i) => {
        const d = distance(shape, (col + 0.5) / scale, (row + 0.5) / scale) * scale;
        const cover = Math.min(Math.max(0.5 - d, 0), 1);
        if (cover === 0) return;
        const [cr, cg, cb] = colors[i]!;
        r = cr * cover + r * (1 - cover);
        g = cg * cover + g * (1 - cover);
        b = cb * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      });
      const at = (row * size + col) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
        pixels[at + 3] = Math.round(a * 255);
      }
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An RGBA PNG (8 bits a channel, no filtering: the deflate does the work). */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = new Uint8Array(size * (size * 4 + 1));
  for (let row = 0; row < size; row++)
    rows.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), row * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Writes every size under `dir` (as `icon/<size>.png`); returns the relative paths. */
export function writeIcons(dir: string): string[] {
  mkdirSync(join(dir, 'icon'), { recursive: true });
  return ICON_SIZES.map((size) => {
    writeFileSync(join(dir, iconPath(size)), encodePng(size, rasterize(size)));
    return iconPath(size);
  });
}
