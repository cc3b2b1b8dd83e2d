import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodePng, rasterize } from '../scripts/icons.ts';

const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => [
  ...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('the icon', () => {
  it('draws the shapes: clear corners, purple ground, white lines, the orange dot', () => {
    const pixels = rasterize(128);
    expect(pixel(pixels, 128, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(pixels, 128, 64, 16)).toEqual([0xba, 0x47, 0x8f, 255]);
    expect(pixel(pixels, 128, 64, 38)).toEqual([255, 255, 255, 255]);
    expect(pixel(pixels, 128, 92, 90)).toEqual([0xeb, 0x74, 0x3b, 255]);
    // The rounded corner is blended, not jagged: some pixels on it are partly opaque.
    const corner = [...Array(20).keys()].map((i) => pixel(pixels, 128, i, i)[3]!);
    expect(corner.some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
  });

  it('keeps the lines apart at 16 px', () => {
    const pixels = rasterize(16);
    const column = [...Array(16).keys()].map((y) => pixel(pixels, 16, 6, y)[1]!);
    // Down the lines' column: purple (low green) between bright rows, three times.
    const bright = column.map((g) => g > 160);
    const runs = bright.filter((b, i) => b && !bright[i - 1]).length;
    expect(runs).toBe(3);
  });

  it('encodes the pixels as an RGBA PNG', () => {
    const pixels = rasterize(32);
    const png = encodePng(32, pixels);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const rows = unzlibSync(png.subarray(41, 41 + idatLength));
    for (let y = 0; y < 32; y++) {
      expect(rows[y * 129]).toBe(0);
      expect([...rows.subarray(y * 129 + 1, (y + 1) * 129)]).toEqual([
        ...pixels.subarray(y * 128, (y + 1) * 128),
      ]);
    }
  });
});
