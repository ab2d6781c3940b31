import { describe, expect, it } from 'vitest';
import { encodeGif } from './gif';

/** The GIF's frames (delays in hundredths, sizes) and loop count, read block by block (GIF89a spec). */
function readGif(bytes: Uint8Array) {
  const text = (from: number, length: number) =>
    String.fromCharCode(...bytes.subarray(from, from + length));
  const word = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  expect(text(0, 6)).toBe('GIF89a');
  const width = word(6);
  const height = word(8);
  let at = 13 + (bytes[10] & 0x80 ? 3 * 2 ** ((bytes[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at += 1;
  };
  const delays: number[] = [];
  const images: { width: number; height: number }[] = [];
  let loops: number | null = null;
  while (bytes[at] !== 0x3b) {
    if (bytes[at] === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xf9) delays.push(word(at + 4));
      if (label === 0xff && text(at + 3, 11) === 'NETSCAPE2.0') loops = word(at + 16);
      at += 2;
      skipSubBlocks();
    } else if (bytes[at] === 0x2c) {
      images.push({ width: word(at + 5), height: word(at + 7) });
      const packed = bytes[at + 9];
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`unexpected block 0x${bytes[at].toString(16)} at ${at}`);
  }
  return { width, height, delays, images, loops };
}

function solid(width: number, height: number, rgb: [number, number, number], milliseconds: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let k = 0; k < data.length; k += 4) data.set([...rgb, 255], k);
  return { width, height, data, milliseconds };
}

describe('GIF encoding', () => {
  it('writes one frame per still with its delay, looping forever', () => {
    const bytes = encodeGif([
      solid(32, 18, [255, 255, 255], 1500),
      solid(32, 18, [79, 70, 229], 1500),
      solid(32, 18, [0, 0, 0], 3000),
    ]);
    const gif = readGif(bytes);
    expect([gif.width, gif.height]).toEqual([32, 18]);
    expect(gif.images).toEqual(Array(3).fill({ width: 32, height: 18 }));
    expect(gif.delays).toEqual([150, 150, 300]);
    expect(gif.loops).toBe(0);
  });

  it('refuses frames of different sizes, and no frames at all', () => {
    expect(() => encodeGif([solid(4, 4, [0, 0, 0], 100), solid(4, 6, [0, 0, 0], 100)])).toThrow(
      'frame 2 is 4×6, not 4×4',
    );
    expect(() => encodeGif([])).toThrow('at least one frame');
  });
});
