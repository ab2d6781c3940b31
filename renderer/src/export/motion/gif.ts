// Animated GIF from still frames with gifenc: each frame quantised to its own 256-colour palette
// (flat figures lose nothing), written once with its delay, looping forever. A held step is one
// GIF frame, so a reduction of a dozen steps is a small file. Cost: one quantisation per frame.
import { GIFEncoder, applyPalette, quantize } from 'gifenc';

export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  /** How long it shows, in milliseconds (GIF keeps hundredths of a second). */
  milliseconds: number;
}

export function encodeGif(frames: readonly RgbaFrame[]): Uint8Array {
  if (frames.length === 0) throw new RangeError('a GIF needs at least one frame');
  const { width, height } = frames[0];
  const gif = GIFEncoder();
  frames.forEach((frame, number) => {
    if (frame.width !== width || frame.height !== height)
      throw new RangeError(
        `frame ${number + 1} is ${frame.width}×${frame.height}, not ${width}×${height}`,
      );
    const palette = quantize(frame.data, 256);
    gif.writeFrame(applyPalette(frame.data, palette), width, height, {
      palette,
      delay: frame.milliseconds,
      // 0: loop forever (written with the first frame).
      repeat: 0,
    });
  });
  gif.finish();
  return gif.bytes();
}
