import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { unzlibSync } from 'fflate';
import { crc32, encodePng, pngDataUrl } from './png-encode';

/** Reads back a PNG written by encodePng: signature, IHDR, CRCs, and the unfiltered pixels. */
function decode(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(view.getUint32(offset + 8 + length)).toBe(
      crc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = unzlibSync(idat[0]);
  expect(raw.length).toBe(height * (1 + 4 * width));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (1 + 4 * width)]).toBe(0);
    pixels.set(raw.subarray(y * (1 + 4 * width) + 1, (y + 1) * (1 + 4 * width)), y * width * 4);
  }
  return { width, height, pixels };
}

describe('PNG encoder', () => {
  it('computes the standard CRC-32 (the IEND chunk type hashes to AE426082)', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips any RGBA image through deflate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (width, height, seed) => {
          const rgba = new Uint8Array(width * height * 4).map(
            (_, k) => (seed * 31 + k * 17) & 0xff,
          );
          const decoded = decode(encodePng(rgba, width, height));
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          expect(Array.from(decoded.pixels)).toEqual(Array.from(rgba));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses pixel data of the wrong length and makes base64 data URLs', () => {
    expect(() => encodePng(new Uint8Array(5), 1, 1)).toThrow(RangeError);
    const url = pngDataUrl(new Uint8Array([1, 2, 3, 255]), 1, 1);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Uint8Array.from(atob(url.slice(22)), (character) => character.charCodeAt(0));
    expect(Array.from(decode(bytes).pixels)).toEqual([1, 2, 3, 255]);
  });
});
