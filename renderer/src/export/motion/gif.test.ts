import { describe, expect, it } from 'vitest';
import { encodeGif, gifWriter } from './gif';
import { readGifBlocks as readGif } from './gif-blocks';

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

  it('writes frames as they come, the same file as all at once', () => {
    const frames = [solid(8, 6, [255, 255, 255], 50), solid(8, 6, [217, 119, 6], 50)];
    const writer = gifWriter(8, 6);
    for (const frame of frames) writer.add(frame);
    expect(writer.finish()).toEqual(encodeGif(frames));
    expect(() => gifWriter(8, 6).finish()).toThrow('at least one frame');
  });
});
